package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One night per statement and per transaction (#16 item 2): a night publishes (one DuckDB transaction rewriting a
 * table in each schema) between the DuckDB queries Calcite runs for one statement, or between two statements of a
 * JDBC transaction, and every part still reads the night it started on.
 *
 * <p>The publication is not timed: the warehouse connections handed to the server publish the next night right after
 * the first DuckDB query of the statement under test returned, before Calcite sends the next part.
 */
class NightSnapshotIT {

    /**
     * Five parts over both schemas: Calcite sends each schema's part to DuckDB as a query of its own (five DuckDB
     * queries on the main branch before this change, each on a fresh connection).
     */
    private static final String PARTS = """
            select 'core' as part, night from core.night_marker
            union all
            select 'kpi', night from kpi.night_total
            union all
            select 'join core', c.night from core.night_marker c join kpi.night_total k on c.revenue_eur = k.revenue_eur
            union all
            select 'join kpi', k.night from core.night_marker c join kpi.night_total k on c.revenue_eur = k.revenue_eur
            union all
            select 'scalar', (select max(night) from kpi.night_total) from core.night_marker""";

    @TempDir
    Path directory;

    private TestWarehouse warehouse;
    private JdbcServer server;
    /** Set by a test: the next DuckDB query the server runs publishes the next night once it returned. */
    private final AtomicBoolean publishAfterNextQuery = new AtomicBoolean();

    private final AtomicInteger duckDbQueries = new AtomicInteger();
    private final AtomicInteger night = new AtomicInteger(1);

    @BeforeEach
    void startServer() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-nights.sql");
        UserAccount anna = new UserAccount(
                "anna", PasswordHasher.hash("anna-secret".toCharArray(), 1_000), Set.of(UserAccount.ANALYST), Set.of());
        server = JdbcServer.start(
                publishingConnections(warehouse.connections()),
                JdbcServerSettings.localhost(0, Map.of("anna", anna)),
                warehouse.policies());
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        warehouse.close();
    }

    @Test
    void everyPartOfAStatementReadsTheNightItStartedOn() throws Exception {
        try (Connection analyst = connect();
                Statement statement = analyst.createStatement()) {
            assertThat(nights(statement, PARTS)).containsOnly(1).hasSize(5);

            int queriesBefore = duckDbQueries.get();
            publishAfterNextQuery.set(true);
            List<Integer> during = nights(statement, PARTS);

            assertThat(publishAfterNextQuery)
                    .as("the night published during the statement")
                    .isFalse();
            assertThat(duckDbQueries.get() - queriesBefore)
                    .as("DuckDB queries of the statement")
                    .isGreaterThan(1);
            assertThat(during).as("the night each part read").hasSize(5).containsOnly(1);
            // the next statement reads the published night in every part
            assertThat(nights(statement, PARTS)).hasSize(5).containsOnly(2);
        }
    }

    @Test
    void everyStatementOfATransactionReadsTheNightItStartedOn() throws Exception {
        try (Connection inTransaction = connect();
                Connection autoCommit = connect();
                Statement statement = inTransaction.createStatement();
                Statement other = autoCommit.createStatement()) {
            inTransaction.setAutoCommit(false);
            assertThat(nights(statement, "select night from core.night_marker")).containsExactly(1);

            publishNextNight();

            assertThat(nights(other, "select night from kpi.night_total"))
                    .as("auto-commit: the new night")
                    .containsExactly(2);
            assertThat(nights(statement, "select night from kpi.night_total")).containsExactly(1);
            assertThat(nights(statement, PARTS)).hasSize(5).containsOnly(1);

            inTransaction.commit();

            assertThat(nights(statement, PARTS))
                    .as("after commit: the next transaction")
                    .hasSize(5)
                    .containsOnly(2);
            publishNextNight();
            assertThat(nights(statement, "select night from core.night_marker"))
                    .as("still the next transaction")
                    .containsExactly(2);
            inTransaction.rollback();
            assertThat(nights(statement, "select night from core.night_marker"))
                    .as("after rollback")
                    .containsExactly(3);
            inTransaction.setAutoCommit(true);
            assertThat(nights(statement, "select night from core.night_marker")).containsExactly(3);
            publishNextNight();
            assertThat(nights(statement, "select night from core.night_marker"))
                    .as("auto-commit again")
                    .containsExactly(4);
        }
    }

    private static List<Integer> nights(Statement statement, String sql) throws SQLException {
        List<Integer> nights = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                nights.add(rows.getInt("night"));
            }
        }
        return nights;
    }

    /** The nightly job's publication in miniature: both schemas move to the next night in one transaction. */
    private void publishNextNight() throws SQLException {
        int next = night.incrementAndGet();
        try (Connection publisher = warehouse.owner().duplicate();
                Statement statement = publisher.createStatement()) {
            publisher.setAutoCommit(false);
            statement.execute("update core.night_marker set night = " + next);
            statement.execute("update kpi.night_total set night = " + next);
            publisher.commit();
        }
    }

    /** The server's warehouse connections, whose statements publish the next night after a query when asked to. */
    private Supplier<Connection> publishingConnections(Supplier<Connection> connections) {
        return () -> {
            Connection connection = connections.get();
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(connection, method, args);
                        if (result instanceof Statement statement && !(result instanceof java.sql.CallableStatement)) {
                            Class<?> type = statement instanceof java.sql.PreparedStatement
                                    ? java.sql.PreparedStatement.class
                                    : Statement.class;
                            return Proxy.newProxyInstance(
                                    getClass().getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
                                        Object answer = invoke(statement, m, a);
                                        if (m.getName().startsWith("execute")) {
                                            duckDbQueries.incrementAndGet();
                                            if (publishAfterNextQuery.compareAndSet(true, false)) {
                                                publishNextNight();
                                            }
                                        }
                                        return answer;
                                    });
                        }
                        return result;
                    });
        };
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                server.url() + ";authentication=BASIC;avatica_user=anna;avatica_password=anna-secret");
    }
}
