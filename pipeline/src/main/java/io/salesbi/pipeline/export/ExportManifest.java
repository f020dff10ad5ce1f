package io.salesbi.pipeline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code _manifest.json} at the root of an export: per relation its columns, its partition columns and, per written
 * part (a partition of a partitioned table, else the whole relation), the row count and content checksum it was
 * written with. The next export compares these with the warehouse and rewrites only the parts that differ.
 *
 * @param formatVersion 1
 * @param relations     "schema.name" to what was exported of it
 */
record ExportManifest(int formatVersion, Map<String, Relation> relations) {

    static final String FILE_NAME = "_manifest.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * @param type        BASE TABLE or VIEW, as in the warehouse
     * @param partitionBy partition columns (hive-style folders {@code col=value}), empty for a single file
     * @param columns     the relation's columns in order with their DuckDB types; partition columns are in the
     *                    folder names, not in the files (read them with {@code hive_partitioning})
     * @param parts       part key ({@code year=2025/month=3}, or "" for a single file) to what was written
     */
    record Relation(String type, List<String> partitionBy, List<Column> columns, Map<String, Part> parts) {}

    record Column(String name, String type) {}

    /** What one part was written with; equal rows and checksum mean equal content. */
    record Part(long rows, String checksum) {}

    static ExportManifest empty() {
        return new ExportManifest(FORMAT_VERSION, new TreeMap<>());
    }

    /** The manifest of an earlier export into {@code dir}, or an empty one (everything will be written). */
    static ExportManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        ExportManifest m = JSON.readValue(file.toFile(), ExportManifest.class);
        if (m.formatVersion() != FORMAT_VERSION) {
            throw new IOException(file + " has format version " + m.formatVersion() + ", expected " + FORMAT_VERSION
                    + "; export into an empty folder");
        }
        return new ExportManifest(m.formatVersion(), new TreeMap<>(m.relations()));
    }

    /** Writes the manifest atomically (a temporary file moved over the old one). */
    void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
