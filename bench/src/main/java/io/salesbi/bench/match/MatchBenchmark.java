package io.salesbi.bench.match;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.FieldType;
import io.salesbi.match.engine.MatchEngine;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.TrainingLabels;
import io.salesbi.match.quality.MatchQuality;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark of the match engine on synthetic German customer records, run by hand (never a test):
 * {@code java -Xmx4g -XX:ActiveProcessorCount=2 -cp … io.salesbi.bench.match.MatchBenchmark 100000 200000}.
 * Prints per size the time, the pairs compared, the peak heap and the pairwise quality against the generator's truth.
 * With {@code -Dmatch.labels=0.01} the pairs of 1% of the duplicated entities (a fixed-seed draw) are given to the
 * engine as labelled matches, as a steward's labels would be: they train the model, they do not force the clustering,
 * and quality is still measured on all records. {@code -Dmatch.seed=N} generates another set than the default seed 42
 * (a set kept out of tuning).
 */
public final class MatchBenchmark {

    static final List<MatchField> FIELDS = List.of(
            new MatchField("company", FieldType.COMPANY),
            new MatchField("street", FieldType.STREET),
            new MatchField("house_number", FieldType.HOUSE_NUMBER),
            new MatchField("postcode", FieldType.POSTCODE),
            new MatchField("city", FieldType.CITY),
            new MatchField("phone", FieldType.PHONE),
            new MatchField("email", FieldType.EMAIL),
            new MatchField("website", FieldType.WEBSITE),
            new MatchField("vat_id", FieldType.VAT_ID));

    private MatchBenchmark() {}

    public static void main(String[] args) {
        String[] sizes = args.length == 0 ? new String[] {"100000", "200000"} : args;
        System.out.printf(
                Locale.ROOT,
                "cores %d, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        new MatchEngine(EngineSettings.defaults())
                .run(FIELDS, columns(SyntheticCustomers.generate(5_000, 1).records()), ClusterConstraints.none());
        for (String size : sizes) {
            int records = Integer.parseInt(size);
            Input input = Input.generate(records);
            List<String> entityOf = input.entityOf;
            System.gc();
            resetPeaks();
            long cpuStarted = processCpuNanos();
            long started = System.nanoTime();
            TrainingLabels training = labels(entityOf, Double.parseDouble(System.getProperty("match.labels", "0")));
            MatchResult result = new MatchEngine(EngineSettings.defaults())
                    .run(FIELDS, input.takeColumns(), ClusterConstraints.none(), training);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
            Map<String, String> predicted = new HashMap<>();
            Map<String, String> truth = new HashMap<>();
            for (int i = 0; i < records; i++) {
                predicted.put(Integer.toString(i), Integer.toString(result.clusterOf()[i]));
                truth.put(Integer.toString(i), entityOf.get(i));
            }
            MatchQuality quality = MatchQuality.of(predicted, truth);
            System.out.printf(
                    Locale.ROOT,
                    "records %d: %.1f s (cpu %.1f s, load %.1f), pairs compared %d, clusters %d, "
                            + "peak heap %d MB, precision %.4f, recall %.4f, F1 %.4f%n",
                    records,
                    seconds,
                    cpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    result.pairs().size(),
                    result.clusterCount(),
                    peakHeapMb(),
                    quality.precision(),
                    quality.recall(),
                    quality.f1());
            System.out.printf(
                    Locale.ROOT,
                    "  model: %s, prior match probability %.3g, labelled matches %d%n",
                    result.convergence().describe(),
                    result.parameters().lambda(),
                    training.matches().size());
        }
    }

    /** All pairs within a fixed-seed share of the entities that have more than one record. */
    static TrainingLabels labels(List<String> entityOf, double share) {
        if (share <= 0) {
            return TrainingLabels.none();
        }
        Map<String, List<Integer>> records = new HashMap<>();
        for (int i = 0; i < entityOf.size(); i++) {
            records.computeIfAbsent(entityOf.get(i), e -> new ArrayList<>()).add(i);
        }
        SplittableRandom random = new SplittableRandom(7);
        List<int[]> matches = new ArrayList<>();
        for (List<Integer> entity : records.values()) {
            if (entity.size() > 1 && random.nextDouble() < share) {
                for (int x = 0; x < entity.size(); x++) {
                    for (int y = x + 1; y < entity.size(); y++) {
                        matches.add(new int[] {entity.get(x), entity.get(y)});
                    }
                }
            }
        }
        return new TrainingLabels(matches, List.of());
    }

    /**
     * The generated records as the engine's columns and each record's entity. The generated rows are garbage once
     * the columns are built, and the columns once the engine has taken them: like the night, which reads
     * {@code staging.customer_record} into columns, the benchmark holds no second copy of its input while matching
     * (the rows of a million records were 0.25 GB of the default heap).
     */
    private static final class Input {
        private String[][] columns;
        private final List<String> entityOf;

        private Input(String[][] columns, List<String> entityOf) {
            this.columns = columns;
            this.entityOf = entityOf;
        }

        static Input generate(int records) {
            SyntheticCustomers.Dataset data = SyntheticCustomers.generate(records, Long.getLong("match.seed", 42));
            return new Input(columns(data.records()), data.entityOf());
        }

        /** The columns, which this input then no longer holds. */
        String[][] takeColumns() {
            String[][] taken = columns;
            columns = null;
            return taken;
        }
    }

    static String[][] columns(List<String[]> records) {
        String[][] columns = new String[SyntheticCustomers.HEADER.length][records.size()];
        for (int i = 0; i < records.size(); i++) {
            for (int f = 0; f < columns.length; f++) {
                columns[f][i] = records.get(i)[f];
            }
        }
        return columns;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
