package io.salesbi.connectors.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The raw table a mapping's fields describe: the lineage columns every raw table starts with, then each field the
 * mapping loads (inputs left out), in the mapping's order, with the column type of its {@link FieldType}. A bundled
 * mapping whose target no Flyway migration creates owns its table: the warehouse creates it from this description
 * when it is opened (see {@code io.salesbi.pipeline.warehouse.MappedRawTables} and the migration policy in
 * {@code docs/architecture.md}).
 *
 * @param table   the qualified table name, e.g. {@code raw.channel_price}
 * @param mapping the mapping's name
 * @param columns the columns in table order, lineage first
 */
public record MappedRawTable(String table, String mapping, List<Column> columns) {

    /** The lineage columns, as every raw table of the baseline has them (load, file, hash, sheet, row). */
    public static final List<Column> LINEAGE = List.of(
            new Column("_load_id", "BIGINT", false),
            new Column("_source_file", "VARCHAR", false),
            new Column("_file_hash", "VARCHAR", false),
            new Column("_sheet", "VARCHAR", true),
            new Column("_row_number", "BIGINT", false));

    public MappedRawTable {
        columns = List.copyOf(columns);
    }

    /**
     * The table {@code mapping}'s fields describe (the mapping's parser already refused a field mapped twice or named
     * like a lineage column: field names start with a letter).
     */
    public static MappedRawTable of(SourceMapping mapping) {
        List<Column> columns = new ArrayList<>(LINEAGE);
        for (FieldMapping field : mapping.targetFields()) {
            columns.add(new Column(field.field(), sqlType(field.type()), true));
        }
        return new MappedRawTable(mapping.target(), mapping.name(), columns);
    }

    /**
     * The column type of a field type, as DuckDB names it: the baseline's choices for the common case (amounts and
     * prices to four decimals, fractions to six). A raw table needing another precision is created by a migration.
     */
    public static String sqlType(FieldType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case DECIMAL -> "DECIMAL(18,4)";
            case PERCENT -> "DECIMAL(9,6)";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    /**
     * A SHA-256 over the bundled mapping files (names and bytes) and the rules that make a table of a mapping (the
     * lineage columns, the column type of each field type): equal fingerprints make equal tables. Read without
     * parsing a mapping, so that opening a warehouse whose mappings did not change costs no YAML binding.
     */
    public static String bundledFingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(LINEAGE.toString().getBytes(StandardCharsets.UTF_8));
        for (FieldType type : FieldType.values()) {
            digest.update((type + "=" + sqlType(type) + ";").getBytes(StandardCharsets.UTF_8));
        }
        ClassLoader loader = MappedRawTable.class.getClassLoader();
        for (String file : MappingLoader.bundledFiles(loader)) {
            String resource = MappingLoader.BUNDLED_FOLDER + file;
            digest.update((resource + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Bundled mapping " + resource + " is missing from the classpath");
                }
                digest.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Bundled mapping " + resource + " cannot be read", e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code create table if not exists raw.x (_load_id BIGINT not null, ..., price DECIMAL(18,4))}. */
    public String createSql() {
        return "create table if not exists " + table + " ("
                + columns.stream().map(Column::definition).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * One column: its name, its DuckDB type as {@code information_schema.columns.data_type} spells it, and whether it
     * may be null (the lineage columns but {@code _sheet} may not).
     */
    public record Column(String name, String type, boolean nullable) {

        public String definition() {
            return name + " " + type + (nullable ? "" : " not null");
        }

        @Override
        public String toString() {
            return definition();
        }
    }
}
