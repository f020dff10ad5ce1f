package io.salesbi.sql.server.bench;

import io.salesbi.sql.server.JdbcServer;
import io.salesbi.sql.server.JdbcServerSettings;
import io.salesbi.sql.server.PasswordHasher;
import io.salesbi.sql.server.UserAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.avatica.remote.Driver;
import org.duckdb.DuckDBConnection;

/**
 * Measures what the JDBC endpoint costs compared with asking DuckDB directly: the first query after start (Calcite
 * and Janino warm-up), the first run of each query, and the warm median of each query through the endpoint and
 * directly on a duplicate of the owning connection. Every run reads all result rows. Not a test: run it by hand,
 * e.g. {@code java -cp <sql classpath> io.salesbi.sql.server.bench.JdbcBenchmark /tmp/bench.duckdb 1000000}; a missing
 * file is created with a synthetic fact table of that many rows and a kpi aggregate view over it.
 */
public final class JdbcBenchmark {

    /** What to measure: the warehouse file, the queries (same SQL for both paths) and how often. */
    public record Settings(Path warehouseFile, long syntheticRows, List<String> queries, int warmRuns) {
    }

    /** One query's timings in milliseconds. */
    public record QueryTiming(String query, long rows, double firstEndpointMs, double medianEndpointMs,
            double medianDirectMs) {
    }

    /** Timings of a whole run. */
    public record Report(double serverStartMs, double firstQueryMs, List<QueryTiming> queries) {
    }

    static final List<String> DEFAULT_QUERIES = List.of(
            "select * from kpi.revenue_by_region_month order by sales_region, month_start",
            "select sales_region, sum(revenue_eur) as revenue_eur, count(*) as orders "
                    + "from core.sales_fact group by sales_region order by sales_region",
            "select customer_id, sum(revenue_eur) as revenue_eur from core.sales_fact "
                    + "where sales_region = 'Nord' group by customer_id order by revenue_eur desc limit 10",
            "select count(*) from kpi.revenue_by_region_month");

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password";

    private JdbcBenchmark() {
    }

    public static Report run(Settings settings) throws Exception {
        try (DuckDBConnection owner = open(settings)) {
            Supplier<Connection> duplicates = () -> {
                try {
                    return owner.duplicate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            UserAccount account = new UserAccount(USER, PasswordHasher.hash(PASSWORD.toCharArray()),
                    Set.of(UserAccount.ANALYST), Set.of());
            long started = System.nanoTime();
            try (JdbcServer server = JdbcServer.start(duplicates, JdbcServerSettings.localhost(0, Map.of(USER, account)))) {
                double serverStartMs = millisSince(started);
                Properties credentials = new Properties();
                credentials.setProperty("authentication", "BASIC");
                credentials.setProperty("avatica_user", USER);
                credentials.setProperty("avatica_password", PASSWORD);
                try (Connection endpoint = new Driver().connect(server.url(), credentials);
                        Connection direct = owner.duplicate()) {
                    long firstStarted = System.nanoTime();
                    readAll(endpoint, "select count(*) from kpi.revenue_by_region_month");
                    double firstQueryMs = millisSince(firstStarted);
                    List<QueryTiming> timings = new ArrayList<>();
                    for (String query : settings.queries()) {
                        timings.add(measure(query, endpoint, direct, settings.warmRuns()));
                    }
                    return new Report(serverStartMs, firstQueryMs, timings);
                }
            }
        }
    }

    private static QueryTiming measure(String query, Connection endpoint, Connection direct, int warmRuns)
            throws SQLException {
        long started = System.nanoTime();
        long rows = readAll(endpoint, query);
        double first = millisSince(started);
        readAll(direct, query);
        double[] viaEndpoint = new double[warmRuns];
        double[] viaDuckDb = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            started = System.nanoTime();
            readAll(endpoint, query);
            viaEndpoint[i] = millisSince(started);
            started = System.nanoTime();
            readAll(direct, query);
            viaDuckDb[i] = millisSince(started);
        }
        return new QueryTiming(query, rows, first, median(viaEndpoint), median(viaDuckDb));
    }

    private static DuckDBConnection open(Settings settings) throws SQLException {
        boolean create = !Files.exists(settings.warehouseFile());
        DuckDBConnection owner = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + settings.warehouseFile());
        if (create) {
            try (Statement statement = owner.createStatement()) {
                for (String sql : SyntheticSales.script(settings.syntheticRows())) {
                    statement.execute(sql);
                }
            }
        }
        return owner;
    }

    private static long readAll(Connection connection, String sql) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000.0;
    }

    /** Command line: {@code <warehouse file> [synthetic rows, default 1000000] [warm runs, default 15]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JdbcBenchmark <warehouse.duckdb> [synthetic rows] [warm runs]");
            System.exit(2);
        }
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int warmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Report report = run(new Settings(Path.of(args[0]), rows, DEFAULT_QUERIES, warmRuns));
        System.out.printf("server start %.0f ms, first query through the endpoint %.0f ms%n",
                report.serverStartMs(), report.firstQueryMs());
        System.out.printf("%-8s %10s %12s %12s %12s  %s%n", "rows", "first ms", "endpoint ms", "duckdb ms",
                "overhead ms", "query");
        for (QueryTiming timing : report.queries()) {
            System.out.printf("%-8d %10.1f %12.1f %12.1f %12.1f  %s%n", timing.rows(), timing.firstEndpointMs(),
                    timing.medianEndpointMs(), timing.medianDirectMs(),
                    timing.medianEndpointMs() - timing.medianDirectMs(), timing.query());
        }
    }
}
