package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesbi audit} prints ops.audit (migration V63) newest first, filtered by user, event and outcome. */
class AuditCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();

    @Test
    void printsTheTrailNewestFirstAndFilters() throws Exception {
        try (Warehouse warehouse = Warehouse.open(SettingsLoader.defaults(home).warehouse());
                Connection connection = warehouse.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into ops.audit values
                      (timestamp '2026-12-03 09:00:01', 'login', 'anna', '10.0.0.7', 'failed', null, null, null, null),
                      (timestamp '2026-12-03 09:00:02', 'login', 'anna', '10.0.0.7', 'ok', null, null, null, null),
                      (timestamp '2026-12-03 09:00:03', 'query', 'anna', '10.0.0.7', 'ok',
                       '1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988', 42, 130, null),
                      (timestamp '2026-12-03 09:00:04', 'login', 'mallory', '10.0.0.9', 'throttled', null, null, null,
                       'user_throttled, retry after 4 s')""");
        }

        assertThat(run("--home", home.toString())).isZero();
        assertThat(out.toString().lines().skip(1).map(String::strip))
                .containsExactly(
                        "2026-12-03 09:00:04.000  login  mallory           10.0.0.9         throttled  -                     -"
                                + "         -  user_throttled, retry after 4 s",
                        "2026-12-03 09:00:03.000  query  anna              10.0.0.7         ok         1f2e3d4c5b6a         42"
                                + "       130  -",
                        "2026-12-03 09:00:02.000  login  anna              10.0.0.7         ok         -                     -"
                                + "         -  -",
                        "2026-12-03 09:00:01.000  login  anna              10.0.0.7         failed     -                     -"
                                + "         -  -");

        out.getBuffer().setLength(0);
        assertThat(run("--home", home.toString(), "--user", "anna", "--event", "login", "--failed"))
                .isZero();
        assertThat(out.toString().lines().skip(1)).hasSize(1).allMatch(line -> line.contains("failed"));
    }

    @Test
    void saysSoWhenNothingWasAudited() {
        assertThat(run("--home", home.toString())).isZero();
        assertThat(out.toString()).contains("no audit events yet");
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new AuditCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(args);
    }
}
