package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations after the baseline run on warehouses that have lived: a warehouse migrated to an earlier version, with
 * what its nights wrote since, migrates to the latest version without an error and keeps the installation's values.
 */
class MigrationUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aWarehouseWhoseNightsWroteTheSourcePrecedenceMigratesAndKeepsIt() throws Exception {
        Path file = dir.resolve("warehouse.duckdb");
        // the versioned schema of version 67; the views are left out, since Flyway applies the repeatable migrations
        // of today with any target, and today's views read tables of later versions (as production, where they
        // always run after every versioned migration)
        flyway(file).target("67").repeatableSqlMigrationPrefix("none-").load().migrate();
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            // what a night of version 67 wrote from salesbi.yaml's source-precedence
            TestWarehouse.execute(
                    conn, "insert into ops.parameter (name, value) values ('source_precedence', 'erp,crm,excel')");
        }

        flyway(file).load().migrate();

        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            assertThat(TestWarehouse.rows(conn, "select value from ops.parameter where name = 'source_precedence'"))
                    .containsExactly(List.of("erp,crm,excel"));
            assertThat(TestWarehouse.rows(
                            conn, "select value from ops.parameter_default where name = 'source_precedence'"))
                    .containsExactly(List.of("crm,erp,excel"));
        }
    }

    @Test
    void aNewWarehouseGetsTheDefaultSourcePrecedence() throws Exception {
        Path file = dir.resolve("fresh.duckdb");
        flyway(file).load().migrate();
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            assertThat(TestWarehouse.rows(conn, "select value from ops.parameter where name = 'source_precedence'"))
                    .containsExactly(List.of("crm,erp,excel"));
            assertThat(TestWarehouse.rows(
                            conn, "select value from ops.parameter_default where name = 'source_precedence'"))
                    .containsExactly(List.of("crm,erp,excel"));
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Path file) {
        return Flyway.configure().dataSource("jdbc:duckdb:" + file, "", "").locations("classpath:db/migration");
    }
}
