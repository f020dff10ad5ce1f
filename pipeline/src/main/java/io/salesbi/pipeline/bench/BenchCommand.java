package io.salesbi.pipeline.bench;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.generate.DemoDataGenerator;
import io.salesbi.pipeline.generate.GenerationSummary;
import io.salesbi.pipeline.generate.GeneratorSettings;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.run.NightlyRun.StepResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code salesbi bench}: generates scale-N data, runs the full night on it, then the DuckDB baseline on the same
 * files, and prints per-stage time, rows/s, peak RSS and the ratio to the baseline.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = JdbcBenchCommand.class,
        description = "Benchmarks a full night at scale N against a DuckDB baseline (read_csv into typed tables and "
                + "the same SQL) and prints per-stage seconds, rows/s, peak RSS and the ratio.")
public final class BenchCommand implements Callable<Integer> {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N", description = "Size factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "target/bench", paramLabel = "DIR", description = "Work folder, emptied first (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root)) {
            PathUtils.deleteDirectory(root);
        }
        Path night = root.resolve("night");
        long t = System.nanoTime();
        GenerationSummary generated = new DemoDataGenerator(new GeneratorSettings(scale, seed, night, AS_OF)).generate();
        double generateSeconds = (System.nanoTime() - t) / 1e9;
        Path baselineInbox = root.resolve("baseline-inbox");
        PathUtils.copyDirectory(night.resolve("inbox"), baselineInbox);
        out.printf(Locale.ROOT, "scale %s: %,d customer records, %,d order lines generated in %.1f s%n", scale,
                generated.sourceCustomerRecords(), generated.orderLines(), generateSeconds);
        out.flush();

        SalesbiSettings settings = SettingsLoader.defaults(night);
        RunResult result;
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            result = new NightlyRun(settings, warehouse).execute(AS_OF, true);
            warehouse.checkpoint();
        }
        long nightPeakRss = PeakMemory.peakRssBytes();
        if (!result.ok()) {
            out.println("The night failed: " + result.failure());
            return SalesbiCommand.EXIT_RUN_FAILED;
        }
        Map<String, Double> baseline;
        try (Warehouse warehouse = Warehouse.open(root.resolve("baseline/baseline.duckdb"))) {
            baseline = new DuckDbBaseline(warehouse, MappingLoader.loadBundled()).run(baselineInbox, settings.warehouse());
        }
        print(out, result, baseline, generated.orderLines(), nightPeakRss);
        return SalesbiCommand.EXIT_OK;
    }

    private static void print(PrintWriter out, RunResult night, Map<String, Double> baseline, long orderLines,
                              long peakRss) {
        out.printf(Locale.ROOT, "%n%-26s %10s %14s %12s %8s%n", "step", "seconds", "rows/s", "baseline s", "ratio");
        double total = 0;
        double totalWithoutMatching = 0;
        double baselineTotal = baseline.values().stream().mapToDouble(Double::doubleValue).sum();
        for (StepResult s : night.steps()) {
            double secs = s.duration().toMillis() / 1000.0;
            total += secs;
            String stage = stageOf(s.name());
            Double base = stage == null ? null : baseline.get(stage);
            if (!s.name().startsWith("standardize") && !s.name().startsWith("match") && !s.name().startsWith("render")) {
                totalWithoutMatching += secs;
            }
            out.printf(Locale.ROOT, "%-26s %10.2f %,14.0f %12s %8s%n", s.name(), secs,
                    secs > 0 ? Math.max(s.read(), s.written()) / secs : 0,
                    base == null ? "-" : String.format(Locale.ROOT, "%.2f", base),
                    base == null || base == 0 ? "-" : String.format(Locale.ROOT, "%.2f", secs / base));
        }
        out.printf(Locale.ROOT, "%n%-26s %10.2f   (%,.0f order lines/s)%n", "full night", total, orderLines / total);
        out.printf(Locale.ROOT, "%-26s %10.2f   baseline %.2f s, ratio %.2f%n", "night without matching, dashboards",
                totalWithoutMatching, baselineTotal, totalWithoutMatching / baselineTotal);
        out.printf(Locale.ROOT, "%-26s %10.0f MB%n", "peak RSS of the night", peakRss / 1024.0 / 1024.0);
        out.flush();
    }

    private static String stageOf(String step) {
        return switch (step) {
            case "ingestFilesStep" -> "ingest";
            case "validateRowsStep" -> "validate";
            case "consolidateStep" -> "consolidate";
            case "publishKpisStep" -> "kpi";
            default -> null;
        };
    }
}
