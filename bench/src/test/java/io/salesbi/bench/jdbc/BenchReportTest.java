package io.salesbi.bench.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.bench.jdbc.BenchReport.QueryTiming;
import io.salesbi.bench.jdbc.BenchReport.UserTimings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final UserTimings ANALYST = new UserTimings(
            "bench-analyst",
            "analyst",
            310.0,
            List.of(
                    new QueryTiming("cube", 3545, 3545, 950.0, 30.0, 20.0, null),
                    new QueryTiming("market", 90, 90, 120.0, 12.0, 4.0, null),
                    new QueryTiming(
                            "buyingCenter", 0, 0, Double.NaN, Double.NaN, Double.NaN, "Error while executing SQL"),
                    new QueryTiming("summary", 1, 1, 60.0, 9.0, 6.0, null)));

    @Test
    void mediansLeaveOutQueriesTheEndpointDidNotAnswer() {
        // ratios 1.5, 3.0, 1.5 -> median 1.5; endpoint medians 30, 12, 9 -> median 12
        assertThat(ANALYST.measured()).extracting(QueryTiming::name).containsExactly("cube", "market", "summary");
        assertThat(ANALYST.medianRatio()).isEqualTo(1.5);
        assertThat(ANALYST.medianEndpointMs()).isEqualTo(12.0);
    }

    @Test
    void aFailureIsTheServersReasonOnOneLine() {
        String sql = "select \"year\"\nfrom kpi.channel_migration";

        String reason = JdbcBenchmark.reason(
                "Error -1 (00000) : Error while executing SQL \"select \"year\"\n"
                        + "from kpi.channel_migration\": From line 2, column 6 to line 2, column 26: "
                        + "Object 'channel_migration' not found within 'kpi'",
                sql);

        assertThat(reason)
                .isEqualTo("From line 2, column 6 to line 2, column 26: "
                        + "Object 'channel_migration' not found within 'kpi'");
    }

    @Test
    void p95IsTheNearestRank() {
        double[] twenty = new double[20];
        for (int i = 0; i < twenty.length; i++) {
            twenty[i] = i + 1;
        }
        // rank ceil(0.95 * 20) = 19
        assertThat(BenchReport.percentile(twenty, 95)).isEqualTo(19.0);
        assertThat(BenchReport.percentile(new double[] {7.0}, 95)).isEqualTo(7.0);
        assertThat(BenchReport.percentile(new double[0], 95)).isNaN();
    }

    @Test
    void theExtractRatioIsEndpointOverDuckDb() {
        assertThat(new BenchReport.ExtractTiming("select 1", 10, 10, 300.0, 200.0, "test").ratio())
                .isEqualTo(1.5);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(BenchReport.median(new double[] {4.0, 1.0, 3.0, 2.0})).isEqualTo(2.5);
        assertThat(BenchReport.median(new double[0])).isNaN();
    }

    @Test
    void printsOneLinePerQueryAndTheUsersMedians() {
        UserTimings manager = new UserTimings(
                "bench-manager",
                "regional_manager [Nord]",
                280.0,
                List.of(new QueryTiming("cube", 527, 3545, 400.0, 25.0, 20.0, null)));
        StringWriter text = new StringWriter();

        new BenchReport(5200.0, 950.0, List.of(ANALYST, manager)).print(new PrintWriter(text));

        assertThat(text.toString().lines())
                .containsExactly(
                        "endpoint start 5200 ms (Calcite warm-up included), first query after start 950 ms",
                        "",
                        "user bench-analyst (analyst): login and connection 310 ms",
                        "query                  rows  first ms  endpoint ms  duckdb ms   ratio",
                        "cube                   3545     950.0         30.0       20.0    1.50",
                        "market                   90     120.0         12.0        4.0    3.00",
                        "buyingCenter       not answered by the endpoint: Error while executing SQL",
                        "summary                   1      60.0          9.0        6.0    1.50",
                        "bench-analyst: 3 of 4 queries measured; median ratio 1.50, median endpoint latency 12.0 ms "
                                + "(DuckDB directly 6.0 ms)",
                        "",
                        "user bench-manager (regional_manager [Nord]): login and connection 280 ms",
                        "query                  rows  first ms  endpoint ms  duckdb ms   ratio",
                        "cube                    527     400.0         25.0       20.0    1.25  (DuckDB directly: 3545 rows)",
                        "bench-manager: 1 of 1 queries measured; median ratio 1.25, median endpoint latency 25.0 ms "
                                + "(DuckDB directly 20.0 ms)");
    }
}
