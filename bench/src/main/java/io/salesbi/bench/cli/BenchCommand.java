package io.salesbi.bench.cli;

import io.salesbi.bench.night.DuckDbBaseline;
import io.salesbi.bench.night.IngestBreakdown;
import io.salesbi.bench.night.NightProcess;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GenerationSummary;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.generator.NewOrderLines;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.cli.SubcommandExtension;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun.StepResult;
import io.salesbi.pipeline.run.StepRunHistory;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.io.file.PathUtils;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi bench}: generates scale-N data, runs the full night on it (as {@code salesbi run --full} in a JVM of
 * its own, with this JVM's memory settings), then the DuckDB baseline on the same files, and prints per-stage time,
 * rows/s, the night's peak RSS and the ratio to the baseline. Then it delivers 1 % new order lines and runs an
 * incremental night (and, on a copy, the same night rebuilt with --full), then two more nights with 1 % new lines
 * each, and prints their times as a share of the full night: each night and the median of the three, since a night
 * of ten seconds on a shared machine varies by a second from run to run.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = {JdbcBenchCommand.class, IngestBenchCommand.class},
        description = "Benchmarks a full night at scale N against a DuckDB baseline (read_csv into typed tables and "
                + "the same SQL) and prints per-stage seconds, rows/s, peak RSS and the ratio.")
public final class BenchCommand implements Callable<Integer>, SubcommandExtension {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    private static final double NEW_ORDER_LINE_SHARE = 0.01;
    private static final int INCREMENTAL_NIGHTS = 3;

    @Option(
            names = "--scale",
            defaultValue = "1",
            paramLabel = "N",
            description = "Size factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--dir",
            defaultValue = "target/bench",
            paramLabel = "DIR",
            description = "Work folder, emptied first (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--next-nights-only",
            description = "Keep DIR from an earlier bench whose full night succeeded and run only the next nights "
                    + "(1 %% new order lines, incremental and rebuilt with --full): at scale 100 the generation, the "
                    + "full night and the baseline take half an hour.")
    boolean nextNightsOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = dir.toAbsolutePath().normalize();
        if (nextNightsOnly) {
            return nextNights(out, root, firstNightSeconds(out, root.resolve("night")));
        }
        if (Files.exists(root)) {
            PathUtils.deleteDirectory(root);
        }
        Path night = root.resolve("night");
        long t = System.nanoTime();
        GenerationSummary generated =
                new DemoDataGenerator(new GeneratorSettings(scale, seed, night, AS_OF)).generate();
        double generateSeconds = (System.nanoTime() - t) / 1e9;
        Path baselineInbox = root.resolve("baseline-inbox");
        PathUtils.copyDirectory(night.resolve("inbox"), baselineInbox);
        out.printf(
                Locale.ROOT,
                "scale %s: %,d customer records, %,d order lines generated in %.1f s%n",
                scale,
                generated.sourceCustomerRecords(),
                generated.orderLines(),
                generateSeconds);
        out.flush();

        SalesbiSettings settings = SettingsLoader.defaults(night);
        NightProcess.Outcome fullNight = NightProcess.run(night, AS_OF, true);
        List<StepResult> fullSteps = lastNightSteps(settings);
        if (fullNight.exitCode() != 0) {
            out.println("The full night failed (exit " + fullNight.exitCode() + "); see " + fullNight.output());
            return SalesbiCommand.EXIT_RUN_FAILED;
        }
        Map<String, Double> baseline;
        try (Warehouse warehouse = Warehouse.open(root.resolve("baseline/baseline.duckdb"))) {
            baseline =
                    new DuckDbBaseline(warehouse, MappingLoader.loadBundled()).run(baselineInbox, settings.warehouse());
        }
        print(out, fullSteps, baseline, generated.orderLines(), fullNight.peakRssBytes());
        explainIngest(out, fullSteps, baseline, baselineInbox, root.resolve("baseline"));
        return nextNights(out, root, seconds(fullSteps));
    }

    /** The seconds of the first night recorded in {@code night}'s warehouse (an earlier bench's full night). */
    private static double firstNightSeconds(PrintWriter out, Path night) throws SQLException {
        if (!Files.isDirectory(night.resolve("warehouse"))) {
            throw new IllegalArgumentException(
                    "--next-nights-only needs the folder of an earlier bench: no warehouse in " + night);
        }
        try (Warehouse warehouse = Warehouse.open(SettingsLoader.defaults(night).warehouse());
                Connection conn = warehouse.connect()) {
            long first = StepRunHistory.firstRunId(conn);
            if (StepRunHistory.lastRunId(conn) != first) {
                throw new IllegalArgumentException("--next-nights-only: " + night
                        + " has had nights after its first one already; run the whole bench");
            }
            List<StepResult> steps = StepRunHistory.steps(conn, first);
            if (steps.isEmpty() || steps.stream().anyMatch(s -> s.status() != BatchStatus.COMPLETED)) {
                throw new IllegalArgumentException(
                        "--next-nights-only: the first night in " + night + " did not complete; run the whole bench");
            }
            double seconds = seconds(steps);
            out.printf(Locale.ROOT, "first night (night %d of %s): %.2f s%n", first, night, seconds);
            return seconds;
        }
    }

    /**
     * The next nights after a full one: the same next-day delivery processed incrementally in {@code root/night} and
     * rebuilt with --full on a copy, then two more incremental nights.
     */
    private int nextNights(PrintWriter out, Path root, double firstNightSeconds) throws Exception {
        Path night = root.resolve("night");
        SalesbiSettings settings = SettingsLoader.defaults(night);
        // the same next-day delivery twice: processed incrementally here, rebuilt with --full on a copy; each next
        // night runs a day later than the one before, as the nightly schedule does (validation rules compare dates
        // with the as-of date)
        Path rebuild = root.resolve("night-rebuilt");
        if (Files.exists(rebuild)) {
            PathUtils.deleteDirectory(rebuild);
        }
        PathUtils.copyDirectory(night, rebuild);
        int newLines = NewOrderLines.deliver(night, NEW_ORDER_LINE_SHARE);
        NewOrderLines.deliver(rebuild, NEW_ORDER_LINE_SHARE);
        NightProcess.Outcome incrementalNight = NightProcess.run(night, AS_OF.plusDays(1), false);
        List<StepResult> incrementalSteps = lastNightSteps(settings);
        if (incrementalNight.exitCode() != 0) {
            out.println("The incremental night failed (exit " + incrementalNight.exitCode() + "); see "
                    + incrementalNight.output());
            return SalesbiCommand.EXIT_RUN_FAILED;
        }
        NightProcess.Outcome rebuiltNight = NightProcess.run(rebuild, AS_OF.plusDays(1), true);
        List<StepResult> rebuiltSteps = lastNightSteps(SettingsLoader.defaults(rebuild));
        if (rebuiltNight.exitCode() != 0) {
            out.println("The --full night failed (exit " + rebuiltNight.exitCode() + "); see " + rebuiltNight.output());
            return SalesbiCommand.EXIT_RUN_FAILED;
        }
        List<Double> nights = new ArrayList<>(List.of(seconds(incrementalSteps)));
        long peakRss = incrementalNight.peakRssBytes();
        for (int delivery = 2; delivery <= INCREMENTAL_NIGHTS; delivery++) {
            NewOrderLines.deliver(night, NEW_ORDER_LINE_SHARE, delivery);
            NightProcess.Outcome next = NightProcess.run(night, AS_OF.plusDays(delivery), false);
            if (next.exitCode() != 0) {
                out.println("Incremental night " + delivery + " failed (exit " + next.exitCode() + "); see "
                        + next.output());
                return SalesbiCommand.EXIT_RUN_FAILED;
            }
            nights.add(seconds(lastNightSteps(settings)));
            peakRss = Math.max(peakRss, next.peakRssBytes());
        }
        printIncremental(out, newLines, incrementalSteps, rebuiltSteps, firstNightSeconds, nights, peakRss);
        return SalesbiCommand.EXIT_OK;
    }

    /** The steps of the latest night in the warehouse's run history. */
    private static List<StepResult> lastNightSteps(SalesbiSettings settings) throws SQLException {
        try (Warehouse warehouse = Warehouse.open(settings.warehouse());
                Connection conn = warehouse.connect()) {
            return StepRunHistory.steps(conn, StepRunHistory.lastRunId(conn));
        }
    }

    private static double seconds(List<StepResult> steps) {
        return steps.stream().mapToDouble(s -> s.duration().toMillis() / 1000.0).sum();
    }

    private static void printIncremental(
            PrintWriter out,
            int newLines,
            List<StepResult> steps,
            List<StepResult> rebuiltSteps,
            double firstNightSeconds,
            List<Double> nights,
            long peakRss) {
        out.printf(
                Locale.ROOT,
                "%nnext night: %,d new order lines (%.0f %% of the file), incremental and rebuilt with --full%n",
                newLines,
                NEW_ORDER_LINE_SHARE * 100);
        out.printf(
                Locale.ROOT, "%-26s %12s %12s   %s%n", "step", "incremental", "--full", "incremental night's summary");
        for (StepResult s : steps) {
            double rebuilt = rebuiltSteps.stream()
                    .filter(r -> r.name().equals(s.name()))
                    .mapToDouble(r -> r.duration().toMillis() / 1000.0)
                    .findFirst()
                    .orElse(Double.NaN);
            out.printf(
                    Locale.ROOT,
                    "%-26s %12.2f %12.2f   %s%n",
                    s.name(),
                    s.duration().toMillis() / 1000.0,
                    rebuilt,
                    s.summary() == null ? "" : s.summary());
        }
        double total = seconds(steps);
        double rebuiltTotal = seconds(rebuiltSteps);
        out.printf(Locale.ROOT, "%-26s %12.2f %12.2f%n", "next night", total, rebuiltTotal);
        out.printf(
                Locale.ROOT,
                "incremental: %.1f %% of the --full night, %.1f %% of the first night%n",
                100 * total / rebuiltTotal,
                100 * total / firstNightSeconds);
        List<Double> sorted = nights.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        out.printf(
                Locale.ROOT,
                "%d incremental nights with 1 %% new order lines each: %s s; median %.2f s = %.1f %% of "
                        + "the first night%n",
                nights.size(),
                nights.stream().map(n -> String.format(Locale.ROOT, "%.2f", n)).collect(Collectors.joining(", ")),
                median,
                100 * median / firstNightSeconds);
        out.printf(Locale.ROOT, "%-26s %10.0f MB%n", "peak RSS (incremental)", peakRss / 1024.0 / 1024.0);
        out.flush();
    }

    private static void print(
            PrintWriter out, List<StepResult> steps, Map<String, Double> baseline, long orderLines, long peakRss) {
        out.printf(Locale.ROOT, "%n%-26s %10s %14s %12s %8s%n", "step", "seconds", "rows/s", "baseline s", "ratio");
        double total = 0;
        double totalWithoutMatching = 0;
        double baselineTotal =
                baseline.values().stream().mapToDouble(Double::doubleValue).sum();
        for (StepResult s : steps) {
            double secs = s.duration().toMillis() / 1000.0;
            total += secs;
            String stage = stageOf(s.name());
            Double base = stage == null ? null : baseline.get(stage);
            if (!s.name().startsWith("standardize")
                    && !s.name().startsWith("match")
                    && !s.name().startsWith("render")) {
                totalWithoutMatching += secs;
            }
            out.printf(
                    Locale.ROOT,
                    "%-26s %10.2f %,14.0f %12s %8s%n",
                    s.name(),
                    secs,
                    secs > 0 ? Math.max(s.read(), s.written()) / secs : 0,
                    base == null ? "-" : String.format(Locale.ROOT, "%.2f", base),
                    base == null || base == 0 ? "-" : String.format(Locale.ROOT, "%.2f", secs / base));
        }
        out.printf(Locale.ROOT, "%n%-26s %10.2f   (%,.0f order lines/s)%n", "full night", total, orderLines / total);
        out.printf(
                Locale.ROOT,
                "%-26s %10.2f   baseline %.2f s, ratio %.2f%n",
                "night without matching, dashboards",
                totalWithoutMatching,
                baselineTotal,
                totalWithoutMatching / baselineTotal);
        out.printf(Locale.ROOT, "%-26s %10.0f MB%n", "peak RSS of the night", peakRss / 1024.0 / 1024.0);
        explainConsolidate(out, steps, baseline);
        out.flush();
    }

    /** The non-matching stages' target: at most this many times the DuckDB baseline (issue #22). */
    static final double STAGE_TARGET_RATIO = 1.25;

    /**
     * Says why consolidation is slower than its baseline when it is: the night's consolidate step also takes the
     * KPI snapshot the pages and the endpoint read (every kpi view computed into kpi_snapshot) and checks it before
     * publishing, which the baseline does in its KPI stage; so the two are compared together.
     */
    private static void explainConsolidate(PrintWriter out, List<StepResult> steps, Map<String, Double> baseline) {
        double consolidate = seconds(steps, "consolidateStep");
        double publish = seconds(steps, "publishKpisStep");
        Double base = baseline.get("consolidate");
        Double kpi = baseline.get("kpi");
        if (base == null || base == 0 || kpi == null || consolidate / base <= STAGE_TARGET_RATIO) {
            return;
        }
        out.printf(
                Locale.ROOT,
                "%nWhy consolidateStep is %.2f x its baseline: the night's consolidate also computes every kpi view"
                        + " into the published snapshot (kpi_snapshot) and checks it before publishing (the"
                        + " baseline computes the views in its KPI stage, the night's publish step only switches"
                        + " to the snapshot); consolidation and KPIs together: %.2f s against %.2f s, ratio %.2f.%n",
                consolidate / base,
                consolidate + publish,
                base + kpi,
                (consolidate + publish) / (base + kpi));
    }

    private static double seconds(List<StepResult> steps, String step) {
        return steps.stream()
                .filter(s -> s.name().equals(step))
                .mapToDouble(s -> s.duration().toMillis() / 1000.0)
                .sum();
    }

    /** Ingest's target: at most this many times DuckDB's read_csv on the same files (issue #22). */
    static final double INGEST_TARGET_RATIO = 1.3;

    /** When ingest misses its target, times the parts of it that read_csv does not do, on the largest file. */
    private static void explainIngest(
            PrintWriter out, List<StepResult> steps, Map<String, Double> baseline, Path inbox, Path scratch)
            throws Exception {
        double ingest = steps.stream()
                .filter(s -> s.name().equals("ingestFilesStep"))
                .mapToDouble(s -> s.duration().toMillis() / 1000.0)
                .sum();
        Double base = baseline.get("ingest");
        if (base == null || base == 0 || ingest / base <= INGEST_TARGET_RATIO) {
            return;
        }
        IngestBreakdown.print(out, IngestBreakdown.largest(inbox, MappingLoader.loadBundled(), scratch), ingest, base);
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
