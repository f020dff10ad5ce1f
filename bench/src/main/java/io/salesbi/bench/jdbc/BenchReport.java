package io.salesbi.bench.jdbc;

import io.salesbi.server.QueryLimits;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@link JdbcBenchmark} measured: how long the endpoint took to start and to answer its first query, and per
 * user the timings of each query. Milliseconds throughout; every run read every value of every row.
 *
 * @param serverStartMs start of the endpoint, Calcite warm-up included
 * @param firstQueryMs  the first query after start, through the endpoint (the first user's first query)
 * @param users         one entry per benchmarked user, in the order they ran
 * @param loginFlood    login latency without and during a flood of wrong passwords; null when not measured
 * @param extract       a full extract through the endpoint and directly; null when not measured
 * @param concurrency   latencies with several clients at once, one entry per number of clients
 * @param limits        the endpoint's query limits during the benchmark; null when not recorded
 */
public record BenchReport(
        double serverStartMs,
        double firstQueryMs,
        List<UserTimings> users,
        LoginFlood loginFlood,
        ExtractTiming extract,
        List<ConcurrencyTiming> concurrency,
        QueryLimits limits) {

    public BenchReport {
        concurrency = List.copyOf(concurrency);
    }

    /** A report without the login flood. */
    public BenchReport(double serverStartMs, double firstQueryMs, List<UserTimings> users) {
        this(serverStartMs, firstQueryMs, users, null, null, List.of(), null);
    }

    /**
     * A full extract: every row read through the endpoint and directly on DuckDB, median of
     * {@value JdbcBenchmark#EXTRACT_RUNS} runs each.
     */
    public record ExtractTiming(
            String sql, long rows, long directRows, double endpointMs, double directMs, String driver) {

        /** Endpoint time divided by DuckDB time (target at most 2). */
        public double ratio() {
            return endpointMs / directMs;
        }
    }

    /**
     * {@code clients} analysts running the queries at once: latency percentiles over every query they ran, the wall
     * time of the whole run, and the queries that failed (with the first failure's reason).
     */
    public record ConcurrencyTiming(
            int clients,
            int queries,
            double medianMs,
            double p95Ms,
            double maxMs,
            double wallMs,
            int failed,
            String firstFailure) {}

    /** One user's session: the login (connection open) and the queries. */
    public record UserTimings(String user, String roles, double connectMs, List<QueryTiming> queries) {

        /** The queries both paths answered. */
        public List<QueryTiming> measured() {
            return queries.stream().filter(q -> q.failure() == null).toList();
        }

        /** Median over queries of endpoint time divided by DuckDB time. */
        public double medianRatio() {
            return median(measured().stream().mapToDouble(QueryTiming::ratio).toArray());
        }

        /** Median over queries of their median endpoint time. */
        public double medianEndpointMs() {
            return median(measured().stream()
                    .mapToDouble(QueryTiming::medianEndpointMs)
                    .toArray());
        }

        /** Median over queries of their median DuckDB time: what the endpoint's latency cannot go below. */
        public double medianDirectMs() {
            return median(
                    measured().stream().mapToDouble(QueryTiming::medianDirectMs).toArray());
        }
    }

    /**
     * One query's timings: its first run in the session, the medians of the warm runs through the endpoint and
     * directly on DuckDB; or why the endpoint could not answer it. The row counts of both paths differ only where
     * the endpoint filters rows (regional managers).
     */
    public record QueryTiming(
            String name,
            long rows,
            long directRows,
            double firstEndpointMs,
            double medianEndpointMs,
            double medianDirectMs,
            String failure) {

        static QueryTiming failed(String name, String failure) {
            return new QueryTiming(name, 0, 0, Double.NaN, Double.NaN, Double.NaN, failure);
        }

        public double ratio() {
            return medianEndpointMs / medianDirectMs;
        }
    }

    /** Prints the report as the command line shows it. */
    public void print(PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "endpoint start %.0f ms (Calcite warm-up included), first query after start %.0f ms%n",
                serverStartMs,
                firstQueryMs);
        for (UserTimings user : users) {
            out.printf(
                    Locale.ROOT,
                    "%nuser %s (%s): login and connection %.0f ms%n",
                    user.user(),
                    user.roles(),
                    user.connectMs());
            out.printf(
                    Locale.ROOT,
                    "%-18s %8s %9s %12s %10s %7s%n",
                    "query",
                    "rows",
                    "first ms",
                    "endpoint ms",
                    "duckdb ms",
                    "ratio");
            for (QueryTiming q : user.queries()) {
                if (q.failure() != null) {
                    out.printf(Locale.ROOT, "%-18s not answered by the endpoint: %s%n", q.name(), q.failure());
                } else {
                    out.printf(
                            Locale.ROOT,
                            "%-18s %8d %9.1f %12.1f %10.1f %7.2f%s%n",
                            q.name(),
                            q.rows(),
                            q.firstEndpointMs(),
                            q.medianEndpointMs(),
                            q.medianDirectMs(),
                            q.ratio(),
                            q.rows() == q.directRows() ? "" : "  (DuckDB directly: " + q.directRows() + " rows)");
                }
            }
            out.printf(
                    Locale.ROOT,
                    "%s: %d of %d queries measured; median ratio %.2f, median endpoint latency %.1f ms "
                            + "(DuckDB directly %.1f ms)%n",
                    user.user(),
                    user.measured().size(),
                    user.queries().size(),
                    user.medianRatio(),
                    user.medianEndpointMs(),
                    user.medianDirectMs());
        }
        if (extract != null) {
            out.printf(
                    Locale.ROOT,
                    "%nfull extract (%s, client %s): %,d rows, endpoint %.0f ms, DuckDB directly %.0f ms, ratio %.2f "
                            + "(target <= 2)%n",
                    extract.sql(),
                    extract.driver(),
                    extract.rows(),
                    extract.endpointMs(),
                    extract.directMs(),
                    extract.ratio());
        }
        if (!concurrency.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "%nconcurrent analysts (each its own session, every query %d times; endpoint limits: %s)%n",
                    JdbcBenchmark.CONCURRENT_ROUNDS,
                    limits);
            out.printf(
                    Locale.ROOT,
                    "%8s %8s %10s %10s %10s %9s %7s%n",
                    "clients",
                    "queries",
                    "median ms",
                    "p95 ms",
                    "max ms",
                    "wall s",
                    "failed");
            for (ConcurrencyTiming c : concurrency) {
                out.printf(
                        Locale.ROOT,
                        "%8d %8d %10.1f %10.1f %10.1f %9.1f %7d%s%n",
                        c.clients(),
                        c.queries(),
                        c.medianMs(),
                        c.p95Ms(),
                        c.maxMs(),
                        c.wallMs() / 1000,
                        c.failed(),
                        c.firstFailure() == null ? "" : "  first failure: " + c.firstFailure());
            }
        }
        if (loginFlood != null) {
            out.printf(
                    Locale.ROOT,
                    "%nlogin (full password check): %.0f ms without a flood; during a flood of %d wrong "
                            + "passwords from %d clients %s ms (slowest %.0f ms)%n",
                    loginFlood.quietMs(),
                    loginFlood.floodAttempts(),
                    LoginFlood.FLOODERS,
                    loginFlood.duringFloodMs().stream()
                            .map(ms -> String.format(Locale.ROOT, "%.0f", ms))
                            .toList(),
                    loginFlood.maxDuringFloodMs());
        }
        out.flush();
    }

    /** The {@code p}th percentile of sorted values (nearest rank); NaN for none. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
