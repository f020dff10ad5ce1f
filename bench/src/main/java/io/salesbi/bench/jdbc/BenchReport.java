package io.salesbi.bench.jdbc;

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
 */
public record BenchReport(double serverStartMs, double firstQueryMs, List<UserTimings> users, LoginFlood loginFlood) {

    /** A report without the login flood. */
    public BenchReport(double serverStartMs, double firstQueryMs, List<UserTimings> users) {
        this(serverStartMs, firstQueryMs, users, null);
    }

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
