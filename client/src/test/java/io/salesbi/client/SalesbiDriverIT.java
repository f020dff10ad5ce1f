package io.salesbi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.server.JdbcServer;
import io.salesbi.server.JdbcServerSettings;
import io.salesbi.server.PasswordHasher;
import io.salesbi.server.QueryLimits;
import io.salesbi.server.UserAccount;
import io.salesbi.sql.RowPolicies;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaStatement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The salesbi JDBC driver against a real endpoint over a DuckDB file, on 127.0.0.1 only: cancel and query timeouts
 * stop the query in DuckDB (a filtered count over 10^12 generated rows, hours unless interrupted) and are recorded in
 * ops.audit; the server's default and maximum timeouts apply; java.time types through getObject. Bounds on elapsed
 * time are generous (a shared 2-core machine): the query would otherwise run for hours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesbiDriverIT {

    private static final String SLOW = "select n from kpi.slow_count";
    private static final String[] WAREHOUSE = {
        "create schema core",
        "create schema kpi",
        "create schema ops",
        "create table core.market_fact (sales_region varchar, period_start date, revenue_eur decimal(18, 2),"
                + " units bigint, computed_at timestamp)",
        "insert into core.market_fact values ('Nord', date '2026-01-01', 1250000.50, 42,"
                + " timestamp '2026-02-03 04:05:06.789'), ('Süd', date '2026-03-31', 875000.25, null, null)",
        "create view kpi.market_share as select * from core.market_fact",
        "create view kpi.slow_count as select count(*) as n from range(1000000000000) as t(i) where i % 7 = 3",
        "create view kpi.many_rows as select i as id, cast(i % 1000 as integer) as small,"
                + " cast(i * 1.25 as decimal(18, 2)) as amount, case when i % 7 = 0 then null else 'Zeile ü ' || i end"
                + " as label, date '2026-01-01' + cast(i % 400 as integer) as day,"
                + " timestamp '2026-02-03 04:05:06.789' + to_seconds(i) as at, i % 2 = 0 as even, i / 3.0 as ratio,"
                + " cast(i as decimal(38, 0)) * 100000000000000000000 as huge from range(25000) as t(i)",
        "create view kpi.regional_rows as select i as id, case i % 3 when 0 then 'Nord' when 1 then 'Süd' else"
                + " 'West' end as sales_region, 'Zeile ' || i as label, cast(i * 0.5 as decimal(18, 2)) as amount"
                + " from range(30000) as t(i)",
        // as migration V63 of the warehouse
        "create table ops.audit (logged_at timestamp not null, event varchar not null, login varchar not null,"
                + " client_address varchar, outcome varchar not null, sql_sha256 varchar, rows_returned bigint,"
                + " duration_ms bigint, detail varchar)"
    };

    private DuckDBConnection owner;
    private JdbcServer server;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        owner = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("w.duckdb"));
        try (Statement statement = owner.createStatement()) {
            for (String sql : WAREHOUSE) {
                statement.execute(sql);
            }
        }
        server = start(new QueryLimits(Duration.ofSeconds(60), Duration.ofSeconds(90), 4, 4, 4, Duration.ofSeconds(5)));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        owner.close();
    }

    @Test
    void cancelFromAnotherThreadStopsTheQueryInDuckDbAndTheConnectionStaysUsable() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection connection = connect(server, "anna");
                Statement statement = connection.createStatement()) {
            CountDownLatch sent = new CountDownLatch(1);
            Future<?> query = client.submit(() -> {
                sent.countDown();
                return statement.executeQuery(SLOW);
            });
            assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1_500);
            assertThat(query).as("the query still runs after 1.5 s").isNotDone();

            long started = System.nanoTime();
            statement.cancel();

            assertThatThrownBy(() -> query.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("cancelled: the client cancelled the query");
            assertThat(secondsSince(started))
                    .as("seconds from cancel to the error")
                    .isLessThan(15);

            // the connection, and the statement, still serve queries
            assertThat(count(connection, "select count(*) from kpi.market_share"))
                    .isEqualTo(2);
            try (ResultSet rows = statement.executeQuery("select count(*) from kpi.market_share")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(2);
            }
        } finally {
            client.shutdownNow();
        }
        assertThat(auditOutcomes("anna")).contains("cancelled");
    }

    @Test
    void cancelOfAnIdleStatementDoesNothing() throws Exception {
        try (Connection connection = connect(server, "anna");
                Statement statement = connection.createStatement()) {
            statement.cancel();
            assertThat(count(connection, "select count(*) from kpi.market_share"))
                    .isEqualTo(2);
        }
    }

    @Test
    void setQueryTimeoutEndsASlowQueryWithATimeoutError() throws Exception {
        long started = System.nanoTime();
        try (Connection connection = connect(server, "tom");
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertThat(statement.getQueryTimeout()).isEqualTo(1);
            assertThatThrownBy(() -> statement.executeQuery(SLOW))
                    .isInstanceOf(SQLTimeoutException.class)
                    .hasMessage("query timeout after 1 s (the statement's query timeout)");
            // and the next query of the statement runs
            try (ResultSet rows = statement.executeQuery("select count(*) from kpi.market_share")) {
                assertThat(rows.next()).isTrue();
            }
        }
        assertThat(secondsSince(started))
                .as("seconds until the 1 s timeout ended the query")
                .isLessThan(20);
        assertThat(auditOutcomes("tom")).contains("timeout");
    }

    @Test
    void theServersDefaultAppliesWithoutATimeoutAndItsMaximumCapsALongerOne() throws Exception {
        try (JdbcServer strict =
                start(new QueryLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 4, 4, Duration.ofSeconds(5)))) {
            try (Connection connection = connect(strict, "anna");
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery(SLOW))
                        .isInstanceOf(SQLTimeoutException.class)
                        .hasMessage("query timeout after 1 s (the server's default query timeout)");
                statement.setQueryTimeout(3_600);
                assertThatThrownBy(() -> statement.executeQuery(SLOW))
                        .isInstanceOf(SQLTimeoutException.class)
                        .hasMessage("query timeout after 2 s (the server's maximum query timeout; the statement's "
                                + "query timeout was 3600 s)");
                statement.setQueryTimeout(0);
                assertThatThrownBy(() -> statement.executeQuery(SLOW))
                        .hasMessage("query timeout after 1 s (the server's default query timeout)");
            }
        }
    }

    @Test
    void nobodyCancelsAnotherUsersStatement() throws Exception {
        try (Connection connection = connect(server, "anna");
                Statement statement = connection.createStatement()) {
            AvaticaStatement annas = statement.unwrap(AvaticaStatement.class);
            Properties tom = credentials("tom");
            StatementControl tomsControl = new StatementControl(ClientUrl.parse(salesbiUrl(server), tom));
            assertThatThrownBy(() -> tomsControl.cancel(annas.handle.connectionId, annas.handle.id))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("belongs to another user");
            Properties wrong = credentials("anna");
            wrong.setProperty("password", "guess");
            StatementControl guessing = new StatementControl(ClientUrl.parse(salesbiUrl(server), wrong));
            assertThatThrownBy(() -> guessing.cancel(annas.handle.connectionId, annas.handle.id))
                    .hasMessageContaining("HTTP 401");
        }
    }

    @Test
    void javaTimeTypesThroughGetObject() throws Exception {
        try (Connection connection = connect(server, "anna");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select sales_region, period_start, revenue_eur, units,"
                        + " computed_at from kpi.market_share order by period_start")) {
            assertThat(rows.getStatement()).isSameAs(statement);
            assertThat(statement.getConnection()).isSameAs(connection);
            assertThat(rows.next()).isTrue();
            LocalDateTime computed = LocalDateTime.of(2026, 2, 3, 4, 5, 6, 789_000_000);
            assertThat(rows.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(rows.getObject("period_start", LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(rows.getObject(5, LocalDateTime.class)).isEqualTo(computed);
            assertThat(rows.getObject("computed_at", OffsetDateTime.class))
                    .isEqualTo(computed.atOffset(ZoneOffset.UTC));
            assertThat(rows.getObject(5, Instant.class)).isEqualTo(Instant.parse("2026-02-03T04:05:06.789Z"));
            assertThat(rows.getObject(1, String.class)).isEqualTo("Nord");
            assertThat(rows.getObject(3, BigDecimal.class)).isEqualByComparingTo("1250000.50");
            assertThat(rows.getObject(4, Long.class)).isEqualTo(42L);
            assertThat(rows.getObject(4, Integer.class)).isEqualTo(42);
            assertThatThrownBy(() -> rows.getObject(1, LocalDate.class)).isInstanceOf(SQLException.class);

            assertThat(rows.next()).isTrue();
            assertThat(rows.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(rows.getObject(4, Long.class)).isNull();
            assertThat(rows.getObject(5, LocalDateTime.class)).isNull();
            assertThat(rows.getObject(5, OffsetDateTime.class)).isNull();
        }
    }

    @Test
    void javaTimeTypesThroughSetObject() throws Exception {
        LocalDateTime computed = LocalDateTime.of(2026, 2, 3, 4, 5, 6, 789_000_000);
        try (Connection connection = connect(server, "anna");
                PreparedStatement byDay = connection.prepareStatement(
                        "select sales_region from kpi.market_share where period_start = ?");
                PreparedStatement byTime = connection.prepareStatement(
                        "select sales_region from kpi.market_share where computed_at = ?")) {
            byDay.setObject(1, LocalDate.of(2026, 3, 31));
            assertThat(regions(byDay)).containsExactly("Süd");
            byDay.setObject(1, LocalDate.of(2026, 1, 1), java.sql.Types.DATE);
            assertThat(regions(byDay)).containsExactly("Nord");

            byTime.setObject(1, computed);
            assertThat(regions(byTime)).containsExactly("Nord");
            byTime.setObject(1, computed.atOffset(ZoneOffset.UTC));
            assertThat(regions(byTime)).containsExactly("Nord");
            byTime.setObject(1, computed.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(2)));
            assertThat(regions(byTime))
                    .as("06:05:06.789+02:00 is the stored 04:05:06.789 UTC")
                    .containsExactly("Nord");
            byTime.setObject(1, Instant.parse("2026-02-03T04:05:06.789Z"));
            assertThat(regions(byTime)).containsExactly("Nord");
            byTime.setObject(1, Instant.parse("2026-02-03T02:05:06.789Z"));
            assertThat(regions(byTime)).isEmpty();
            byTime.setObject(1, computed.atZone(java.time.ZoneId.of("Europe/Berlin")));
            assertThat(regions(byTime)).as("04:05 in Berlin is 03:05 UTC").isEmpty();
        }
    }

    private static List<String> regions(PreparedStatement statement) throws SQLException {
        List<String> regions = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                regions.add(rows.getString(1));
            }
        }
        return regions;
    }

    @Test
    void rowsStreamedAfterTheFirstFrameEqualAvaticasFetchedRows() throws Exception {
        String sql = "select * from kpi.many_rows order by id";
        long direct = server.rowsStreamedFromDuckDb();
        assertStreamEqualsAvaticasFetch(sql, 25_000);
        // a select of one relation is one DuckDB query: its rows after the first frame came straight from DuckDB
        assertThat(server.rowsStreamedFromDuckDb() - direct).isGreaterThanOrEqualTo(24_000);
        // hand-checked cells of a row in a later frame: id 20000
        try (Connection streamed = connect(server, "anna");
                Statement statement = streamed.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            for (int i = 0; i <= 20_000; i++) {
                assertThat(result.next()).isTrue();
            }
            assertThat(result.getLong("id")).isEqualTo(20_000);
            assertThat(result.getInt("small")).isZero();
            assertThat(result.getBigDecimal("amount")).isEqualByComparingTo("25000.00");
            assertThat(result.getString("label")).isEqualTo("Zeile ü 20000");
            assertThat(result.getObject("day", LocalDate.class))
                    .isEqualTo(LocalDate.of(2026, 1, 1).plusDays(20_000 % 400));
            assertThat(result.getObject("at", LocalDateTime.class))
                    .isEqualTo(
                            LocalDateTime.of(2026, 2, 3, 4, 5, 6, 789_000_000).plusSeconds(20_000));
            assertThat(result.getBoolean("even")).isTrue();
            assertThat(result.getBigDecimal("huge")).isEqualByComparingTo("2000000000000000000000000");
        }
    }

    @Test
    void aJoinWithinASchemaStreamsStraightFromDuckDbAsOneQuery() throws Exception {
        String sql = "select m.*, f.sales_region, f.revenue_eur, f.units from kpi.many_rows m join kpi.market_share f"
                + " on (f.units is not null) = m.even order by m.id";
        long direct = server.rowsStreamedFromDuckDb();
        assertStreamEqualsAvaticasFetch(sql, 25_000);
        assertThat(server.rowsStreamedFromDuckDb() - direct).isGreaterThanOrEqualTo(24_000);
    }

    @Test
    void aJoinAcrossSchemasStreamsTheSameRowsAsAvaticasFetch() throws Exception {
        // kpi and core are two Calcite schemas (two JDBC conventions): Calcite joins them itself, so the stream
        // reads its rows through Calcite
        String sql = "select m.*, f.sales_region, f.revenue_eur, f.units from kpi.many_rows m join core.market_fact f"
                + " on (f.units is not null) = m.even order by m.id";
        assertStreamEqualsAvaticasFetch(sql, 25_000);
    }

    @Test
    void aRowLimitStreamsThroughCalciteWithTheSameRows() throws Exception {
        long direct = server.rowsStreamedFromDuckDb();
        try (Connection connection = connect(server, "anna");
                Statement statement = connection.createStatement()) {
            statement.setMaxRows(20_000);
            try (ResultSet result = statement.executeQuery("select id, label from kpi.many_rows order by id")) {
                long rows = 0;
                while (result.next()) {
                    assertThat(result.getLong("id")).isEqualTo(rows);
                    rows++;
                }
                assertThat(rows).isEqualTo(20_000);
            }
        }
        assertThat(server.rowsStreamedFromDuckDb()).isEqualTo(direct);
    }

    @Test
    void aRegionalManagersStreamStraightFromDuckDbHoldsOnlyHisRegionsRows() throws Exception {
        RowPolicies policies = RowPolicies.parse("driver test", """
                core.market_fact: region(sales_region)
                kpi.market_share: region(sales_region)
                kpi.regional_rows: region(sales_region)
                kpi.many_rows: aggregate
                kpi.slow_count: aggregate
                """);
        UserAccount rita = new UserAccount(
                "rita",
                PasswordHasher.hash("rita-secret".toCharArray()),
                Set.of(UserAccount.REGIONAL_MANAGER),
                Set.of("Nord"));
        try (JdbcServer managed = JdbcServer.start(
                        () -> {
                            try {
                                return owner.duplicate();
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        JdbcServerSettings.localhost(0, Map.of("rita", rita)),
                        policies);
                Connection connection = connect(managed, "rita");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select * from kpi.regional_rows")) {
            long rows = 0;
            while (result.next()) {
                assertThat(result.getString("sales_region")).as("row %d", rows).isEqualTo("Nord");
                assertThat(result.getLong("id") % 3).isZero();
                rows++;
            }
            // 30,000 rows, every third in Nord; all but the first frame straight from DuckDB, still filtered
            assertThat(rows).isEqualTo(10_000);
            assertThat(managed.rowsStreamedFromDuckDb()).isGreaterThanOrEqualTo(9_000);
        }
    }

    /** Reads {@code sql} through the stream and through Avatica's fetches, asserting equal rows, cell by cell. */
    private void assertStreamEqualsAvaticasFetch(String sql, long expectedRows) throws SQLException {
        Properties fetching = credentials("anna");
        fetching.setProperty("row_stream", "false");
        try (Connection streamed = connect(server, "anna");
                Connection fetched = DriverManager.getConnection(salesbiUrl(server), fetching);
                Statement a = streamed.createStatement();
                Statement b = fetched.createStatement();
                ResultSet viaStream = a.executeQuery(sql);
                ResultSet viaFetch = b.executeQuery(sql)) {
            int columns = viaStream.getMetaData().getColumnCount();
            long rows = 0;
            while (viaFetch.next()) {
                assertThat(viaStream.next()).as("row %d", rows).isTrue();
                for (int c = 1; c <= columns; c++) {
                    assertThat(viaStream.getObject(c))
                            .as("row %d column %d", rows, c)
                            .isEqualTo(viaFetch.getObject(c));
                    assertThat(viaStream.getString(c))
                            .as("row %d column %d", rows, c)
                            .isEqualTo(viaFetch.getString(c));
                }
                assertThat(viaStream.getDate("day")).isEqualTo(viaFetch.getDate("day"));
                assertThat(viaStream.getTimestamp("at")).isEqualTo(viaFetch.getTimestamp("at"));
                assertThat(viaStream.getObject("day", LocalDate.class))
                        .isEqualTo(viaFetch.getObject("day", LocalDate.class));
                rows++;
            }
            assertThat(viaStream.next()).isFalse();
            assertThat(rows).isEqualTo(expectedRows);
        }
    }

    @Test
    void aResultClosedHalfWayLeavesTheConnectionUsable() throws Exception {
        try (Connection connection = connect(server, "anna")) {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select id from kpi.many_rows")) {
                for (int i = 0; i < 6_000; i++) {
                    assertThat(result.next()).isTrue();
                }
            }
            assertThat(count(connection, "select count(*) from kpi.many_rows")).isEqualTo(25_000);
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select id from kpi.many_rows")) {
                long rows = 0;
                while (result.next()) {
                    rows++;
                }
                assertThat(rows).isEqualTo(25_000);
            }
        }
    }

    @Test
    void nobodyStreamsTheRowsOfAnotherUsersStatement() throws Exception {
        try (Connection connection = connect(server, "anna");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id from kpi.many_rows")) {
            assertThat(result.next()).isTrue();
            AvaticaStatement annas = statement.unwrap(AvaticaStatement.class);
            StatementControl tomsControl =
                    new StatementControl(ClientUrl.parse(salesbiUrl(server), credentials("tom")));
            RowStream stolen = new RowStream(
                    new org.apache.calcite.avatica.Meta.Frame(0, false, List.of()),
                    offset -> tomsControl.openRows(annas.handle.connectionId, annas.handle.id, offset));
            assertThatThrownBy(stolen::hasNext)
                    .isInstanceOf(RowStream.StreamFailure.class)
                    .hasMessageContaining("belongs to another user");
            // anna's own result is untouched
            long rows = 1;
            while (result.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(25_000);
        }
    }

    @Test
    void avaticasUrlFormAndAvaticaCredentialsWorkToo() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("avatica_user", "anna");
        properties.setProperty("avatica_password", "anna-secret");
        String url = "jdbc:salesbi:url=http://127.0.0.1:" + server.port() + ";serialization=protobuf";
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            assertThat(count(connection, "select count(*) from kpi.market_share"))
                    .isEqualTo(2);
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:salesbi:;password=x", properties))
                .hasMessageContaining("needs the server's address")
                .hasMessageNotContaining("password=x");
    }

    private JdbcServer start(QueryLimits limits) throws Exception {
        return JdbcServer.start(
                () -> {
                    try {
                        return owner.duplicate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                JdbcServerSettings.localhost(0, ACCOUNTS).withLimits(limits));
    }

    /** The audit trail's query outcomes of {@code login}, once written (batches twice a second). */
    private List<String> auditOutcomes(String login) throws Exception {
        List<String> outcomes = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            outcomes.clear();
            try (Statement statement = owner.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "select outcome from ops.audit where event = 'query' and login = '" + login + "'")) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1));
                }
            }
            if (outcomes.contains("cancelled") || outcomes.contains("timeout")) {
                break;
            }
            Thread.sleep(200);
        }
        return outcomes;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    private static long secondsSince(long started) {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    private static String salesbiUrl(JdbcServer target) {
        return "jdbc:salesbi:http://127.0.0.1:" + target.port();
    }

    /** A connection as a BI tool opens it: the salesbi URL, JDBC's user and password. */
    private static Connection connect(JdbcServer target, String user) throws SQLException {
        return DriverManager.getConnection(salesbiUrl(target), credentials(user));
    }

    private static Properties credentials(String user) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", user + "-secret");
        return properties;
    }

    /** Accounts with production hashes (the server's 1,000-iteration test hashes are not public): hashed once. */
    private static final Map<String, UserAccount> ACCOUNTS = Map.of("anna", account("anna"), "tom", account("tom"));

    private static UserAccount account(String name) {
        return new UserAccount(
                name, PasswordHasher.hash((name + "-secret").toCharArray()), Set.of(UserAccount.ANALYST), Set.of());
    }
}
