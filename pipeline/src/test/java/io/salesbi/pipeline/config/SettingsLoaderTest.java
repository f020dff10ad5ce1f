package io.salesbi.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesbi.server.QueryLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsPutEveryFolderUnderHome() {
        SalesbiSettings s = SettingsLoader.defaults(dir);

        assertThat(s.inbox()).isEqualTo(dir.resolve("inbox"));
        assertThat(s.warehouse()).isEqualTo(dir.resolve("warehouse/salesbi.duckdb"));
        assertThat(s.server().host()).isEqualTo("127.0.0.1");
        assertThat(s.server().allowAnonymous()).isFalse();
        assertThat(s.locale().getLanguage()).isEqualTo("de");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFile() throws Exception {
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                home: ./site
                locale: en
                kpi:
                  cost-per-visit-eur: 500
                match:
                  match-threshold: 0.95
                  review-threshold: 0.6
                """);

        SalesbiSettings s = SettingsLoader.load(config, null);

        assertThat(s.home()).isEqualTo(dir.resolve("site"));
        assertThat(s.archive()).isEqualTo(dir.resolve("site/archive"));
        assertThat(s.kpi()).containsEntry("cost_per_visit_eur", "500");
        assertThat(s.match().matchThreshold()).isEqualTo(0.95);
        assertThat(s.locale().getLanguage()).isEqualTo("en");
    }

    @Test
    void everyProblemIsReportedOnceWithItsKey() throws Exception {
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                locale: fr
                colour: blue
                kpi:
                  cost-per-visit-eur: lots
                match:
                  match-threshold: 0.4
                  review-threshold: 0.6
                server:
                  port: 70000
                  cron: "every night"
                """);

        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null));

        assertThat(e.problems()).hasSize(6);
        assertThat(e.problems())
                .anyMatch(p -> p.contains("locale") && p.contains("'fr'"))
                .anyMatch(p -> p.contains("unknown key 'colour'"))
                .anyMatch(p -> p.contains("key 'kpi.cost-per-visit-eur' must be a number, found 'lots'"))
                .anyMatch(p -> p.contains("review-threshold <= match-threshold"))
                .anyMatch(p -> p.contains("server.port") && p.contains("70000"))
                .anyMatch(p -> p.contains("key 'server.cron': 'every night'"));
        assertThat(e.problems()).allMatch(p -> p.startsWith(config.toString()));
    }

    @Test
    void serverQueryLimitsDefaultAndAreReadFromServerKeys() throws Exception {
        assertThat(SettingsLoader.defaults(dir).server().limits()).isEqualTo(QueryLimits.DEFAULT);
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                server:
                  query-timeout-seconds: 60
                  max-query-timeout-seconds: 600
                  max-concurrent-queries: 4
                  max-concurrent-queries-per-user: 2
                  max-queued-queries: 3
                  queue-wait-seconds: 5
                """);

        QueryLimits limits = SettingsLoader.load(config, null).server().limits();

        assertThat(limits)
                .isEqualTo(new QueryLimits(
                        Duration.ofSeconds(60), Duration.ofSeconds(600), 4, 2, 3, Duration.ofSeconds(5)));
    }

    @Test
    void queryLimitsThatContradictEachOtherAreAProblemOfTheFile() throws Exception {
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                server:
                  max-concurrent-queries: 2
                  max-concurrent-queries-per-user: 3
                """);

        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null));

        assertThat(e.problems())
                .containsExactly(config + ":1:1: server query limits: JDBC concurrent queries must be at "
                        + "least 1 and per user at most the total, were 2 total, 3 per user");
    }

    @Test
    void aKeystoreIsResolvedBesideTheFileAndItsPasswordReadFromTheNamedVariable() throws Exception {
        assertThat(SettingsLoader.defaults(dir).server().keystore()).isNull();
        Files.createDirectories(dir.resolve("config"));
        Files.write(dir.resolve("config/salesbi.p12"), new byte[] {1});
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                server:
                  keystore: ./config/salesbi.p12
                  keystore-password-env: KEYSTORE_SECRET
                """);

        SalesbiSettings.ServerConfig server = SettingsLoader.load(config, null).server();

        assertThat(server.keystore()).isEqualTo(dir.resolve("config/salesbi.p12"));
        assertThat(server.keystorePassword(name -> name.equals("KEYSTORE_SECRET") ? "s3cret" : null))
                .isEqualTo("s3cret");
        assertThatThrownBy(() -> server.keystorePassword(name -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEYSTORE_SECRET")
                .hasMessageContaining("salesbi.p12");
    }

    @Test
    void aMissingKeystoreAndAMissingPasswordVariableAreReportedAtOnceWithTheirLines() throws Exception {
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                server:
                  port: 8443
                  keystore: ./config/missing.p12
                """);

        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems())
                .anyMatch(
                        p -> p.startsWith(config + ":3:") && p.contains("no file " + dir.resolve("config/missing.p12")))
                .anyMatch(p -> p.startsWith(config + ":3:") && p.contains("keystore-password-env"));
    }

    @Test
    void readyMarkerIsNoneByDefaultAndTheMarkersSuffixWhenGiven() throws Exception {
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, "ready-marker: OK\n");

        assertThat(SettingsLoader.defaults(dir).readyMarker()).isNull();
        assertThat(SettingsLoader.load(config, null).readyMarker()).isEqualTo(".ok");

        Files.writeString(config, "ready-marker: flag\n");
        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null));
        assertThat(e.problems())
                .containsExactly(config + ":1:1: key 'ready-marker': 'flag' is not one of [none, done, ok]");
    }

    @Test
    void sourcePrecedenceIsTodaysOrderByDefaultAndHandedToTheSqlLayer() throws Exception {
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, "source-precedence: [erp, crm]\n");

        assertThat(SettingsLoader.defaults(dir).kpi()).containsEntry("source_precedence", "crm,erp,excel");
        assertThat(SettingsLoader.load(config, null).kpi()).containsEntry("source_precedence", "erp,crm");

        Files.writeString(config, "source-precedence: [erp, CRM, erp]\n");
        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null));
        assertThat(e.problems())
                .containsExactly(
                        config + ":1:26: key 'source-precedence[1]': 'CRM' must match [a-z][a-z0-9_]*",
                        config + ":1:31: key 'source-precedence[2]': 'erp' is listed twice");
    }

    @Test
    void sourcesWithoutDuplicatesAreNoneByDefaultAndNamedLikeSourceSystems() throws Exception {
        assertThat(SettingsLoader.defaults(dir).match().sourcesWithoutDuplicates())
                .isEmpty();
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                match:
                  sources-without-duplicates: [erp]
                """);
        assertThat(SettingsLoader.load(config, null).match().sourcesWithoutDuplicates())
                .containsExactly("erp");

        Files.writeString(config, """
                match:
                  sources-without-duplicates: [ERP]
                """);
        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null));
        assertThat(e.problems())
                .singleElement()
                .asString()
                .contains("sources-without-duplicates[0]")
                .contains("'ERP' must match [a-z][a-z0-9_]*");
    }

    @Test
    void retentionKeepsEverythingUnlessDaysAreGiven() throws Exception {
        assertThat(SettingsLoader.defaults(dir).retention())
                .isEqualTo(new SalesbiSettings.RetentionConfig(null, null, null, null));
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                retention:
                  archive-days: 90
                  quarantine-days: 180
                """);

        assertThat(SettingsLoader.load(config, null).retention())
                .isEqualTo(new SalesbiSettings.RetentionConfig(90, null, 180, null));
    }

    @Test
    void retentionDaysMustBeWholePositiveNumbers() throws Exception {
        Path config = dir.resolve("salesbi.yaml");
        Files.writeString(config, """
                retention:
                  archive-days: 0
                  error-days: soon
                  logs-days: 3
                """);

        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null));

        assertThat(e.problems())
                .containsExactlyInAnyOrder(
                        config + ":2:3: key 'retention.archive-days': 0 must be a whole number of days >= 1",
                        config + ":3:3: key 'retention.error-days' must be a whole number, found 'soon'",
                        config + ":4:3: unknown key 'retention.logs-days'; known keys: "
                                + "[archive-days, error-days, quarantine-days, run-history-days]");
    }
}
