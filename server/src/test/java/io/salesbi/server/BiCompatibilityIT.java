package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What BI tools do at connect and on a first query (#16 item 6), against kpi.market_share of the test warehouse:
 * ('Nord', 'Maschinenbau', 2026-01-01, 1250000.50, 42 units), ('Süd', 'Maschinenbau', 2026-01-01, 875000.25, 17),
 * ('Nord', 'Chemie', 2026-01-01, 300000.00, 5), all computed at 2026-02-03 04:05:06.789.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiCompatibilityIT {

    private TestWarehouse warehouse;
    private JdbcServer server;

    @BeforeAll
    void startServer(@TempDir Path directory) throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        UserAccount anna = new UserAccount(
                "anna", PasswordHasher.hash("anna-secret".toCharArray(), 1_000), Set.of(UserAccount.ANALYST), Set.of());
        server = JdbcServer.start(
                warehouse.connections(), JdbcServerSettings.localhost(0, Map.of("anna", anna)), warehouse.policies());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        warehouse.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "select date_trunc('month', computed_at) from kpi.market_share where segment = 'Chemie'|2026-02-01 00:00:00",
                "select date_trunc('year', period_start) from kpi.market_share where segment = 'Chemie'|2026-01-01",
                "select median(units) from kpi.market_share|17",
                "select extract(year from period_start) from kpi.market_share where segment = 'Chemie'|2026",
                "select count(*) from kpi.market_share where period_start <= current_date|3",
                "select period_start + interval '1' month from kpi.market_share where segment = 'Chemie'|2026-02-01",
                "select string_agg(segment, ',' order by segment) from kpi.market_share where sales_region = 'Nord'|Chemie,Maschinenbau",
                "select count(*) from kpi.market_share where segment ilike 'chem%'|1",
                // computed_at 2026-02-03 04:05:06.789 is a Tuesday: DuckDB's weeks start on Monday
                "select date_trunc('quarter', computed_at) from kpi.market_share where segment = 'Chemie'|2026-01-01 00:00:00",
                "select date_trunc('week', computed_at) from kpi.market_share where segment = 'Chemie'|2026-02-02 00:00:00",
                "select date_trunc('quarter', period_start) from kpi.market_share where segment = 'Chemie'|2026-01-01",
                // whole units from 2026-01-01 to 2026-02-03 04:05:06.789, truncated toward zero
                "select timestampdiff(day, period_start, computed_at) from kpi.market_share where segment = 'Chemie'|33",
                "select timestampdiff(hour, period_start, computed_at) from kpi.market_share where segment = 'Chemie'|796",
                "select timestampdiff(week, period_start, computed_at) from kpi.market_share where segment = 'Chemie'|4",
                "select timestampdiff(day, computed_at, period_start) from kpi.market_share where segment = 'Chemie'|-33",
                "select timestampdiff(month, period_start, computed_at) from kpi.market_share where segment = 'Chemie'|1",
                "select timestampdiff(month, computed_at, period_start) from kpi.market_share where segment = 'Chemie'|-1",
                "select timestampdiff(quarter, period_start, computed_at) from kpi.market_share where segment = 'Chemie'|0",
                "select timestampdiff(month, date '2026-01-31', period_start + interval '58' day) from kpi.market_share where segment = 'Chemie'|0",
                "select timestampdiff(year, date '2024-02-29', period_start) from kpi.market_share where segment = 'Chemie'|1",
                "select units::varchar(10) from kpi.market_share where segment = 'Chemie'|5",
                "select revenue_eur::int from kpi.market_share where segment = 'Chemie'|300000",
                "select '2026-03-15'::date from kpi.market_share where segment = 'Chemie'|2026-03-15",
                "select sum(units)::text from kpi.market_share|64"
            })
    void analystsFunctionsRunInDuckDb(String sql, String expected) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(expected);
        }
    }

    @Test
    void dateTimestampDecimalAndBooleanParameters() throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select segment from kpi.market_share where period_start = ? and computed_at < ? "
                                + "and revenue_eur > ? and (units > 10) = ? order by segment")) {
            statement.setDate(1, Date.valueOf("2026-01-01"));
            statement.setTimestamp(2, Timestamp.valueOf("2026-02-04 00:00:00"));
            statement.setBigDecimal(3, new BigDecimal("400000.00"));
            statement.setBoolean(4, true);
            assertThat(column(statement)).containsExactly("Maschinenbau", "Maschinenbau");
            statement.setDate(1, Date.valueOf("2026-01-01"));
            statement.setTimestamp(2, Timestamp.valueOf("2026-02-03 04:05:06"));
            assertThat(column(statement)).isEmpty();
            statement.setBigDecimal(3, new BigDecimal("100000.00"));
            statement.setBoolean(4, false);
            statement.setTimestamp(2, Timestamp.valueOf("2026-02-03 04:05:07"));
            assertThat(column(statement)).containsExactly("Chemie");
        }
    }

    @Test
    void metadataAsDbeaverReadsItAtConnect() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.getDatabaseProductName()).isNotBlank();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metadata.getTables(null, "kpi", "market%", null)) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME") + " "
                            + rows.getString("TABLE_TYPE") + " " + rows.getString("REMARKS"));
                }
            }
            // REMARKS: the What of the warehouse's own header of kpi.market_share
            String what = io.salesbi.sql.KpiDescriptions.warehouse().get("kpi.market_share");
            assertThat(what).startsWith("our share of each market segment in the market study");
            assertThat(tables).containsExactly("kpi.market_share VIEW " + what);
            try (ResultSet rows = metadata.getColumns(null, "kpi", "market_share", "segment")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
                assertThat(rows.getInt("COLUMN_SIZE")).isEqualTo(WithColumnSizes.VARCHAR_SIZE);
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select segment, revenue_eur from kpi.market_share")) {
                ResultSetMetaData columns = rows.getMetaData();
                assertThat(columns.getPrecision(1)).isPositive();
                assertThat(columns.getColumnDisplaySize(1)).isPositive();
                assertThat(columns.getPrecision(2)).isEqualTo(18);
                assertThat(columns.getScale(2)).isEqualTo(2);
            }
        }
    }

    @Test
    void groupByAllGroupsByTheSelectListsPlainExpressions() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select sales_region, period_start::varchar as p,"
                        + " sum(units) as units, count(*) as n from kpi.market_share group by all order by 1")) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getLong(3) + " " + rows.getLong(4));
            }
            assertThat(lines).containsExactly("Nord 2026-01-01 47 2", "Süd 2026-01-01 17 1");
        }
    }

    @Test
    void groupByAllWithSelectStarSaysWhatToDo() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select * from kpi.market_share group by all"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("GROUP BY ALL cannot group by SELECT *: name the columns");
        }
    }

    @Test
    void aSyntaxErrorSaysWhereItIs() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select segment\nfrom kpi.market_share\nwher units > 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SQL syntax error at line 3, column");
        }
    }

    private static List<String> column(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                server.url() + ";authentication=BASIC;avatica_user=anna;avatica_password=anna-secret");
    }
}
