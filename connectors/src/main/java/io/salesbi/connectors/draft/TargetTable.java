package io.salesbi.connectors.draft;

import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.FieldType;
import io.salesbi.connectors.mapping.SourceMapping;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The raw table a drafted mapping loads into, as the warehouse describes it: its canonical fields (the columns
 * without the lineage columns starting with {@code _}), which of them a row needs, and the inbox its files usually
 * arrive in.
 *
 * @param name     qualified table name, e.g. {@code raw.erp_order_line}
 * @param columns  the canonical fields in table order
 * @param required the fields a row cannot do without (taken from the bundled mapping for the same table)
 * @param inbox    the inbox sub-folder of the bundled mapping for the same table, null when there is none
 */
public record TargetTable(String name, List<Column> columns, Set<String> required, String inbox) {

    public TargetTable {
        columns = List.copyOf(columns);
        required = Set.copyOf(required);
    }

    /**
     * The target with its required fields and inbox taken from the first of {@code mappings} that loads into the same
     * table (the bundled ones know which fields a row of each raw table needs); none required when no mapping does.
     */
    public static TargetTable of(String name, List<Column> columns, List<SourceMapping> mappings) {
        for (SourceMapping mapping : mappings) {
            if (mapping.target().equals(name)) {
                Set<String> required = new LinkedHashSet<>();
                mapping.fields().stream().filter(FieldMapping::required).forEach(f -> required.add(f.field()));
                return new TargetTable(name, columns, required, mapping.inbox());
            }
        }
        return new TargetTable(name, columns, Set.of(), null);
    }

    /**
     * One canonical field.
     *
     * @param name    the column name, e.g. {@code net_price}
     * @param sqlType the warehouse's data type, e.g. {@code DECIMAL(18,4)}, {@code VARCHAR}, {@code DATE}
     */
    public record Column(String name, String sqlType) {

        /** The mapping type a value for this column is read as. */
        public FieldType type() {
            String type = sqlType.toUpperCase(Locale.ROOT);
            if (type.startsWith("DECIMAL")
                    || type.startsWith("NUMERIC")
                    || type.equals("DOUBLE")
                    || type.equals("FLOAT")
                    || type.equals("REAL")) {
                return FieldType.DECIMAL;
            }
            if (type.endsWith("INT")
                    || type.startsWith("INT")
                    || type.equals("BIGINT")
                    || type.equals("HUGEINT")
                    || type.equals("SMALLINT")
                    || type.equals("TINYINT")) {
                return FieldType.INTEGER;
            }
            if (type.equals("DATE")) {
                return FieldType.DATE;
            }
            if (type.startsWith("TIMESTAMP")) {
                return FieldType.TIMESTAMP;
            }
            if (type.equals("BOOLEAN")) {
                return FieldType.BOOLEAN;
            }
            return FieldType.STRING;
        }
    }
}
