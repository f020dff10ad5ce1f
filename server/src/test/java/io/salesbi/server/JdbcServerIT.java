package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries a DuckDB file's kpi views through the Avatica remote driver, as an analyst's tool would. */
class JdbcServerIT {

    private static final int FAST_TEST_ITERATIONS = 1_000;

    @TempDir
    static Path directory;

    private static TestWarehouse warehouse;
    private static JdbcServer server;

    @BeforeAll
    static void startServer() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        UserAccount anna = new UserAccount(
                "anna",
                PasswordHasher.hash("anna-secret".toCharArray(), FAST_TEST_ITERATIONS),
                Set.of(UserAccount.ANALYST),
                Set.of());
        server = JdbcServer.start(warehouse.connections(), JdbcServerSettings.localhost(0, Map.of("anna", anna)));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    void servesKpiViewWithExactValuesOfEveryColumnType() throws SQLException {
        // given the market_share view with decimal, date, timestamp, bigint, varchar and double columns
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                // when
                ResultSet rows = statement.executeQuery("select sales_region, segment, period_start, revenue_eur, "
                        + "units, market_share, computed_at from kpi.market_share order by revenue_eur desc")) {
            // then
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("sales_region")).isEqualTo("Nord");
            assertThat(rows.getString("segment")).isEqualTo("Maschinenbau");
            assertThat(rows.getDate("period_start").toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(rows.getBigDecimal("revenue_eur")).isEqualTo(new BigDecimal("1250000.50"));
            assertThat(rows.getLong("units")).isEqualTo(42L);
            assertThat(rows.getDouble("market_share")).isEqualTo(0.125);
            assertThat(rows.getTimestamp("computed_at").toLocalDateTime())
                    .isEqualTo(LocalDateTime.of(2026, 2, 3, 4, 5, 6, 789_000_000));
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("sales_region")).isEqualTo("Süd");
            assertThat(rows.getBigDecimal("revenue_eur")).isEqualTo(new BigDecimal("875000.25"));
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("segment")).isEqualTo("Chemie");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aggregatesPerRegion() throws SQLException {
        // given two Nord rows (1,250,000.50 + 300,000.00) and one Süd row (875,000.25)
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                // when
                ResultSet rows = statement.executeQuery("select sales_region, sum(revenue_eur) as revenue, "
                        + "sum(units) as units from kpi.market_share group by sales_region order by sales_region")) {
            // then
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Nord");
            assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("1550000.50");
            assertThat(rows.getLong(3)).isEqualTo(47L);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Süd");
            assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("875000.25");
            assertThat(rows.getLong(3)).isEqualTo(17L);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void servesHugeintAndUuidColumnsCastInDuckDb() throws SQLException {
        // given a view with a raw hugeint and uuid, and one whose units are sum(bigint), i.e. hugeint in DuckDB
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                ResultSet traps = statement.executeQuery("select big_count, run_uuid from kpi.type_traps")) {
            assertThat(traps.next()).isTrue();
            assertThat(traps.getBigDecimal("big_count")).isEqualTo(new BigDecimal("12345678901234567890123"));
            assertThat(traps.getString("run_uuid")).isEqualTo("3f1c0b9e-5a6d-4c1e-9a7b-2d4e6f8a0b1c");
        }
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                ResultSet units = statement.executeQuery(
                        "select units from kpi.units_by_segment where segment = 'Maschinenbau'")) {
            assertThat(units.next()).isTrue();
            assertThat(units.getLong("units")).isEqualTo(59L);
        }
    }

    @Test
    void servesTimestampsWithMillisecondPrecision() throws SQLException {
        // given 04:05:06.123456 once as timestamp and once cast to varchar in the view
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("select precise_at, precise_at_text from kpi.type_traps_cast")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getTimestamp("precise_at").toLocalDateTime())
                    .isEqualTo(LocalDateTime.of(2026, 2, 3, 4, 5, 6, 123_000_000));
            assertThat(rows.getString("precise_at_text")).isEqualTo("2026-02-03 04:05:06.123456");
        }
    }

    @Test
    void acceptsOneTrailingSemicolonAsSqlEditorsSendIt() throws SQLException {
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from kpi.market_share;")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(3L);
        }
    }

    @Test
    void aSyntaxErrorIsReportedAsOneWithItsPositionAndWithoutJavaClassNames() throws SQLException {
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select sales_region from kpi.market_share\nwher 1 = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage())
                                .contains("SQL syntax error at line 2, column 6: Encountered \"1\" at line 2, column 6")
                                .doesNotContain("read-only endpoint", "Exception");
                    });
        }
    }

    @Test
    void analystsMistakesKeepTheirReasonWithoutJavaText() throws SQLException {
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select * from kpi.no_such_view"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage())
                                .contains("From line 1, column 15 to line 1, column 30: Object "
                                        + "'no_such_view' not found within 'kpi'")
                                .doesNotContain("Exception");
                    });
        }
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select cast(segment as integer) from kpi.market_share"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22000");
                        assertThat(e.getMessage())
                                .contains("Conversion Error: Could not convert string")
                                .doesNotContain("Exception", "\n\tat ");
                    });
        }
    }

    @Test
    void resolvesUnqualifiedNamesInKpi() throws SQLException {
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from market_share")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(3L);
        }
    }

    @Test
    void reportsServedColumnTypesInMetadataAsSqlTools() throws SQLException {
        // given kpi.type_traps with a hugeint and a uuid column in DuckDB
        List<String> columns = new ArrayList<>();
        try (Connection connection = connect("anna", "anna-secret");
                ResultSet rows = connection.getMetaData().getColumns(null, "kpi", "type_traps", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME"));
            }
        }
        assertThat(columns).containsExactly("big_count DECIMAL(38, 0)", "run_uuid VARCHAR");
    }

    @Test
    void refusesWrongPassword() {
        assertThatThrownBy(() -> connect("anna", "wrong").createStatement().executeQuery("select 1"))
                // the Avatica client reports an HTTP status as a RuntimeException, not an SQLException
                .hasMessageContaining("got HTTP/401");
    }

    @Test
    void refusesUnknownUser() {
        assertThatThrownBy(() ->
                        connect("mallory", "anna-secret").createStatement().executeQuery("select 1"))
                // the Avatica client reports an HTTP status as a RuntimeException, not an SQLException
                .hasMessageContaining("got HTTP/401");
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.url())
                .isEqualTo("jdbc:avatica:remote:url=http://127.0.0.1:" + server.port() + ";serialization=protobuf");
    }

    @Test
    void windowFunctionsRunInDuckDb() throws SQLException {
        // revenue: C0000001 500,000, C0000002 250,000, C0000003 125,000
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select customer_id, row_number() over "
                        + "(order by revenue_eur desc) as place from kpi.customer_value order by customer_id")) {
            List<String> places = new ArrayList<>();
            while (rows.next()) {
                places.add(rows.getString("customer_id") + "=" + rows.getLong("place"));
            }
            assertThat(places).containsExactly("C0000001=1", "C0000002=2", "C0000003=3");
        }
    }

    @Test
    void aWindowFunctionFeedingAnAggregateRunsInDuckDb() throws SQLException {
        // each customer has one row, so its first row by revenue is its own name
        try (Connection connection = connect("anna", "anna-secret");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("with ranked as (select customer_id, company_name, "
                        + "row_number() over (partition by customer_id order by revenue_eur desc) as place "
                        + "from kpi.customer_value) "
                        + "select customer_id, max(case when place = 1 then company_name end) as first_name "
                        + "from ranked group by customer_id order by customer_id")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("customer_id") + "=" + rows.getString("first_name"));
            }
            assertThat(names)
                    .containsExactly(
                            "C0000001=Müller Maschinenbau GmbH",
                            "C0000002=Schmidt Chemie AG",
                            "C0000003=Weber & Söhne KG");
        }
    }

    static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(
                server.url() + ";authentication=BASIC;avatica_user=" + user + ";avatica_password=" + password);
    }
}
