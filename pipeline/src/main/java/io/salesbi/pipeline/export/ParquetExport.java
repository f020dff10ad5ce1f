package io.salesbi.pipeline.export;

import io.salesbi.pipeline.export.ExportManifest.Part;
import io.salesbi.pipeline.export.WarehouseRelations.Relation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@code core} and {@code kpi} layers and the {@code ref} vocabularies of the warehouse as Parquet with DuckDB's {@code COPY}: the order
 * facts partitioned by year and month ({@code core/fact_order_line/year=2025/month=3/data_0.parquet}), every other
 * table and view as one file ({@code kpi/market_share.parquet}), the job parameters ({@code ops/parameter.parquet}),
 * and {@code _manifest.json}.
 *
 * <p>Incremental: a part (a partition, or a whole unpartitioned relation) is written only when its row count or
 * content checksum differs from the manifest of the previous export into the same folder, or its columns changed. A
 * night with new order lines so rewrites the months they fall in and the KPI files, and leaves older months alone.
 * Parts the warehouse no longer has are deleted. Before a part is touched it is dropped from the manifest, so an
 * export that dies half-way leaves it to be rewritten by the next one.
 */
public final class ParquetExport {

    private static final Logger log = LoggerFactory.getLogger(ParquetExport.class);
    static final List<String> SCHEMAS = List.of("core", "kpi", "ref");
    /**
     * Single relations of other schemas: the job parameters the KPI views were computed with (as-of date, cut-offs,
     * allocation key), so that an engine recomputing the views over the export (salesbi spark-kpis) uses the same.
     */
    static final List<String> ALSO = List.of("ops.parameter");

    static final Map<String, List<String>> PARTITIONING = Map.of("core.fact_order_line", List.of("year", "month"));
    private static final String STAGING = ".staging";

    /** What an export did; part names are {@code schema.name} or {@code schema.name/year=Y/month=M}. */
    public record Result(
            int relations,
            List<String> partsWritten,
            int partsUnchanged,
            List<String> partsRemoved,
            long rowsWritten,
            long millis) {}

    private final Connection conn;
    private final Path out;
    private final WarehouseRelations warehouse;

    public ParquetExport(Connection conn, Path out) {
        this.conn = conn;
        this.out = out.toAbsolutePath();
        this.warehouse = new WarehouseRelations(conn);
    }

    public Result export() throws SQLException, IOException {
        long started = System.nanoTime();
        Files.createDirectories(out);
        ExportManifest manifest = ExportManifest.read(out);
        Map<String, ExportManifest.Relation> exported = new TreeMap<>();
        List<String> written = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0;
        long rows = 0;
        List<Relation> relations = warehouse.list(SCHEMAS, ALSO);
        for (Relation relation : relations) {
            List<String> partitionBy = PARTITIONING.getOrDefault(relation.qualified(), List.of());
            Map<String, Part> now = warehouse.parts(relation, partitionBy);
            ExportManifest.Relation before = manifest.relations().get(relation.qualified());
            boolean sameShape = before != null
                    && before.columns().equals(relation.columns())
                    && before.partitionBy().equals(partitionBy);
            Set<String> changed = new TreeSet<>();
            now.forEach((part, content) -> {
                if (!sameShape || !content.equals(before.parts().get(part))) {
                    changed.add(part);
                }
            });
            Set<String> gone =
                    new TreeSet<>(before == null ? Set.of() : before.parts().keySet());
            gone.removeAll(now.keySet());
            if (!changed.isEmpty() || !gone.isEmpty()) {
                forget(manifest, relation.qualified(), before, changed, gone);
                if (partitionBy.isEmpty()) {
                    writeFile(relation);
                } else {
                    writePartitions(relation, partitionBy, changed, now.size());
                    for (String part : gone) {
                        PathUtils.deleteDirectory(relationPath(relation).resolve(part));
                    }
                }
            }
            for (String part : changed) {
                written.add(partName(relation, part));
                rows += now.get(part).rows();
            }
            gone.forEach(part -> removed.add(partName(relation, part)));
            unchanged += now.size() - changed.size();
            exported.put(
                    relation.qualified(),
                    new ExportManifest.Relation(relation.type(), partitionBy, relation.columns(), now));
        }
        for (String vanished : manifest.relations().keySet()) {
            if (!exported.containsKey(vanished)) {
                deleteRelation(vanished, manifest.relations().get(vanished));
                removed.add(vanished);
            }
        }
        new ExportManifest(ExportManifest.FORMAT_VERSION, exported).write(out);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info(
                "Exported {} relations to {}: {} parts written ({} rows), {} unchanged, {} removed in {} ms",
                relations.size(),
                out,
                written.size(),
                rows,
                unchanged,
                removed.size(),
                millis);
        return new Result(relations.size(), written, unchanged, removed, rows, millis);
    }

    /** Drops the parts about to be rewritten or removed from the manifest on disk before touching their files. */
    private void forget(
            ExportManifest manifest,
            String relation,
            ExportManifest.Relation before,
            Set<String> changed,
            Set<String> gone)
            throws IOException {
        if (before == null) {
            return;
        }
        Map<String, Part> kept = new TreeMap<>(before.parts());
        kept.keySet().removeAll(changed);
        kept.keySet().removeAll(gone);
        manifest.relations()
                .put(
                        relation,
                        new ExportManifest.Relation(before.type(), before.partitionBy(), before.columns(), kept));
        manifest.write(out);
    }

    private void writeFile(Relation relation) throws SQLException, IOException {
        Path target = out.resolve(relation.schema()).resolve(relation.name() + ".parquet");
        Path tmp = target.resolveSibling(relation.name() + ".parquet.tmp");
        Files.createDirectories(target.getParent());
        copy("select * from " + relation.qualified(), tmp, "");
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the changed partitions into a staging folder with one COPY, then swaps each in for the old one. */
    private void writePartitions(Relation relation, List<String> partitionBy, Set<String> changed, int partCount)
            throws SQLException, IOException {
        if (changed.isEmpty()) {
            return;
        }
        Path staging = out.resolve(STAGING).resolve(relation.schema()).resolve(relation.name());
        if (Files.exists(staging)) {
            PathUtils.deleteDirectory(staging);
        }
        Files.createDirectories(staging.getParent());
        String where = "";
        if (changed.size() < partCount) {
            String key = String.join(
                    " || '/' || ",
                    partitionBy.stream()
                            .map(c -> "'" + c + "=' || " + WarehouseRelations.quoted(c))
                            .toList());
            where = " where " + key + " in ('" + String.join("', '", changed) + "')";
        }
        copy(
                "select * from " + relation.qualified() + where,
                staging,
                ", partition_by (" + String.join(", ", partitionBy) + ")");
        Path target = relationPath(relation);
        for (String part : changed) {
            Path fresh = staging.resolve(part);
            if (!Files.isDirectory(fresh)) {
                throw new IOException(
                        "DuckDB wrote no partition " + part + " of " + relation.qualified() + " into " + staging);
            }
            Path old = target.resolve(part);
            if (Files.exists(old)) {
                PathUtils.deleteDirectory(old);
            }
            Files.createDirectories(old.getParent());
            Files.move(fresh, old, StandardCopyOption.ATOMIC_MOVE);
        }
        PathUtils.deleteDirectory(out.resolve(STAGING));
    }

    private void copy(String select, Path target, String options) throws SQLException {
        String sql = "copy (" + select + ") to '" + target.toString().replace("'", "''") + "' (format parquet" + options
                + ")";
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private void deleteRelation(String qualified, ExportManifest.Relation relation) throws IOException {
        String[] parts = qualified.split("\\.", 2);
        Path dir = out.resolve(parts[0]);
        if (relation.partitionBy().isEmpty()) {
            Files.deleteIfExists(dir.resolve(parts[1] + ".parquet"));
        } else if (Files.exists(dir.resolve(parts[1]))) {
            PathUtils.deleteDirectory(dir.resolve(parts[1]));
        }
    }

    private Path relationPath(Relation relation) {
        return out.resolve(relation.schema()).resolve(relation.name());
    }

    private static String partName(Relation relation, String part) {
        return part.isEmpty() ? relation.qualified() : relation.qualified() + "/" + part;
    }
}
