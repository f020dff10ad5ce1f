package io.salesbi.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse of a development build before release 0.1 carries the Flyway history of the migrations V1..V50 that the
 * release squashed into V1__baseline.sql. It is made here from the baseline alone (whose schema SchemaCatalogueTest
 * proved equal to V1..V50's) with the history a real pre-release demo warehouse had
 * ({@code warehouse/pre-release-history.csv}, copied from one made by the last development build).
 */
class PreReleaseWarehouseTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void preReleaseWarehouse() throws Exception {
        file = dir.resolve("salesbi.duckdb");
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = conn.createStatement()) {
            // the schema of V1..V50 is the baseline's (views came from the repeatable migrations, applied on adoption);
            // later versions are what the adopted warehouse still lacks
            st.execute(Files.readString(Path.of("../sql/src/main/resources/db/migration/V1__baseline.sql")));
            st.execute("""
                    create table flyway_schema_history (installed_rank integer not null primary key,
                        version varchar(50), description varchar(200) not null, type varchar(20) not null,
                        script varchar(1000) not null, checksum integer, installed_by varchar(100) not null,
                        installed_on timestamp not null default current_timestamp, execution_time integer not null,
                        success boolean not null)""");
            st.execute("""
                    insert into flyway_schema_history
                    select installed_rank, version, description, type, script, checksum, '',
                        timestamp '2026-11-30 02:00', 10, true
                    from read_csv('%s', header = true, all_varchar = true)""".formatted(Path.of("src/test/resources/warehouse/pre-release-history.csv")
                    .toAbsolutePath()));
            st.execute("""
                    insert into ops.publish values (7, date '2026-11-29', timestamp '2026-11-30 02:10', 20, 11290)""");
        }
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(PreReleaseHistory.ADOPT_PROPERTY);
    }

    @Test
    void isRefusedNamingTheFileTheSquashAndBothWaysOut() {
        assertThatThrownBy(() -> Warehouse.open(file))
                .isInstanceOf(SQLException.class)
                .hasMessage("The warehouse " + file + " was made by a development build of salesbi before release 0.1, "
                        + "whose migrations V1 to V50 were squashed into V1__baseline.sql (its history runs from "
                        + "V1__raw_and_operations.sql to V50__masters_from_order_lines.sql). Re-create it: move the "
                        + "file away and run the night again with the files of the archive put back into the inbox. "
                        + "If its history ends at V50__masters_from_order_lines.sql, its schema is the baseline's: "
                        + "adopt it once with SALESBI_JAVA_OPTS=-Dsalesbi.warehouse.adopt-pre-release=true. "
                        + "See docs/architecture.md, \"Migrations after a release\".");
    }

    @Test
    void withTheOptionACompleteHistoryIsBaselinedKeepingDataAndHistory() throws Exception {
        System.setProperty(PreReleaseHistory.ADOPT_PROPERTY, "true");
        Warehouse.open(file).close();
        System.clearProperty(PreReleaseHistory.ADOPT_PROPERTY);

        // then opening again needs no option and applies nothing
        try (Warehouse warehouse = Warehouse.open(file);
                Connection conn = warehouse.connect()) {
            List<String> versions = rows(
                    conn,
                    "select version, type, description, success from flyway_schema_history "
                            + "where version is not null order by installed_rank");
            assertThat(versions.get(0)).isEqualTo("1 BASELINE pre-release schema adopted as the baseline true");
            // the versions after the baseline (V61 onwards) applied on top, as on any warehouse
            assertThat(versions.subList(1, versions.size()))
                    .allSatisfy(version ->
                            assertThat(version).matches("[0-9]+ SQL .* true").doesNotStartWith("1 "));
            assertThat(rows(conn, "select count(*) from flyway_schema_history where version is null and success"))
                    .containsExactly(String.valueOf(repeatableMigrations()));
            assertThat(
                            rows(
                                    conn,
                                    "select count(*), max(try_cast(version as integer)) from flyway_schema_history_pre_release"))
                    .containsExactly("33 50");
            assertThat(rows(conn, "select run_id, kpi_rows from ops.publish")).containsExactly("7 11290");
            assertThat(rows(
                            conn,
                            "select count(*) from duckdb_views() where schema_name = 'kpi' and view_name in "
                                    + "('sales_cube', 'channel_pnl', 'customer_value')"))
                    .containsExactly("3");
        }
    }

    @Test
    void withTheOptionAnIncompleteHistoryIsStillRefused() throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = conn.createStatement()) {
            st.execute("delete from flyway_schema_history where version in ('48', '49', '50')");
        }
        System.setProperty(PreReleaseHistory.ADOPT_PROPERTY, "true");

        assertThatThrownBy(() -> Warehouse.open(file))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("it cannot be adopted as the baseline because its history ends at "
                        + "V47__real_exports.sql, not at V50__masters_from_order_lines.sql")
                .hasMessageContaining("Re-create it: move the file away")
                .hasMessageNotContaining("SALESBI_JAVA_OPTS");
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            assertThat(rows(conn, "select count(*) from flyway_schema_history")).containsExactly("30");
        }
    }

    /** The repeatable migrations of the sql module, each applied once after the baseline. */
    private static long repeatableMigrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../sql/src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("R__"))
                    .count();
        }
    }

    private static List<String> rows(Connection conn, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
