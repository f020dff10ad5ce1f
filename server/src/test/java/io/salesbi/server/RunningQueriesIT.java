package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, interrupting running queries and the limit on concurrent queries, on 127.0.0.1 only. */
class RunningQueriesIT {

    private static final String SLOW = "select n from kpi.slow_count";
    /** 2 running, 1 waiting up to a second: the 16 clients of the crowd test mostly hear "too busy". */
    private static final QueryLimits LIMITS =
            new QueryLimits(Duration.ofSeconds(60), Duration.ofSeconds(90), 2, 2, 1, Duration.ofSeconds(1));

    @TempDir
    static Path directory;

    private static TestWarehouse warehouse;
    private static JdbcServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-slow-view.sql");
        server = JdbcServer.start(
                warehouse.connections(),
                JdbcServerSettings.localhost(0, Map.of("anna", anna())).withLimits(LIMITS));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        warehouse.close();
    }

    @Test
    void aConnectionsQueryTimeoutInterruptsTheQueryInDuckDb() throws Exception {
        long started = System.nanoTime();
        try (Connection connection = connect(server, ";" + QueryLimits.TIMEOUT_PROPERTY + "=1");
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery(SLOW))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("query timeout after 1 s (the connection's query_timeout)");
        }
        assertThat(secondsSince(started))
                .as("seconds until the 1 s timeout interrupted the query")
                .isLessThan(10);
    }

    @Test
    void theMaximumTimeoutCapsWhatAConnectionAsksFor() throws Exception {
        QueryLimits shortMax =
                new QueryLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 2, 1, Duration.ofSeconds(1));
        try (JdbcServer capped = JdbcServer.start(
                warehouse.connections(),
                JdbcServerSettings.localhost(0, Map.of("anna", anna())).withLimits(shortMax))) {
            long started = System.nanoTime();
            try (Connection connection = connect(capped, ";" + QueryLimits.TIMEOUT_PROPERTY + "=3600");
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery(SLOW))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("query timeout after 2 s (the server's maximum query timeout; the "
                                + "connection's query_timeout was 3600 s)");
            }
            assertThat(secondsSince(started))
                    .as("seconds until the 2 s maximum interrupted the query")
                    .isLessThan(12);
        }
    }

    @Test
    void aTimeoutThatIsNotANumberIsRefusedAtConnect() {
        assertThatThrownBy(() -> connect(server, ";" + QueryLimits.TIMEOUT_PROPERTY + "=soon")
                        .getMetaData())
                .hasMessageContaining("query_timeout must be a number of seconds, was 'soon'");
    }

    @Test
    void closingTheConnectionFromAnotherThreadInterruptsTheQueryInDuckDb() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Connection connection = connect(server, "");
            Statement statement = connection.createStatement();
            CountDownLatch sent = new CountDownLatch(1);
            Future<?> query = client.submit(() -> {
                sent.countDown();
                return statement.executeQuery(SLOW);
            });
            sent.await(5, TimeUnit.SECONDS);
            Thread.sleep(1_000);
            assertThat(query).as("the query still runs after a second").isNotDone();

            // when: closing the connection reaches the server (Avatica's own driver sends no cancel: the salesbi
            // driver of module client does, see SalesbiDriverIT), which interrupts the connection's running query
            long started = System.nanoTime();
            connection.close();

            // then the query ends within seconds, not at the 60 s timeout
            assertThatThrownBy(() -> query.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(secondsSince(started)).isLessThan(10);
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void sixteenHeavyQueriesAreLimitedAndHealthKeepsAnswering() throws Exception {
        int clients = 16;
        ExecutorService crowd = Executors.newFixedThreadPool(clients);
        List<Connection> connections = new ArrayList<>();
        assertThat(health()).isEqualTo(200);
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(connect(server, ""));
            }
            List<Future<String>> outcomes = new ArrayList<>();
            for (Connection connection : connections) {
                outcomes.add(crowd.submit(() -> {
                    try {
                        connection.createStatement().executeQuery(SLOW);
                        return "finished";
                    } catch (SQLException e) {
                        return e.getMessage();
                    }
                }));
            }
            Thread.sleep(2_000);

            // when the limit is reached, /health still answers at once
            List<Long> healthMillis = new ArrayList<>();
            for (int probe = 0; probe < 10; probe++) {
                long started = System.nanoTime();
                assertThat(health()).isEqualTo(200);
                healthMillis.add((System.nanoTime() - started) / 1_000_000);
            }
            // (median, so that a probe delayed by other work on a shared 2-core machine does not decide)
            List<Long> sorted = healthMillis.stream().sorted().toList();
            assertThat(sorted.get(5))
                    .as("median of 10 health checks, ms: " + healthMillis)
                    .isLessThan(100);
            assertThat(sorted.get(9))
                    .as("slowest of 10 health checks, ms: " + healthMillis)
                    .isLessThan(1_000);

            // and every client beyond the two running queries heard "too busy" (bounded wait for the answers)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (outcomes.stream().filter(Future::isDone).count() < clients - 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<String> answers = outcomes.stream()
                    .map(f -> f.isDone() ? outcome(f) : "running")
                    .toList();
            assertThat(answers.stream()
                            .filter(answer -> answer.contains("server too busy: too many queries are running"))
                            .count())
                    .as("answers: %s", answers)
                    .isEqualTo(clients - 2);
            assertThat(answers).filteredOn("running"::equals).hasSize(2);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            crowd.shutdown();
            assertThat(crowd.awaitTermination(20, TimeUnit.SECONDS))
                    .as("closing the connections interrupted the running queries")
                    .isTrue();
        }
    }

    private int health() throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String outcome(Future<String> future) {
        try {
            return future.get();
        } catch (InterruptedException | ExecutionException e) {
            return e.toString();
        }
    }

    private static long secondsSince(long started) {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    /** A connection of anna; {@code extra} like ";query_timeout=1" goes as connection properties. */
    private static Connection connect(JdbcServer target, String extra) throws SQLException {
        Properties properties = new Properties();
        for (String pair : extra.split(";")) {
            if (!pair.isBlank()) {
                properties.setProperty(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return DriverManager.getConnection(
                target.url() + ";authentication=BASIC;avatica_user=anna" + ";avatica_password=anna-secret", properties);
    }

    private static UserAccount anna() {
        return new UserAccount(
                "anna", PasswordHasher.hash("anna-secret".toCharArray(), 1_000), Set.of(UserAccount.ANALYST), Set.of());
    }
}
