package io.salesbi.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * {@code salesbi spark-kpis}: computes the warehouse's KPI views on Apache Spark over a Parquet export
 * ({@code salesbi export --format parquet}) and writes each KPI view's result as Parquet.
 *
 * <p>The export's {@code core} relations become temporary views ({@code core/fact_order_line} with its year and month
 * partitions), its {@code ops/parameter.parquet} gives the parameters the views were computed with, then every KPI
 * view the export can feed is created in dependency order from the warehouse's own view SQL (see
 * {@link SparkDialect}) and written to {@code OUT/kpi/<view>.parquet/} (a folder, as Spark writes). Views that read
 * what the export does not hold (the data-quality and survey views read ops, staging and quarantine) are skipped and
 * named. {@code OUT/_spark_kpis.json} lists what was written.
 *
 * <p>Paths are Hadoop paths: a local folder, {@code hdfs://…} or {@code s3a://…} on a cluster.
 */
public final class SparkKpis {

    /**
     * What a run did: rows per written KPI view (in dependency order), the milliseconds each took to compute and
     * write, the views skipped with their reason, and the whole run's milliseconds (Spark's start not included).
     */
    public record Result(
            Map<String, Long> rows, Map<String, Long> viewMillis, Map<String, String> skipped, long millis) {}

    /** The command line: {@code --export DIR --out DIR [--master URL] [--param name=value ...]}. */
    record Options(String export, String out, String master, Map<String, String> parameters) {

        static Options parse(String... args) {
            String export = null;
            String out = null;
            String master = null;
            Map<String, String> parameters = new TreeMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (arg) {
                    case "--export" -> export = required(arg, value);
                    case "--out" -> out = required(arg, value);
                    case "--master" -> master = required(arg, value);
                    case "--param" -> {
                        String p = required(arg, value);
                        int eq = p.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException(
                                    "--param " + p + ": expected name=value, e.g. " + "--param as_of_date=2026-01-15");
                        }
                        parameters.put(p.substring(0, eq).strip(), p.substring(eq + 1));
                    }
                    default ->
                        throw new IllegalArgumentException("unknown option " + arg + "; expected --export DIR "
                                + "--out DIR [--master URL] [--param name=value ...]");
                }
                i++;
            }
            if (export == null || out == null) {
                throw new IllegalArgumentException("--export DIR and --out DIR are required");
            }
            return new Options(export, out, master, parameters);
        }

        private static String required(String option, String value) {
            if (value == null || value.startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }

    private final SparkSession spark;

    public SparkKpis(SparkSession spark) {
        this.spark = spark;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("salesbi spark-kpis: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("salesbi spark-kpis");
        if (options.master() != null) {
            builder.master(options.master());
            if (options.master().startsWith("local")) {
                localDefaults(builder, options.master());
            }
        }
        SparkSession spark = builder.getOrCreate();
        int exit = 0;
        try {
            Result result = new SparkKpis(spark).run(options.export(), options.out(), options.parameters());
            print(result, options.out(), System.out);
        } catch (Exception e) {
            System.err.println("salesbi spark-kpis: " + e.getMessage());
            e.printStackTrace(System.err);
            exit = 1;
        } finally {
            spark.stop();
        }
        System.exit(exit);
    }

    /**
     * One machine: no UI, loopback only, one shuffle partition per core instead of Spark's 200 (each costs a task
     * per shuffle, and the KPI views shuffle a dozen times).
     */
    static void localDefaults(SparkSession.Builder builder, String master) {
        builder.config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", Integer.toString(localCores(master)));
    }

    /** The cores of {@code local}, {@code local[N]}, {@code local[*]} or {@code local[N,F]}. */
    static int localCores(String master) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?")
                .matcher(master);
        if (!m.matches() || m.group(1) == null) {
            return 1;
        }
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
    }

    /**
     * Registers the export, creates the runnable KPI views and writes each {@code kpi} view to
     * {@code out/kpi/<name>.parquet}. {@code overrides} replace parameters of the export.
     */
    public Result run(String exportDir, String outDir, Map<String, String> overrides) throws IOException {
        long started = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path export = new Path(exportDir);
        FileSystem fs = export.getFileSystem(hadoop);
        if (!fs.exists(new Path(export, "core"))) {
            throw new IllegalArgumentException(exportDir + " is no salesbi Parquet export: it has no core/ folder "
                    + "(write one with: salesbi export --format parquet --out " + exportDir + ")");
        }
        List<String> available = registerCore(fs, export);
        Map<String, String> parameters = parameters(fs, export);
        parameters.putAll(overrides);

        KpiViews.Plan plan = KpiViews.plan(KpiViews.load(), available);
        SparkDialect dialect = new SparkDialect(parameters);
        for (KpiViews.View view : plan.runnable()) {
            String sql = dialect.translate(view.sql());
            try {
                spark.sql(sql);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        view.script() + ": view " + view.name() + " does not run on Spark: " + e.getMessage()
                                + "\nSpark SQL:\n" + sql,
                        e);
            }
        }

        Path out = new Path(outDir);
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> viewMillis = new LinkedHashMap<>();
        for (KpiViews.View view : plan.runnable()) {
            if (!view.schema().equals("kpi")) {
                continue;
            }
            long viewStarted = System.nanoTime();
            Path target = new Path(new Path(out, "kpi"), view.table() + ".parquet");
            Dataset<Row> result = spark.table(SparkDialect.sparkName(view.name()));
            try {
                // one file per view: KPI results are aggregates, small next to their inputs
                result.coalesce(1).write().mode(SaveMode.Overwrite).parquet(target.toString());
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        view.script() + ": view " + view.name() + " failed on Spark: " + e.getMessage(), e);
            }
            viewMillis.put(view.name(), (System.nanoTime() - viewStarted) / 1_000_000);
            rows.put(view.name(), spark.read().parquet(target.toString()).count());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Result result = new Result(rows, viewMillis, plan.skipped(), millis);
        writeSummary(out.getFileSystem(hadoop), new Path(out, "_spark_kpis.json"), result, exportDir);
        return result;
    }

    /**
     * Every {@code core} and {@code ref} relation of the export as a temporary view {@code core_<name>} /
     * {@code ref_<name>}: a file {@code core/<name>.parquet}, or a folder {@code core/<name>/} of hive-style
     * partitions. An export without {@code ref/} (written before it held the reference data) leaves the views
     * that read it skipped, with the reason.
     */
    private List<String> registerCore(FileSystem fs, Path export) throws IOException {
        List<String> relations = new ArrayList<>();
        for (String schema : List.of("core", "ref")) {
            Path folder = new Path(export, schema);
            if (!fs.exists(folder)) {
                continue;
            }
            for (FileStatus entry : fs.listStatus(folder)) {
                String file = entry.getPath().getName();
                String name;
                if (file.endsWith(".parquet")) {
                    name = file.substring(0, file.length() - ".parquet".length());
                } else if (entry.isDirectory() && !file.startsWith(".") && !file.startsWith("_")) {
                    name = file;
                } else {
                    continue;
                }
                spark.read()
                        .parquet(entry.getPath().toString())
                        .createOrReplaceTempView(SparkDialect.sparkName(schema + "." + name));
                relations.add(schema + "." + name);
            }
        }
        return relations;
    }

    /** The parameters the export's KPI views were computed with ({@code ops/parameter.parquet}: name, value). */
    private Map<String, String> parameters(FileSystem fs, Path export) throws IOException {
        Path file = new Path(export, "ops/parameter.parquet");
        Map<String, String> parameters = new TreeMap<>();
        if (!fs.exists(file)) {
            System.err.println("salesbi spark-kpis: " + file + " is missing (an export older than spark-kpis); the "
                    + "parameter macros read null, the as-of date is today: give them with --param name=value");
            return parameters;
        }
        for (Row row :
                spark.read().parquet(file.toString()).select("name", "value").collectAsList()) {
            parameters.put(row.getString(0), row.isNullAt(1) ? null : row.getString(1));
        }
        return parameters;
    }

    private void writeSummary(FileSystem fs, Path file, Result result, String export) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"export\": ").append(quote(export)).append(",\n");
        json.append("  \"spark_version\": ").append(quote(spark.version())).append(",\n");
        json.append("  \"millis\": ").append(result.millis()).append(",\n");
        json.append("  \"views\": {");
        String sep = "\n";
        for (Map.Entry<String, Long> e : result.rows().entrySet()) {
            json.append(sep)
                    .append("    ")
                    .append(quote(e.getKey()))
                    .append(": {\"path\": ")
                    .append(quote("kpi/" + e.getKey().substring(4) + ".parquet"))
                    .append(", \"rows\": ")
                    .append(e.getValue())
                    .append(", \"millis\": ")
                    .append(result.viewMillis().get(e.getKey()))
                    .append('}');
            sep = ",\n";
        }
        json.append("\n  },\n  \"skipped\": {");
        sep = "\n";
        for (Map.Entry<String, String> e : result.skipped().entrySet()) {
            json.append(sep)
                    .append("    ")
                    .append(quote(e.getKey()))
                    .append(": ")
                    .append(quote(e.getValue()));
            sep = ",\n";
        }
        json.append("\n  }\n}\n");
        try (FSDataOutputStream outStream = fs.create(file, true)) {
            outStream.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    static void print(Result result, String out, PrintStream to) {
        to.printf(
                "spark-kpis: %d KPI views written to %s in %.1f s%n",
                result.rows().size(), out, result.millis() / 1000.0);
        result.rows()
                .forEach((view, rows) -> to.printf(
                        "  %-28s %,10d rows %7.1f s%n",
                        view, rows, result.viewMillis().getOrDefault(view, 0L) / 1000.0));
        if (!result.skipped().isEmpty()) {
            to.printf("skipped (%d):%n", result.skipped().size());
            result.skipped().forEach((view, why) -> to.printf("  %-28s %s%n", view, why));
        }
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
