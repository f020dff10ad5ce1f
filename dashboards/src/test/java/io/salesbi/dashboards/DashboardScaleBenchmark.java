package io.salesbi.dashboards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Run by hand (never a timed test): generates the pages from the scale-1 fixture three times and prints the page
 * sizes and generation times. Usage: java -cp test-classpath io.salesbi.dashboards.DashboardScaleBenchmark [outDir]
 */
public final class DashboardScaleBenchmark {

    private DashboardScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/scale-one-dashboards");
        try (Connection conn = KpiFixture.open(DashboardScaleOneTest.SCALE_ONE)) {
            for (int run = 1; run <= 8; run++) {
                long started = System.nanoTime();
                List<Path> pages = new DashboardGenerator(new DashboardSettings(out, Locale.GERMAN, Instant.now()))
                        .generate(conn);
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("run %d: %d pages in %d ms%n", run, pages.size(), millis);
                if (run == 8) {
                    for (Path page : pages) {
                        System.out.printf("  %-20s %,10d bytes%n", page.getFileName(), Files.size(page));
                    }
                }
            }
        }
    }
}
