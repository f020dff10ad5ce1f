package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Logins (#16 item 4): throttling and lockout refuse before any hashing, unknown users cost what known ones cost,
 * legitimate logins stay fast while wrong passwords flood in, and everything lands in the audit trail ops.audit,
 * which stewards read over JDBC and nobody else sees. Every request comes from 127.0.0.1.
 */
class LoginIT {

    private static final String ADDRESS = "127.0.0.1";
    /** Free failures per name only; backoffs long enough that none ends during a test; no lockout. */
    private static final LoginLimits THROTTLE_ONLY =
            new LoginLimits(3, 1_000, Duration.ofSeconds(60), Duration.ofSeconds(60), 0, Duration.ZERO);

    @TempDir
    Path directory;

    private TestWarehouse warehouse;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, UserAccount> accounts = new HashMap<>();

    @BeforeEach
    void createWarehouse() throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        try (Statement statement = warehouse.owner().createStatement()) {
            statement.execute("create schema if not exists ops");
            statement.execute(migration("/db/migration/V63__audit_log.sql"));
            statement.execute("create table ops.publish (run_id bigint)");
        }
        account("anna", "anna-secret", 1_000, UserAccount.ANALYST);
        account("sven", "sven-secret", 1_000, UserAccount.STEWARD);
        accounts.put(
                "regine",
                new UserAccount(
                        "regine",
                        PasswordHasher.hash("regine-secret".toCharArray(), 1_000),
                        Set.of(UserAccount.REGIONAL_MANAGER),
                        Set.of("Nord")));
    }

    @AfterEach
    void closeWarehouse() throws SQLException {
        warehouse.close();
    }

    @Test
    void wrongPasswordsThrottleTheNameBeforeAnyHashingAndTheTrailShowsIt() throws Exception {
        try (JdbcServer server = start(THROTTLE_ONLY)) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(server, "anna", "guess-" + i)).isEqualTo(401);
            }
            // the right password is refused too while the name waits: the answer tells nothing
            assertThat(login(server, "anna", "anna-secret")).isEqualTo(401);
            // other names from the same address are not slowed
            assertThat(login(server, "sven", "sven-secret")).isNotEqualTo(401);

            assertThat(loginOutcomes(server, "anna")).isEqualTo(Map.of("failed", 3L, "throttled", 1L));
            assertThat(loginOutcomes(server, "sven")).isEqualTo(Map.of("ok", 1L));
            assertThat(details(server, "anna", "throttled"))
                    .singleElement()
                    .asString()
                    .matches("user_throttled, retry after (59|60) s");
        }
    }

    @Test
    void consecutiveFailuresLockANameWhetherAnAccountHasItOrNot() throws Exception {
        LoginLimits lockAfterThree =
                new LoginLimits(10, 1_000, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMinutes(5));
        try (JdbcServer server = start(lockAfterThree)) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(server, "anna", "guess-" + i)).isEqualTo(401);
                assertThat(login(server, "ghost", "guess-" + i)).isEqualTo(401);
            }
            assertThat(login(server, "anna", "anna-secret")).isEqualTo(401);
            assertThat(login(server, "ghost", "anything")).isEqualTo(401);

            assertThat(loginOutcomes(server, "anna")).isEqualTo(Map.of("failed", 3L, "locked", 1L));
            assertThat(loginOutcomes(server, "ghost")).isEqualTo(Map.of("failed", 3L, "locked", 1L));
        }
    }

    @Test
    void anUnknownUserIsAnsweredAsSlowlyAsAKnownOne() throws Exception {
        // Hashes as costly as a production account's would take minutes on a shared test machine; 100,000
        // iterations still cost far more than an HTTP round trip, which is what an attacker could tell apart.
        // Every account hashed alike, as 'salesbi hash-password' does: the dummy hash for unknown names takes
        // the iteration count most accounts have.
        accounts.clear();
        account("karl", "karl-secret", 100_000, UserAccount.ANALYST);
        account("kurt", "kurt-secret", 100_000, UserAccount.ANALYST);
        try (JdbcServer server =
                start(new LoginLimits(1_000, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO))) {
            login(server, "karl", "warm-up");
            login(server, "nobody", "warm-up");
            List<Long> known = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                known.add(timedLogin(server, "karl", "wrong-" + i));
                unknown.add(timedLogin(server, "nobody-" + i, "wrong-" + i));
            }
            long knownMedian = median(known);
            long unknownMedian = median(unknown);

            // Before: 1 ms for an unknown name against 130-170 ms for a known one. Generous bounds: the machine
            // is shared (a factor of 2.1 was seen once at load average 20), and a factor of three is still far
            // from the hundredfold that gave unknown names away.
            assertThat(knownMedian)
                    .as("median ms of a known user's wrong password")
                    .isGreaterThan(5);
            assertThat(unknownMedian)
                    .as("median ms of an unknown user (known: %d ms)", knownMedian)
                    .isBetween(knownMedian / 3, knownMedian * 3);
        }
    }

    @Test
    void legitimateLoginsStayFastWhileWrongPasswordsFloodIn() throws Exception {
        for (int i = 0; i <= 4; i++) {
            account("bob" + i, "bob-secret-" + i, 100_000, UserAccount.ANALYST);
        }
        account("target", "target-secret", 100_000, UserAccount.ANALYST);
        LoginLimits limits =
                new LoginLimits(5, 50, Duration.ofSeconds(60), Duration.ofSeconds(60), 20, Duration.ofMinutes(15));
        ExecutorService flood = Executors.newFixedThreadPool(8);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        try (JdbcServer server = start(limits)) {
            // the first authenticated request also loads Avatica's request handling: not a login cost
            assertThat(login(server, "sven", "sven-secret")).isNotEqualTo(401);
            long quiet = System.nanoTime();
            assertThat(login(server, "bob0", "bob-secret-0")).isNotEqualTo(401);
            long quietMillis = (System.nanoTime() - quiet) / 1_000_000;
            List<Future<?>> attackers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                attackers.add(flood.submit(() -> {
                    while (flooding.get()) {
                        login(server, "target", "guess-" + attempts.incrementAndGet());
                    }
                    return null;
                }));
            }
            while (attempts.get() < 50) {
                Thread.sleep(10);
            }
            List<Long> legitimate = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                long started = System.nanoTime();
                assertThat(login(server, "bob" + i, "bob-secret-" + i)).isNotEqualTo(401);
                legitimate.add((System.nanoTime() - started) / 1_000_000);
            }
            flooding.set(false);
            for (Future<?> attacker : attackers) {
                attacker.get(30, TimeUnit.SECONDS);
            }

            Map<String, Long> outcomes = loginOutcomes(server, "target");
            LoggerFactory.getLogger(LoginIT.class)
                    .info(
                            "login ms without flood {}, during a flood of {} wrong "
                                    + "passwords from 8 threads {} (PBKDF2 100,000 iterations; outcomes of the flood {})",
                            quietMillis,
                            attempts.get(),
                            legitimate,
                            outcomes);
            assertThat(legitimate)
                    .as("ms of each legitimate login during the flood")
                    .allMatch(ms -> ms < 1_000);
            assertThat(outcomes.get("failed"))
                    .as("wrong passwords hashed (%s)", outcomes)
                    .isEqualTo(5);
            assertThat(outcomes.get("throttled")).as("refused before hashing").isGreaterThanOrEqualTo(45);
        } finally {
            flooding.set(false);
            flood.shutdownNow();
        }
    }

    @Test
    void queriesAreAuditedAndOnlyStewardsReadTheTrailOverJdbc() throws Exception {
        String query = "select sales_region, revenue_eur from kpi.market_share where segment = 'Maschinenbau'";
        try (JdbcServer server = start(THROTTLE_ONLY)) {
            try (Connection anna = connect(server, "anna", "anna-secret");
                    Statement statement = anna.createStatement()) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        assertThat(rows.getString(1)).isIn("Nord", "Süd");
                    }
                }
                assertThatThrownBy(() -> statement.executeQuery("selec 1")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.executeQuery("delete from core.market_fact"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.executeQuery("select * from ops.audit"))
                        .hasMessageContaining("not found");
            }
            try (Connection regine = connect(server, "regine", "regine-secret");
                    Statement statement = regine.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("select * from ops.audit"))
                        .hasMessageContaining("not found");
            }
            server.auditEventsWritten();

            List<String> trail = new ArrayList<>();
            try (Connection sven = connect(server, "sven", "sven-secret");
                    Statement statement = sven.createStatement();
                    ResultSet rows = statement.executeQuery("select event, login, client_address, outcome, sql_sha256,"
                            + " rows_returned, detail from ops.audit where login in ('anna', 'regine') "
                            + "order by logged_at, event, outcome")) {
                while (rows.next()) {
                    trail.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + " " + rows.getString(5) + " " + rows.getString(6) + " "
                            + rows.getString(7));
                }
            }
            assertThat(trail)
                    .containsExactly(
                            "login anna " + ADDRESS + " ok null null null",
                            "query anna " + ADDRESS + " ok " + AuditLog.sha256(query) + " 2 null",
                            "query anna " + ADDRESS + " error " + AuditLog.sha256("selec 1") + " 0 42000",
                            "query anna " + ADDRESS + " refused " + AuditLog.sha256("delete from core.market_fact")
                                    + " 0 42501",
                            "query anna " + ADDRESS + " error " + AuditLog.sha256("select * from ops.audit")
                                    + " 0 42000",
                            "login regine " + ADDRESS + " ok null null null",
                            "query regine " + ADDRESS + " error " + AuditLog.sha256("select * from ops.audit")
                                    + " 0 42000");
        }
    }

    private JdbcServer start(LoginLimits limits) throws Exception {
        return JdbcServer.start(
                warehouse.connections(),
                JdbcServerSettings.localhost(0, accounts).withLogins(limits),
                warehouse.policies());
    }

    private void account(String name, String password, int iterations, String role) {
        accounts.put(
                name,
                new UserAccount(name, PasswordHasher.hash(password.toCharArray(), iterations), Set.of(role), Set.of()));
    }

    /** The HTTP status of one request with BASIC credentials: 401 when the login is refused. */
    private int login(JdbcServer server, String user, String password) throws IOException, InterruptedException {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long timedLogin(JdbcServer server, String user, String password) throws Exception {
        long started = System.nanoTime();
        assertThat(login(server, user, password)).isEqualTo(401);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Login outcomes of a user name in ops.audit, read on the warehouse itself. */
    private Map<String, Long> loginOutcomes(JdbcServer server, String user) throws SQLException {
        server.auditEventsWritten();
        Map<String, Long> outcomes = new TreeMap<>();
        try (Statement statement = warehouse.owner().createStatement();
                ResultSet rows = statement.executeQuery("select outcome, count(*) from ops.audit where event = 'login'"
                        + " and login = '" + user + "' and client_address = '" + ADDRESS + "' group by outcome")) {
            while (rows.next()) {
                outcomes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return outcomes;
    }

    private List<String> details(JdbcServer server, String user, String outcome) throws SQLException {
        server.auditEventsWritten();
        List<String> details = new ArrayList<>();
        try (Statement statement = warehouse.owner().createStatement();
                ResultSet rows = statement.executeQuery(
                        "select detail from ops.audit where login = '" + user + "' and outcome = '" + outcome + "'")) {
            while (rows.next()) {
                details.add(rows.getString(1));
            }
        }
        return details;
    }

    private static Connection connect(JdbcServer server, String user, String password) throws SQLException {
        return DriverManager.getConnection(
                server.url() + ";authentication=BASIC;avatica_user=" + user + ";avatica_password=" + password);
    }

    private static String migration(String resource) throws IOException {
        try (InputStream in = LoginIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
