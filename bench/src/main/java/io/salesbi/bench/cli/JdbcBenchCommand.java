package io.salesbi.bench.cli;

import io.salesbi.bench.jdbc.BenchReport;
import io.salesbi.bench.jdbc.JdbcBenchmark;
import io.salesbi.bench.jdbc.JdbcBenchmark.BenchUser;
import io.salesbi.dashboards.DashboardQueries;
import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GenerationSummary;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.server.UserAccount;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi bench jdbc}: the dashboards' KPI queries ({@link DashboardQueries}) through the analysts' JDBC
 * endpoint against the same queries directly on DuckDB, on a warehouse with a real night in it: the one given with
 * {@code --warehouse}, or one made from generated data at {@code --scale}. Prints per query the rows, the first run,
 * the warm medians of both paths and their ratio, for an analyst and for a regional manager (row-level security);
 * then a full extract of every order line through both paths, the latencies of 8 and 32 analysts querying at once,
 * the login latency during a flood of wrong passwords, and the figures the issue sets targets for.
 */
@Command(
        name = "jdbc",
        mixinStandardHelpOptions = true,
        description = "Benchmarks the dashboards' KPI queries through the JDBC endpoint (Calcite/Avatica) against "
                + "the same queries directly on DuckDB, warm, on a night at scale N or on a given warehouse.")
public final class JdbcBenchCommand implements Callable<Integer> {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @Option(
            names = "--warehouse",
            paramLabel = "FILE",
            description = "Warehouse to query (not changed beyond pending migrations); default: generate one.")
    Path warehouseFile;

    @Option(
            names = "--scale",
            defaultValue = "1",
            paramLabel = "N",
            description = "Size factor of the generated night (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--dir",
            defaultValue = "target/bench-jdbc",
            paramLabel = "DIR",
            description = "Work folder for the generated night, emptied first (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--runs",
            defaultValue = "15",
            paramLabel = "N",
            description = "Warm runs per query and path (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--clients",
            defaultValue = "8,32",
            split = ",",
            paramLabel = "N[,N...]",
            description = "Numbers of analysts running the dashboard queries at once (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Spec
    CommandSpec spec;

    /** Every order line of the night: the extract a BI tool's import makes. */
    static final String FULL_EXTRACT = "select * from core.fact_order_line";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = warehouseFile != null ? warehouseFile.toAbsolutePath().normalize() : generateNight(out);
        if (file == null) {
            return SalesbiCommand.EXIT_RUN_FAILED;
        }
        if (!Files.isRegularFile(file)) {
            throw new SalesbiCommand.UsageException("warehouse " + file + " does not exist");
        }
        try (Warehouse warehouse = Warehouse.open(file)) {
            List<BenchUser> users = new ArrayList<>();
            users.add(new BenchUser("bench-analyst", Set.of(UserAccount.ANALYST), Set.of()));
            String region = firstRegion(warehouse);
            if (region != null) {
                users.add(new BenchUser("bench-manager", Set.of(UserAccount.REGIONAL_MANAGER), Set.of(region)));
            }
            out.printf(
                    Locale.ROOT,
                    "%d dashboard queries on %s, %d warm runs each%n",
                    DashboardQueries.all().size(),
                    file,
                    runs);
            out.flush();
            BenchReport report = JdbcBenchmark.run(
                    () -> {
                        try {
                            return warehouse.connect();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    new JdbcBenchmark.Settings(DashboardQueries.all(), runs, users, FULL_EXTRACT, clients));
            out.println();
            report.print(out);
            BenchReport.UserTimings analyst = report.users().get(0);
            out.printf(
                    Locale.ROOT,
                    "%nanalyst, dashboard queries: median ratio %.2f (target <= 3), median endpoint "
                            + "latency %.1f ms (target <= 50), first query after start %.0f ms (target <= 1000)%n",
                    analyst.medianRatio(),
                    analyst.medianEndpointMs(),
                    report.firstQueryMs());
            if (report.extract() != null) {
                out.printf(
                        Locale.ROOT,
                        "full extract of every order line: ratio %.2f (target <= 2)%n",
                        report.extract().ratio());
            }
            for (BenchReport.ConcurrencyTiming c : report.concurrency()) {
                out.printf(Locale.ROOT, "%d concurrent analysts: p95 latency %.0f ms%n", c.clients(), c.p95Ms());
            }
            out.flush();
        }
        return SalesbiCommand.EXIT_OK;
    }

    /** Generates scale-N demo data and runs the night on it, as {@code salesbi bench} does; null if it failed. */
    private Path generateNight(PrintWriter out) throws Exception {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root)) {
            PathUtils.deleteDirectory(root);
        }
        Path night = root.resolve("night");
        GenerationSummary generated =
                new DemoDataGenerator(new GeneratorSettings(scale, seed, night, AS_OF)).generate();
        out.printf(
                Locale.ROOT,
                "scale %s: %,d order lines generated; running the night ...%n",
                scale,
                generated.orderLines());
        out.flush();
        SalesbiSettings settings = SettingsLoader.defaults(night);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            RunResult result = new NightlyRun(settings, warehouse).execute(AS_OF, true);
            warehouse.checkpoint();
            if (!result.ok()) {
                out.println("The night failed: " + result.failure());
                return null;
            }
        }
        return settings.warehouse().toAbsolutePath().normalize();
    }

    /** A sales region of the warehouse's customers, for the regional manager's session; null if there is none. */
    private static String firstRegion(Warehouse warehouse) throws SQLException {
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select min(sales_region) from kpi.customer_value")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
