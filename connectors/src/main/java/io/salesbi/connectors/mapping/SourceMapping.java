package io.salesbi.connectors.mapping;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/**
 * How the files of one source are read: where they arrive, what they look like, and which canonical
 * fields they carry. Loaded from a YAML mapping file by {@link MappingLoader}.
 *
 * @param name            unique name of the source, e.g. {@code erp_order_lines}
 * @param inbox           the inbox sub-folder the files arrive in, e.g. {@code erp}
 * @param filePattern     glob for the file names this mapping takes, e.g. {@code erp_order_lines*.csv}
 * @param format          file format; null to take it from the file extension
 * @param target          the raw table the rows are loaded into, e.g. {@code raw.erp_order_line}
 * @param sheetName       Excel: the sheet by name (null: use sheetIndex)
 * @param sheetIndex      Excel: the sheet by 0-based index when no name is given
 * @param headerRow       1-based row of the header; null to detect it (first row containing the required columns)
 * @param encoding        CSV: the charset; null to detect (BOM, UTF-8 validity, else Windows-1252)
 * @param delimiter       CSV: the delimiter; null to detect from the header line
 * @param locale          number and date locale, e.g. {@code de-DE}
 * @param fields          the mapped columns
 * @param unknownColumns  what to do with columns the mapping does not name
 * @param maxRejectRatio  above this share of rejected rows the whole file is rejected (0.2 = 20 %)
 * @param includeHiddenRows Excel: whether hidden rows are read
 * @param dropRowsWhere   a DuckDB SQL condition over the row's fields and inputs; rows where it holds (totals,
 *                        subtotals) are dropped and counted as filtered; null for none
 */
public record SourceMapping(
        String name,
        String inbox,
        String filePattern,
        FileFormat format,
        String target,
        String sheetName,
        Integer sheetIndex,
        Integer headerRow,
        Charset encoding,
        Character delimiter,
        Locale locale,
        List<FieldMapping> fields,
        UnknownColumns unknownColumns,
        double maxRejectRatio,
        boolean includeHiddenRows,
        String dropRowsWhere) {

    /** A mapping without a row filter. */
    public SourceMapping(
            String name,
            String inbox,
            String filePattern,
            FileFormat format,
            String target,
            String sheetName,
            Integer sheetIndex,
            Integer headerRow,
            Charset encoding,
            Character delimiter,
            Locale locale,
            List<FieldMapping> fields,
            UnknownColumns unknownColumns,
            double maxRejectRatio,
            boolean includeHiddenRows) {
        this(
                name,
                inbox,
                filePattern,
                format,
                target,
                sheetName,
                sheetIndex,
                headerRow,
                encoding,
                delimiter,
                locale,
                fields,
                unknownColumns,
                maxRejectRatio,
                includeHiddenRows,
                null);
    }

    /** The canonical field names in the order readers emit values (inputs included). */
    public List<String> fieldNames() {
        return fields.stream().map(FieldMapping::field).toList();
    }

    /** The fields loaded into the target table: every field but the inputs. */
    public List<FieldMapping> targetFields() {
        return fields.stream().filter(f -> !f.input()).toList();
    }

    /**
     * Whether the rows pass through DuckDB before the target: a computed field, an input or a row filter. Other
     * mappings append straight into the target table.
     */
    public boolean computedInSql() {
        return dropRowsWhere != null || fields.stream().anyMatch(f -> f.computed() || f.input());
    }

    public enum FileFormat {
        CSV,
        XLSX,
        XLS
    }

    public enum UnknownColumns {
        IGNORE,
        WARN,
        REJECT
    }
}
