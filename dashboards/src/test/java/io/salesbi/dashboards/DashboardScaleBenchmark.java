package io.salesbi.dashboards;

import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Run by hand (never a timed test): generates the pages several times and prints the page sizes and generation
 * times, from the scale-1 fixture or, given a warehouse file (e.g. the one {@code salesbi bench --scale 10} leaves
 * under its folder), from that warehouse opened read-only.
 * Prints wall time and the process's CPU time (all threads, DuckDB's included), which other load on the machine
 * disturbs less. Usage: java -cp test-classpath io.salesbi.dashboards.DashboardScaleBenchmark
 * [outDir [warehouse.duckdb|fixture [runs [regions]]]]; with regions (comma-separated {@code sales_region} values,
 * e.g. {@code Nord,Süd}) each run also renders one regional page set per region and prints its time.
 */
public final class DashboardScaleBenchmark {

    /** The pages' language: German unless {@code -Dlocale=en}. */
    private static final Locale LOCALE = Locale.forLanguageTag(System.getProperty("locale", "de"));

    private DashboardScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/scale-one-dashboards");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Connection conn = args.length > 1 && !args[1].equals("fixture")
                ? openReadOnly(Path.of(args[1]))
                : KpiFixture.open(DashboardScaleOneTest.SCALE_ONE)) {
            for (int run = 1; run <= runs; run++) {
                long started = System.nanoTime();
                long cpuStarted = os.getProcessCpuTime();
                List<Path> pages = new DashboardGenerator(new DashboardSettings(out, LOCALE, KpiFixture.GENERATED_AT))
                        .generate(conn);
                long millis = (System.nanoTime() - started) / 1_000_000;
                long cpuMillis = (os.getProcessCpuTime() - cpuStarted) / 1_000_000;
                System.out.printf("run %d: %d pages in %d ms, %d ms CPU%n", run, pages.size(), millis, cpuMillis);
                if (args.length > 3) {
                    for (String region : args[3].split(",")) {
                        long regionStarted = System.nanoTime();
                        long regionCpuStarted = os.getProcessCpuTime();
                        List<Path> regional = new DashboardGenerator(
                                        new DashboardSettings(out, LOCALE, KpiFixture.GENERATED_AT))
                                .generateRegional(
                                        conn, List.of(RegionScope.of(Set.of(region))), RowPolicies.warehouse());
                        System.out.printf(
                                "run %d: region %s: %d pages in %d ms, %d ms CPU%n",
                                run,
                                region,
                                regional.size(),
                                (System.nanoTime() - regionStarted) / 1_000_000,
                                (os.getProcessCpuTime() - regionCpuStarted) / 1_000_000);
                    }
                }
                if (run == runs) {
                    for (Path page : pages) {
                        System.out.printf("  %-20s %,10d bytes%n", page.getFileName(), Files.size(page));
                    }
                }
            }
        }
    }

    private static Connection openReadOnly(Path warehouse) throws Exception {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        props.setProperty("autoinstall_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), props);
    }
}
