package io.salesbi.connectors.mapping;

import java.util.List;
import java.util.Map;

/**
 * How one canonical field gets its value: from a column of the delivered file (optionally translated through a
 * value map, with a default for empty cells), as a constant, or computed by DuckDB from the row's other fields.
 *
 * @param column       the header text in the file (matched case- and whitespace-insensitively); null for a constant
 *                     or a computed field
 * @param aliases      other header texts that mean the same column
 * @param field        the canonical field name, a column of the raw table (or, for an input, the name expressions use)
 * @param type         the canonical type
 * @param format       a date pattern such as {@code dd.MM.yyyy}; null for the type's default
 * @param required     a row without a value here is quarantined
 * @param value        a constant for a field the file lacks, e.g. {@code EUR}; null when read from a column
 * @param defaultValue the text used when the cell is empty; null for none
 * @param valueMap     value translation: normalized source text ({@link HeaderNames#normalize}, lower case) to the
 *                     canonical text; empty for none
 * @param otherwise    what happens to a value the map does not list
 * @param expression   a DuckDB SQL expression over the row's other fields and inputs; null when not computed
 * @param input        read from the file only for expressions and row filters, not loaded into the target
 */
public record FieldMapping(
        String column,
        List<String> aliases,
        String field,
        FieldType type,
        String format,
        boolean required,
        String value,
        String defaultValue,
        Map<String, String> valueMap,
        Otherwise otherwise,
        String expression,
        boolean input) {

    /** A plain column-to-field mapping, as most fields are. */
    public FieldMapping(
            String column, List<String> aliases, String field, FieldType type, String format, boolean required) {
        this(
                column,
                aliases,
                field,
                type,
                format,
                required,
                null,
                null,
                Map.of(),
                Otherwise.QUARANTINE_RULE,
                null,
                false);
    }

    /** Whether the value comes from a column of the file (not a constant, not an expression). */
    public boolean readsColumn() {
        return column != null;
    }

    /** Whether DuckDB computes the value after the row is read. */
    public boolean computed() {
        return expression != null;
    }

    /**
     * What a value map does with a value it does not list: quarantine the row (rule {@code map.unmapped}, with the
     * listed values in the reason), keep the value as delivered, or use a fixed value.
     *
     * @param action      the choice
     * @param fixedValue  the value for {@link Action#FIXED}; null otherwise
     */
    public record Otherwise(Action action, String fixedValue) {

        public static final Otherwise QUARANTINE_RULE = new Otherwise(Action.QUARANTINE, null);

        public enum Action {
            QUARANTINE,
            KEEP,
            FIXED
        }
    }
}
