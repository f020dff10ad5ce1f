package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A command that reads a warehouse, run against a folder without one, says where it looked and exits 2, leaving the
 * folder as it was: no new empty warehouse, no empty pages (#17 item 11). Only run and demo create a warehouse.
 */
class NoWarehouseTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        CommandLine cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args.toArray(String[]::new));
    }

    private static List<String> args(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(more));
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dashboards", "history", "history 3", "serve --no-schedule", "export --out EXPORT"})
    void withHomeSaysWhereItLookedAndExits2(String command) throws IOException {
        Path home = Files.createDirectory(tmp.resolve("not-an-installation"));

        int exit = run(args(command.replace("EXPORT", tmp.resolve("export").toString()), "--home", home.toString()));

        Path expected = home.toAbsolutePath().resolve("warehouse/salesbi.duckdb");
        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString())
                .contains("there is no warehouse at " + expected)
                .contains("--home " + home.toAbsolutePath())
                .contains("'salesbi run' or 'salesbi demo' creates one");
        assertThat(out.toString()).isEmpty();
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left).as("nothing created in the home folder").isEmpty();
        }
        assertThat(tmp.resolve("export")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dashboards", "history", "serve --no-schedule"})
    void withConfigNamesTheConfiguredWarehouse(String command) throws IOException {
        Path config = tmp.resolve("salesbi.yaml");
        Files.writeString(config, "warehouse: data/sales.duckdb\n");

        int exit = run(args(command, "--config", config.toString()));

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString())
                .contains("there is no warehouse at " + tmp.toAbsolutePath().resolve("data/sales.duckdb"))
                .contains("warehouse of " + config.toAbsolutePath());
        assertThat(tmp.resolve("data")).doesNotExist();
        assertThat(tmp.resolve("dashboards")).doesNotExist();
    }
}
