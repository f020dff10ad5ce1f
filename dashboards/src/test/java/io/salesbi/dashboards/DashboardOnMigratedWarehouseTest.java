package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract check against the real views: applies the sql module's migrations (versioned by version, then
 * repeatable by name, as Flyway does) to an empty in-memory warehouse and generates every page from it, so a renamed
 * or retyped kpi column fails here rather than in the nightly job. Skips while the migrations hold no kpi views.
 */
class DashboardOnMigratedWarehouseTest {

    /** The sql module's migrations beside this module; -Dsalesbi.migrations=DIR points elsewhere. */
    private static final Path MIGRATIONS = Path.of(System.getProperty(
            "salesbi.migrations",
            Path.of("..", "sql", "src", "main", "resources", "db", "migration").toString()));

    @TempDir
    Path out;

    @Test
    void everyPageQueryBindsToTheMigratedKpiViews() throws Exception {
        List<Path> scripts = migrations();
        assumeTrue(
                scripts.stream().anyMatch(p -> p.getFileName().toString().startsWith("R__kpi_")),
                "no kpi views in " + MIGRATIONS.toAbsolutePath().normalize() + " yet (R__kpi_*.sql)");

        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path script : scripts) {
                try (Statement statement = conn.createStatement()) {
                    statement.execute(Files.readString(script, StandardCharsets.UTF_8));
                }
            }
            List<Path> pages = new DashboardGenerator(
                            new DashboardSettings(out, Locale.GERMAN, KpiFixture.GENERATED_AT))
                    .generate(conn);

            assertThat(pages).hasSize(10).allSatisfy(page -> assertThat(page).isNotEmptyFile());
        }
    }

    /**
     * A regional page set reads every relation the pages read through its declared row policy; on the real views a
     * relation without one, or one whose columns no longer fit it, fails here rather than in the night.
     */
    @Test
    void everyRelationARegionalPageSetReadsHasAPolicyThatFitsTheMigratedColumns() throws Exception {
        List<Path> scripts = migrations();
        assumeTrue(
                scripts.stream().anyMatch(p -> p.getFileName().toString().startsWith("R__kpi_")),
                "no kpi views in " + MIGRATIONS.toAbsolutePath().normalize() + " yet (R__kpi_*.sql)");

        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path script : scripts) {
                try (Statement statement = conn.createStatement()) {
                    statement.execute(Files.readString(script, StandardCharsets.UTF_8));
                }
            }
            try (Statement statement = conn.createStatement()) {
                // the region must be one a golden customer is in
                statement.execute("insert into core.customer_golden (customer_id, sales_region, record_count, "
                        + "source_systems) values ('C0000001', 'Nord', 1, 'erp')");
            }
            List<Path> pages = new DashboardGenerator(
                            new DashboardSettings(out, Locale.GERMAN, KpiFixture.GENERATED_AT))
                    .generateRegional(conn, List.of(RegionScope.of(Set.of("Nord"))), RowPolicies.warehouse());

            assertThat(pages)
                    .hasSize(10)
                    .allSatisfy(page -> assertThat(page).isNotEmptyFile().hasParent(out.resolve("regions/nord")));
        }
    }

    private static List<Path> migrations() throws Exception {
        if (!Files.isDirectory(MIGRATIONS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted(Comparator.comparing(DashboardOnMigratedWarehouseTest::order))
                    .toList();
        }
    }

    /** V files by numeric version first, then R files by name. */
    private static String order(Path script) {
        String name = script.getFileName().toString();
        if (name.startsWith("V")) {
            return "0" + String.format("%010d", Integer.parseInt(name.substring(1, name.indexOf("__"))));
        }
        return "1" + name;
    }
}
