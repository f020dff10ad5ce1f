package io.salesbi.connectors.read;

/**
 * One row that could not be loaded, with everything a data steward needs to find and fix it.
 *
 * @param file      the delivered file name
 * @param sheet     the sheet name for Excel files, null for CSV
 * @param row       1-based row (Excel) or line number (CSV) in the file
 * @param column    the header of the offending column, null when the whole row is wrong
 * @param rawValue  the value as delivered
 * @param rule      a stable rule code, e.g. {@code required}, {@code type.decimal}, {@code field_count}
 * @param message   a sentence saying what was expected
 */
public record RowRejection(
        String file, String sheet, long row, String column, String rawValue, String rule, String message) {}
