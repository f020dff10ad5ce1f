package io.salesbi.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of configuration error in {@code salesbi.yaml}: each file has several errors of the class, and
 * every one of them is reported at once, with file:line:column, the key, the value found and what was expected.
 */
class SettingsFileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void everyUnknownKeyIsReportedWithItsPlaceAndTheKeyMeant() throws Exception {
        Path config = write("""
                inbx: ./inbox
                server:
                  portt: 8080
                alerts:
                  email:
                    smtp-host: mail.example.com
                    form: night@example.com
                    to: [sales@example.com]
                """);

        assertThat(problems(config))
                .containsExactly(
                        config
                                + ":1:1: unknown key 'inbx' (did you mean 'inbox'?); known keys: [alerts, archive, dashboards, "
                                + "error, file-settle-millis, home, home-currency, inbox, job-repository, kpi, locale, "
                                + "mappings, match, ready-marker, retention, server, source-precedence, subscriptions, warehouse]",
                        config
                                + ":3:3: unknown key 'server.portt' (did you mean 'port'?); known keys: [allow-anonymous, "
                                + "cron, host, keystore, keystore-password-env, login-backoff-seconds, login-free-failures-per-address, login-free-failures-per-user, "
                                + "login-lockout-failures, login-lockout-minutes, login-max-backoff-seconds, "
                                + "max-concurrent-queries, max-concurrent-queries-per-user, max-query-timeout-seconds, "
                                + "max-queued-queries, port, query-timeout-seconds, queue-wait-seconds, users]",
                        config + ":5:3: key 'alerts.email.from' is missing",
                        config
                                + ":7:5: unknown key 'alerts.email.form' (did you mean 'from'?); known keys: [from, password, "
                                + "smtp-host, smtp-port, starttls, to, username]");
    }

    @Test
    void everyValueOfTheWrongTypeIsReportedWithWhatWasFoundAndExpected() throws Exception {
        Path config = write("""
                file-settle-millis: soon
                ready-marker: flag
                match:
                  match-threshold: high
                server:
                  port: "8080"
                  allow-anonymous: 1
                  users: [alice, bob]
                """);

        assertThat(problems(config))
                .containsExactly(
                        config + ":1:1: key 'file-settle-millis' must be a whole number, found 'soon'",
                        config + ":2:1: key 'ready-marker': 'flag' is not one of [none, done, ok]",
                        config + ":4:3: key 'match.match-threshold' must be a number, found 'high'",
                        config + ":6:3: key 'server.port' must be a whole number, found '8080'",
                        config + ":7:3: key 'server.allow-anonymous' must be true or false, found 1",
                        config + ":8:3: key 'server.users' must be a mapping (key: value lines), found a list");
    }

    @Test
    void everyMissingRequiredKeyIsReportedAtItsMapping() throws Exception {
        Path config = write("""
                server:
                  users:
                    alice:
                      roles: [analyst]
                alerts:
                  email:
                    smtp-port: 587
                """);

        assertThat(problems(config))
                .containsExactly(
                        config + ":3:5: key 'server.users.alice.password-hash' is missing (create one with 'salesbi "
                                + "hash-password')",
                        config + ":6:3: key 'alerts.email.from' is missing",
                        config + ":6:3: key 'alerts.email.smtp-host' is missing",
                        config + ":6:3: key 'alerts.email.to' must list e-mail addresses");
    }

    @Test
    void everyMisspelledKpiKeyIsReportedAtItsLineBeforeTheNightStarts() throws Exception {
        // given two misspelled KPI keys beside a known one
        Path config = write("""
                locale: en
                kpi:
                  cost-per-visit-eur: 450
                  cost-per-vist-eur: 500
                  cost-per-support-tiket-eur: 60
                """);
        SalesbiSettings settings = SettingsLoader.load(config, dir);

        // when the night starts, then it stops before its first step, naming both keys with file:line:column
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"))) {
            InvalidSettingsException e = catchThrowableOfType(
                    InvalidSettingsException.class,
                    () -> new NightlyRun(settings, warehouse).execute(LocalDate.of(2026, 1, 15), false));

            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems().get(0))
                    .startsWith(config + ":4:3: kpi.cost-per-vist-eur is not a parameter of "
                            + "the KPIs (did you mean 'cost-per-visit-eur'?); known: [");
            assertThat(e.problems().get(1))
                    .startsWith(config + ":5:3: kpi.cost-per-support-tiket-eur is not a "
                            + "parameter of the KPIs (did you mean 'cost-per-support-ticket-eur'?); known: [");
        }
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    private List<String> problems(Path config) {
        return catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null))
                .problems();
    }

    private Path write(String content) throws Exception {
        return Files.writeString(dir.resolve("salesbi.yaml"), content);
    }
}
