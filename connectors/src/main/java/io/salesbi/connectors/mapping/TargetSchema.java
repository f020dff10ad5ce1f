package io.salesbi.connectors.mapping;

import java.util.List;
import java.util.Map;

/**
 * The raw tables a mapping may target and their columns (lineage columns left out), as the warehouse has them, so
 * that a misspelled target or canonical field is reported with the mapping file's line and a suggestion before a
 * single file is read, not as a failed load in the night.
 *
 * @param columnsByTable {@code raw.erp_order_line} to its canonical fields, in table order
 */
public record TargetSchema(Map<String, List<String>> columnsByTable) {

    public TargetSchema {
        columnsByTable = Map.copyOf(columnsByTable);
    }
}
