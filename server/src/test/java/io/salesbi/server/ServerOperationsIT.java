package io.salesbi.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Health check, anonymous access, request log and shutdown of the endpoint. */
class ServerOperationsIT {

    private static final int FAST_TEST_ITERATIONS = 1_000;
    private static final UserAccount ANNA = new UserAccount(
            "anna",
            PasswordHasher.hash("anna-secret".toCharArray(), FAST_TEST_ITERATIONS),
            Set.of(UserAccount.ANALYST),
            Set.of());

    @TempDir
    Path directory;

    private TestWarehouse warehouse;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void createWarehouse() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
    }

    @AfterEach
    void closeWarehouse() throws SQLException {
        warehouse.close();
    }

    @Test
    void healthIsUpWithoutCredentials() throws Exception {
        try (JdbcServer server = JdbcServer.start(warehouse.connections(), annaOnly())) {
            HttpResponse<String> health = get(server, "/health");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void healthIsDownWhenTheWarehouseDoesNotAnswer() throws Exception {
        Supplier<Connection> broken = () -> {
            throw new IllegalStateException("warehouse closed");
        };
        try (JdbcServer server = JdbcServer.start(broken, annaOnly())) {
            HttpResponse<String> health = get(server, "/health");

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
        }
    }

    @Test
    void anonymousReadsKpiButWrongCredentialsAreStillRefused() throws Exception {
        JdbcServerSettings settings = new JdbcServerSettings(null, 0, Map.of("anna", ANNA), true, null, null);
        try (JdbcServer server = JdbcServer.start(warehouse.connections(), settings)) {
            try (Connection anonymous = DriverManager.getConnection(server.url());
                    Statement statement = anonymous.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from kpi.market_share")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(3L);
            }
            // the Avatica client only answers a challenge, so test a client that sends credentials up front
            HttpResponse<String> wrongPassword = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                            .header(
                                    "Authorization",
                                    "Basic " + Base64.getEncoder().encodeToString("anna:wrong".getBytes(UTF_8)))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrongPassword.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void interruptsQueriesRunningLongerThanTheTimeout() throws Exception {
        // given a view that makes DuckDB multiply 4 * 10^10 pairs, and a one-second query timeout
        try (Statement statement = warehouse.owner().createStatement()) {
            statement.execute("create view kpi.runaway_cross_join as "
                    + "select sum(a.range * b.range) as total from range(200000) a, range(200000) b");
        }
        JdbcServerSettings settings =
                new JdbcServerSettings(null, 0, Map.of("anna", ANNA), false, null, null, Duration.ofSeconds(1));
        try (JdbcServer server = JdbcServer.start(warehouse.connections(), settings);
                Connection connection = connectAsAnna(server);
                Statement statement = connection.createStatement()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> statement.executeQuery("select total from kpi.runaway_cross_join"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("query timeout after 1 s (the server's default query timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void logsUserAndSqlButNeverThePassword() throws Exception {
        Logger requestLog = (Logger) LoggerFactory.getLogger(GuardedMeta.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        requestLog.addAppender(captured);
        try (JdbcServer server = JdbcServer.start(warehouse.connections(), annaOnly());
                Connection connection = connectAsAnna(server);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select segment\nfrom kpi.market_share")) {
            assertThat(rows.next()).isTrue();
        } finally {
            requestLog.detachAppender(captured);
        }

        List<String> lines =
                captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.startsWith("jdbc user=anna op=openConnection"));
        assertThat(lines)
                .anyMatch(
                        line -> line.matches(
                                "jdbc user=anna op=prepareAndExecute statement=\\d+ ms=\\d+ sql=select segment from kpi.market_share"));
        assertThat(lines).noneMatch(line -> line.contains("anna-secret"));
    }

    @Test
    void closeReleasesThePortAndEveryWarehouseConnection() throws Exception {
        // given a client that leaves its connection open, and a supplier that remembers what it handed out
        List<Connection> handedOut = new CopyOnWriteArrayList<>();
        Supplier<Connection> remembering = () -> {
            Connection connection = warehouse.connections().get();
            handedOut.add(connection);
            return connection;
        };
        JdbcServer server = JdbcServer.start(remembering, annaOnly());
        Connection client = connectAsAnna(server);
        try (Statement statement = client.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from kpi.market_share")) {
            assertThat(rows.next()).isTrue();
        }

        // when
        server.close();
        server.close();

        // then
        assertThat(handedOut).isNotEmpty().allMatch(ServerOperationsIT::isClosed);
        assertThatThrownBy(() -> get(server, "/health")).isInstanceOf(IOException.class);
        assertThat(warehouse.owner().isClosed()).isFalse();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(JdbcServer server, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connectAsAnna(JdbcServer server) throws SQLException {
        return DriverManager.getConnection(
                server.url() + ";authentication=BASIC;avatica_user=anna;avatica_password=anna-secret");
    }

    private static JdbcServerSettings annaOnly() {
        return JdbcServerSettings.localhost(0, Map.of("anna", ANNA));
    }
}
