package io.salesbi.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Turns a Parquet export of the warehouse ({@code salesbi export --format parquet}, see docs/export.md) into a set
 * of Apache Iceberg tables: one table per exported relation, {@code <schema>.<name>} in a Hadoop catalog whose
 * warehouse is the output folder ({@code OUT/core/fact_order_line/metadata/…}), the order facts partitioned by
 * year and month like the Parquet export.
 *
 * <p>Incremental, driven by the Parquet export's {@code _manifest.json}: each Iceberg table records, as table
 * properties {@code salesbi.part.<part>} = {@code rows:checksum}, the parts of the export it holds. A later run
 * writes only the parts whose rows or checksum differ: the changed and new order-fact partitions are overwritten
 * (Iceberg's dynamic partition overwrite: one new snapshot that replaces exactly those partitions), a month the
 * export no longer has is deleted, and a changed unpartitioned relation is replaced as a whole in a new snapshot.
 * Tables keep their history, so a reader can time-travel to an earlier night.
 */
public final class IcebergExport {

    /** The Spark catalog name the tables are registered under while this runs. */
    static final String CATALOG = "salesbi_iceberg";

    static final String PART_PROPERTY = "salesbi.part.";
    private static final Pattern PARTITION = Pattern.compile("([a-z_][a-z0-9_]*)=([^/]+)");
    private static final Pattern RELATION = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    /** What one run did: per table the parts written and deleted (a part is "" for a whole relation). */
    public record Result(Map<String, List<String>> written, Map<String, List<String>> deleted, long millis) {

        long partsWritten() {
            return written.values().stream().mapToLong(List::size).sum();
        }
    }

    private final SparkSession spark;

    public IcebergExport(SparkSession spark) {
        this.spark = spark;
    }

    /** The Spark settings for the Iceberg catalog over {@code out}: set before the session is created. */
    public static SparkSession.Builder catalog(SparkSession.Builder builder, String out) {
        return builder.config(
                        "spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog." + CATALOG + ".type", "hadoop")
                .config(
                        "spark.sql.catalog." + CATALOG + ".warehouse",
                        Path.of(out).toAbsolutePath().toUri().toString());
    }

    /** {@code --parquet DIR --out DIR [--master URL]}. */
    public static void main(String[] args) {
        String parquet = null;
        String out = null;
        String master = "local[*]";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--parquet" -> parquet = args[i + 1];
                case "--out" -> out = args[i + 1];
                case "--master" -> master = args[i + 1];
                default -> {
                    System.err.println("salesbi export --format iceberg: unknown option " + args[i]
                            + "; expected --parquet DIR --out DIR [--master URL]");
                    System.exit(2);
                }
            }
        }
        if (parquet == null || out == null || args.length % 2 != 0) {
            System.err.println("salesbi export --format iceberg: --parquet DIR and --out DIR are required");
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("salesbi export iceberg");
        builder.master(master);
        if (master.startsWith("local")) {
            SparkKpis.localDefaults(builder, master);
        }
        SparkSession spark = catalog(builder, out).getOrCreate();
        int exit = 0;
        try {
            Result result = new IcebergExport(spark).run(Path.of(parquet));
            print(result, out, System.out);
        } catch (Exception e) {
            System.err.println("salesbi export --format iceberg: " + e.getMessage());
            exit = 1;
        } finally {
            spark.stop();
        }
        System.exit(exit);
    }

    /** Brings the Iceberg tables up to the Parquet export in {@code parquet}. */
    public Result run(Path parquet) throws Exception {
        long started = System.nanoTime();
        Path manifestFile = parquet.resolve("_manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(manifestFile + " not found: expected a Parquet export (salesbi export --format "
                    + "parquet --out " + parquet + ")");
        }
        JsonNode relations = new ObjectMapper().readTree(manifestFile.toFile()).path("relations");
        Map<String, List<String>> written = new TreeMap<>();
        Map<String, List<String>> deleted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = relations.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String relation = e.getKey();
            if (!RELATION.matcher(relation).matches()) {
                throw new IOException(manifestFile + ": unexpected relation name '" + relation + "'");
            }
            List<String> partitionBy = new ArrayList<>();
            e.getValue().path("partitionBy").forEach(p -> partitionBy.add(p.asText()));
            Map<String, String> parts = new TreeMap<>();
            e.getValue()
                    .path("parts")
                    .fields()
                    .forEachRemaining(p -> parts.put(
                            p.getKey(),
                            p.getValue().path("rows").asLong() + ":"
                                    + p.getValue().path("checksum").asText()));
            Sync s = sync(parquet, relation, partitionBy, parts);
            if (!s.written().isEmpty()) {
                written.put(relation, s.written());
            }
            if (!s.deleted().isEmpty()) {
                deleted.put(relation, s.deleted());
            }
        }
        return new Result(written, deleted, (System.nanoTime() - started) / 1_000_000);
    }

    private record Sync(List<String> written, List<String> deleted) {}

    private Sync sync(Path parquet, String relation, List<String> partitionBy, Map<String, String> parts)
            throws Exception { // Spark's writers declare Scala's checked exceptions (table exists / missing)
        String table = CATALOG + "." + relation;
        String schema = relation.substring(0, relation.indexOf('.'));
        String name = relation.substring(relation.indexOf('.') + 1);
        Path location = parquet.resolve(schema).resolve(partitionBy.isEmpty() ? name + ".parquet" : name);
        spark.sql("create namespace if not exists " + CATALOG + "." + schema);
        boolean exists = spark.catalog().tableExists(table);
        Map<String, String> held = exists ? heldParts(table) : Map.of();

        List<String> changed = new ArrayList<>();
        parts.forEach((part, fingerprint) -> {
            if (!fingerprint.equals(held.get(part))) {
                changed.add(part);
            }
        });
        List<String> gone = new ArrayList<>(new TreeSet<>(held.keySet()));
        gone.removeAll(parts.keySet());
        if (exists && changed.isEmpty() && gone.isEmpty()) {
            return new Sync(List.of(), List.of());
        }

        if (partitionBy.isEmpty()) {
            Dataset<Row> data = spark.read().parquet(location.toString());
            if (exists) {
                data.writeTo(table).replace();
            } else {
                data.writeTo(table).create();
            }
        } else if (!exists) {
            Dataset<Row> data = spark.read().parquet(location.toString());
            data.writeTo(table)
                    .partitionedBy(
                            org.apache.spark.sql.functions.col(partitionBy.get(0)),
                            partitionBy.stream()
                                    .skip(1)
                                    .map(org.apache.spark.sql.functions::col)
                                    .toArray(org.apache.spark.sql.Column[]::new))
                    .create();
        } else {
            if (!changed.isEmpty()) {
                String[] paths = changed.stream()
                        .map(p -> location.resolve(p).toString())
                        .toArray(String[]::new);
                Dataset<Row> data = spark.read()
                        .option("basePath", location.toString())
                        .parquet(paths)
                        .selectExpr(columnsOf(table));
                try {
                    data.writeTo(table).overwritePartitions();
                } catch (Exception e) {
                    throw new IllegalStateException(
                            table + ": the changed partitions " + changed + " could not be written: " + e.getMessage(),
                            e);
                }
            }
            for (String part : gone) {
                spark.sql("delete from " + table + " where " + predicate(part));
            }
        }

        Map<String, String> properties = new LinkedHashMap<>();
        changed.forEach(p -> properties.put(PART_PROPERTY + p, parts.get(p)));
        setProperties(table, properties, exists ? gone : List.of());
        return new Sync(changed, gone);
    }

    /** The parts a table holds, from its {@code salesbi.part.*} properties. */
    private Map<String, String> heldParts(String table) {
        Map<String, String> held = new TreeMap<>();
        for (Row r : spark.sql("show tblproperties " + table).collectAsList()) {
            String key = r.getString(0);
            if (key.startsWith(PART_PROPERTY)) {
                held.put(key.substring(PART_PROPERTY.length()), r.getString(1));
            }
        }
        return held;
    }

    private String[] columnsOf(String table) {
        return java.util.Arrays.stream(spark.table(table).schema().fieldNames())
                .map(c -> "`" + c + "`")
                .toArray(String[]::new);
    }

    private void setProperties(String table, Map<String, String> set, List<String> unset) {
        if (!set.isEmpty()) {
            StringBuilder sql = new StringBuilder("alter table " + table + " set tblproperties (");
            String sep = "";
            for (Map.Entry<String, String> e : set.entrySet()) {
                sql.append(sep).append(literal(e.getKey())).append(" = ").append(literal(e.getValue()));
                sep = ", ";
            }
            spark.sql(sql.append(')').toString());
        }
        if (!unset.isEmpty()) {
            StringBuilder sql = new StringBuilder("alter table " + table + " unset tblproperties if exists (");
            String sep = "";
            for (String part : unset) {
                sql.append(sep).append(literal(PART_PROPERTY + part));
                sep = ", ";
            }
            spark.sql(sql.append(')').toString());
        }
    }

    /** {@code year=2025/month=3} as {@code year = 2025 and month = 3} (the partition values are integers). */
    static String predicate(String part) {
        List<String> terms = new ArrayList<>();
        Matcher m = PARTITION.matcher(part);
        while (m.find()) {
            String value = m.group(2);
            if (!value.matches("-?\\d+")) {
                throw new IllegalArgumentException("partition value is not an integer: " + part);
            }
            terms.add("`" + m.group(1) + "` = " + value);
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("not a partition: '" + part + "'");
        }
        return String.join(" and ", terms);
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static void print(Result r, String out, PrintStream stream) {
        stream.printf(
                Locale.ROOT,
                "Iceberg tables in %s: %d parts written in %d tables, %d partitions deleted, %.1f s%n",
                out,
                r.partsWritten(),
                r.written().size(),
                r.deleted().values().stream().mapToLong(List::size).sum(),
                r.millis() / 1000.0);
        r.written().forEach((t, parts) -> stream.println("  " + t + ": " + describe(parts)));
        r.deleted().forEach((t, parts) -> stream.println("  " + t + ": deleted " + parts));
    }

    private static String describe(List<String> parts) {
        if (parts.size() == 1 && parts.get(0).isEmpty()) {
            return "written";
        }
        return parts.size() + " partition(s) written";
    }
}
