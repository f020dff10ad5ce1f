package io.salesbi.connectors.mapping;

import java.util.List;

/**
 * How one column of a delivered file becomes one canonical field.
 *
 * @param column   the header text in the file (matched case- and whitespace-insensitively)
 * @param aliases  other header texts that mean the same column
 * @param field    the canonical field name, a column of the raw table
 * @param type     the canonical type
 * @param format   a date pattern such as {@code dd.MM.yyyy}; null for the type's default
 * @param required a row without a value here is quarantined
 */
public record FieldMapping(String column, List<String> aliases, String field, FieldType type, String format,
                           boolean required) {
}
