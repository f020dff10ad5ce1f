package io.salesbi.bench.jdbc;

import io.salesbi.bench.jdbc.JdbcBenchmark.BenchUser;
import io.salesbi.server.UserAccount;
import io.salesbi.sql.RowPolicies;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * {@link JdbcBenchmark} on a synthetic warehouse, for measuring the endpoint without a night's data:
 * {@code java -cp <sql classpath> io.salesbi.bench.jdbc.SyntheticBenchmark /tmp/bench.duckdb 1000000}; a
 * missing file is created with a {@link SyntheticSales} fact table of that many rows and a kpi view over it. The
 * dashboards' own queries on a real night are measured by {@code salesbi bench jdbc}.
 */
public final class SyntheticBenchmark {

    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("regionMonths", "select * from kpi.revenue_by_region_month order by sales_region, month_start");
        QUERIES.put(
                "regions",
                "select sales_region, sum(revenue_eur) as revenue_eur, count(*) as orders "
                        + "from core.sales_fact group by sales_region order by sales_region");
        QUERIES.put(
                "topCustomers",
                "select customer_id, sum(revenue_eur) as revenue_eur from core.sales_fact "
                        + "where sales_region = 'Nord' group by customer_id order by revenue_eur desc limit 10");
        QUERIES.put("count", "select count(*) from kpi.revenue_by_region_month");
    }

    private SyntheticBenchmark() {}

    /** What the benchmark's regional manager sees of the synthetic relations ({@link SyntheticSales}). */
    static final RowPolicies SYNTHETIC_POLICIES = RowPolicies.parse("synthetic benchmark", """
            core.sales_fact: region(sales_region)
            kpi.revenue_by_region_month: region(sales_region)
            """);

    /** Command line: {@code <warehouse file> [synthetic rows, default 1000000] [warm runs, default 15]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SyntheticBenchmark <warehouse.duckdb> [synthetic rows] [warm runs]");
            System.exit(2);
        }
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int warmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (DuckDBConnection owner = open(Path.of(args[0]), rows)) {
            BenchReport report = JdbcBenchmark.run(
                    () -> {
                        try {
                            return owner.duplicate();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    new JdbcBenchmark.Settings(
                            QUERIES,
                            warmRuns,
                            List.of(
                                    new BenchUser("bench-analyst", Set.of(UserAccount.ANALYST), Set.of()),
                                    new BenchUser(
                                            "bench-manager", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")))),
                    SYNTHETIC_POLICIES);
            report.print(new PrintWriter(System.out));
        }
    }

    private static DuckDBConnection open(Path file, long rows) throws SQLException {
        boolean create = !Files.exists(file);
        Connection owner = DriverManager.getConnection("jdbc:duckdb:" + file);
        if (create) {
            try (Statement statement = owner.createStatement()) {
                for (String sql : SyntheticSales.script(rows)) {
                    statement.execute(sql);
                }
            }
        }
        return (DuckDBConnection) owner;
    }
}
