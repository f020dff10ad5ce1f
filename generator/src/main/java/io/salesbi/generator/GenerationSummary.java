package io.salesbi.generator;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one generator run wrote.
 *
 * @param rowsPerFile           data rows (without title and header rows) per written file, in writing order
 * @param customerEntities      true companies behind the customer records
 * @param sourceCustomerRecords CRM accounts + ERP debtors + rep list rows
 * @param orderLines            ERP order lines
 */
public record GenerationSummary(
        Map<Path, Long> rowsPerFile, long customerEntities, long sourceCustomerRecords, long orderLines) {

    public GenerationSummary {
        rowsPerFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerFile));
    }
}
