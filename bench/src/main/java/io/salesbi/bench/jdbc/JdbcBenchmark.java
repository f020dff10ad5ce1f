package io.salesbi.bench.jdbc;

import io.salesbi.bench.jdbc.BenchReport.ConcurrencyTiming;
import io.salesbi.bench.jdbc.BenchReport.ExtractTiming;
import io.salesbi.bench.jdbc.BenchReport.QueryTiming;
import io.salesbi.bench.jdbc.BenchReport.UserTimings;
import io.salesbi.server.JdbcServer;
import io.salesbi.server.JdbcServerSettings;
import io.salesbi.server.PasswordHasher;
import io.salesbi.server.QueryLimits;
import io.salesbi.server.UserAccount;
import io.salesbi.sql.RowPolicies;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.calcite.avatica.remote.Driver;

/**
 * Measures what the JDBC endpoint costs compared with asking DuckDB directly: it starts the endpoint on the
 * warehouse, logs in as each user in turn and runs every query once (the session's first run, which plans it), then
 * {@code warmRuns} times through the endpoint and directly on a duplicate of the owning connection, alternating.
 * Every run reads every value of every row. Not a test: run by hand, through {@code salesbi bench jdbc} on a real
 * warehouse or {@link SyntheticBenchmark} on a synthetic one.
 */
public final class JdbcBenchmark {

    /** A benchmark login; regions only for role {@value UserAccount#REGIONAL_MANAGER}. */
    public record BenchUser(String name, Set<String> roles, Set<String> regions) {}

    /**
     * What to measure.
     *
     * @param queries           name to SQL, run in this order; the same SQL goes through the endpoint and to DuckDB
     * @param warmRuns          runs per query and path after the first, at least 1
     * @param users             who runs the queries, one session each, in this order
     * @param extractSql        a full extract (every row of a large relation) to time through the endpoint and
     *                          directly, {@value #EXTRACT_RUNS} times each; null: none
     * @param concurrentClients numbers of analysts running {@code queries} at once, each in its own session
     *                          ({@value #CONCURRENT_ROUNDS} rounds of every query each); empty: none
     */
    public record Settings(
            Map<String, String> queries,
            int warmRuns,
            List<BenchUser> users,
            String extractSql,
            List<Integer> concurrentClients) {
        public Settings {
            if (warmRuns < 1) {
                throw new IllegalArgumentException("warm runs must be at least 1, was " + warmRuns);
            }
            queries = new LinkedHashMap<>(queries);
            users = List.copyOf(users);
            concurrentClients = List.copyOf(concurrentClients);
        }

        /** Only the users' queries, no extract and no concurrent clients. */
        public Settings(Map<String, String> queries, int warmRuns, List<BenchUser> users) {
            this(queries, warmRuns, users, null, List.of());
        }
    }

    /** Runs of the full extract per path (the median counts). */
    static final int EXTRACT_RUNS = 3;

    /** Rounds of every query per concurrent client. */
    static final int CONCURRENT_ROUNDS = 1;

    private static final String PASSWORD = "bench-password";
    private static final int MAX_REASON_LENGTH = 240;

    private JdbcBenchmark() {}

    /**
     * Runs the benchmark against the warehouse whose connections {@code duplicates} hands out (each call a new
     * in-process connection, as for {@link JdbcServer#start}).
     */
    /** Fresh accounts for the login flood: one logs in without a flood, the others during it. */
    static final int LOGIN_ACCOUNTS = 5;

    public static BenchReport run(Supplier<Connection> duplicates, Settings settings) throws Exception {
        return run(duplicates, settings, RowPolicies.warehouse());
    }

    /** Runs the benchmark against a warehouse with other relations than the migrated one, with their row policies. */
    public static BenchReport run(Supplier<Connection> duplicates, Settings settings, RowPolicies rowPolicies)
            throws Exception {
        Map<String, UserAccount> accounts = new LinkedHashMap<>();
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        for (BenchUser user : settings.users()) {
            accounts.put(user.name(), new UserAccount(user.name(), hash, user.roles(), user.regions()));
        }
        // Accounts that log in once each for the login flood: each first login is a full PBKDF2 check.
        List<String> loginAccounts = new ArrayList<>();
        for (int i = 0; i < LOGIN_ACCOUNTS; i++) {
            String name = "bench-login-" + i;
            loginAccounts.add(name);
            accounts.put(name, new UserAccount(name, hash, Set.of(UserAccount.ANALYST), Set.of()));
        }
        int maxClients = settings.concurrentClients().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
        List<String> clientAccounts = new ArrayList<>();
        for (int i = 0; i < maxClients; i++) {
            String name = "bench-client-" + i;
            clientAccounts.add(name);
            accounts.put(name, new UserAccount(name, hash, Set.of(UserAccount.ANALYST), Set.of()));
        }
        // The default limits (8 queries at once), with a queue long enough for every concurrent client, so that the
        // latencies include the wait for a place instead of "too busy" answers.
        QueryLimits limits = QueryLimits.DEFAULT;
        limits = new QueryLimits(
                limits.defaultTimeout(),
                limits.maxTimeout(),
                limits.maxConcurrent(),
                limits.maxConcurrentPerUser(),
                Math.max(limits.maxQueued(), maxClients),
                Duration.ofMinutes(5));
        long started = System.nanoTime();
        try (JdbcServer server = JdbcServer.start(
                        duplicates, JdbcServerSettings.localhost(0, accounts).withLimits(limits), rowPolicies);
                Connection direct = duplicates.get()) {
            double serverStartMs = millisSince(started);
            List<UserTimings> users = new ArrayList<>();
            double firstQueryMs = Double.NaN;
            for (BenchUser user : settings.users()) {
                started = System.nanoTime();
                try (Connection endpoint = new Driver().connect(server.url(), credentials(user.name()))) {
                    endpoint.getMetaData();
                    double connectMs = millisSince(started);
                    List<QueryTiming> timings = new ArrayList<>();
                    for (Map.Entry<String, String> query : settings.queries().entrySet()) {
                        timings.add(measure(query.getKey(), query.getValue(), endpoint, direct, settings.warmRuns()));
                    }
                    if (users.isEmpty() && !timings.isEmpty()) {
                        firstQueryMs = timings.get(0).firstEndpointMs();
                    }
                    users.add(new UserTimings(
                            user.name(),
                            String.join("+", new TreeSet<>(user.roles()))
                                    + (user.regions().isEmpty() ? "" : " " + new TreeSet<>(user.regions())),
                            connectMs,
                            timings));
                }
            }
            ExtractTiming extract = null;
            if (settings.extractSql() != null) {
                ClientDriver client = ClientDriver.find();
                try (Connection endpoint = client.connect(server, analyst(settings), PASSWORD)) {
                    extract = extract(settings.extractSql(), endpoint, direct, client.name());
                }
            }
            List<ConcurrencyTiming> concurrency = new ArrayList<>();
            for (int clients : settings.concurrentClients()) {
                concurrency.add(concurrently(server, clientAccounts.subList(0, clients), settings.queries()));
            }
            LoginFlood loginFlood = LoginFlood.measure(server.port(), loginAccounts, PASSWORD, "bench-intruder");
            return new BenchReport(serverStartMs, firstQueryMs, users, loginFlood, extract, concurrency, limits);
        }
    }

    /** The first user without a restricted role: who runs the extract. */
    private static String analyst(Settings settings) {
        return settings.users().stream()
                .filter(user -> !user.roles().contains(UserAccount.REGIONAL_MANAGER))
                .map(BenchUser::name)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("the full extract needs a user who is no regional " + "manager"));
    }

    private static ExtractTiming extract(String sql, Connection endpoint, Connection direct, String driver)
            throws SQLException {
        double[] viaEndpoint = new double[EXTRACT_RUNS];
        double[] viaDuckDb = new double[EXTRACT_RUNS];
        long rows = 0;
        long directRows = 0;
        for (int i = 0; i < EXTRACT_RUNS; i++) {
            long started = System.nanoTime();
            rows = readAll(endpoint, sql);
            viaEndpoint[i] = millisSince(started);
            started = System.nanoTime();
            directRows = readAll(direct, sql);
            viaDuckDb[i] = millisSince(started);
        }
        return new ExtractTiming(
                sql, rows, directRows, BenchReport.median(viaEndpoint), BenchReport.median(viaDuckDb), driver);
    }

    /**
     * {@code accounts.size()} analysts, each logged in with its own session, run every query
     * {@value #CONCURRENT_ROUNDS} times at once (all start together); the latency of each query counts.
     */
    private static ConcurrencyTiming concurrently(JdbcServer server, List<String> accounts, Map<String, String> queries)
            throws Exception {
        List<Connection> sessions = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(accounts.size());
        try {
            for (String account : accounts) {
                Connection session = new Driver().connect(server.url(), credentials(account));
                sessions.add(session);
                // the login (a full password check) before the clock runs; each session plans its queries on its
                // first run, as a BI tool's would
                session.getMetaData();
            }
            CyclicBarrier start = new CyclicBarrier(accounts.size());
            List<Future<ClientRun>> runs = new ArrayList<>();
            long started = System.nanoTime();
            for (Connection session : sessions) {
                runs.add(clients.submit(() -> {
                    start.await();
                    ClientRun run = new ClientRun(new ArrayList<>(), new ArrayList<>());
                    for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
                        for (String sql : queries.values()) {
                            long queryStarted = System.nanoTime();
                            try {
                                readAll(session, sql);
                                run.latenciesMs().add(millisSince(queryStarted));
                            } catch (SQLException e) {
                                run.failures().add(reason(e.getMessage(), sql));
                            }
                        }
                    }
                    return run;
                }));
            }
            List<Double> latencies = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Future<ClientRun> run : runs) {
                ClientRun done = run.get(30, TimeUnit.MINUTES);
                latencies.addAll(done.latenciesMs());
                failures.addAll(done.failures());
            }
            double wallMs = millisSince(started);
            double[] sorted =
                    latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new ConcurrencyTiming(
                    accounts.size(),
                    sorted.length,
                    BenchReport.median(sorted),
                    BenchReport.percentile(sorted, 95),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
                    wallMs,
                    failures.size(),
                    failures.isEmpty() ? null : failures.get(0));
        } finally {
            clients.shutdownNow();
            for (Connection session : sessions) {
                session.close();
            }
        }
    }

    private record ClientRun(List<Double> latenciesMs, List<String> failures) {}

    private static QueryTiming measure(String name, String sql, Connection endpoint, Connection direct, int warmRuns)
            throws SQLException {
        long started = System.nanoTime();
        long rows;
        try {
            rows = readAll(endpoint, sql);
        } catch (SQLException e) {
            return QueryTiming.failed(name, reason(e.getMessage(), sql));
        }
        double first = millisSince(started);
        long directRows = readAll(direct, sql);
        double[] viaEndpoint = new double[warmRuns];
        double[] viaDuckDb = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            started = System.nanoTime();
            readAll(endpoint, sql);
            viaEndpoint[i] = millisSince(started);
            started = System.nanoTime();
            readAll(direct, sql);
            viaDuckDb[i] = millisSince(started);
        }
        return new QueryTiming(
                name, rows, directRows, first, BenchReport.median(viaEndpoint), BenchReport.median(viaDuckDb), null);
    }

    private static Properties credentials(String user) {
        Properties credentials = new Properties();
        credentials.setProperty("authentication", "BASIC");
        credentials.setProperty("avatica_user", user);
        credentials.setProperty("avatica_password", PASSWORD);
        return credentials;
    }

    private static long readAll(Connection connection, String sql) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    result.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    /**
     * The error on one line: what follows the last repetition of the query's text (Avatica wraps the server's
     * error, which names the query, in its own, which names it again).
     */
    static String reason(String message, String sql) {
        if (message == null) {
            return "no message";
        }
        String query = "\"" + oneLine(sql) + "\": ";
        String reason = oneLine(message);
        int last = reason.lastIndexOf(query);
        if (last >= 0) {
            reason = reason.substring(last + query.length());
        }
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) + "..." : reason;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static double millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000.0;
    }
}
