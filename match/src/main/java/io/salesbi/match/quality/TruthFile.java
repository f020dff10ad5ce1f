package io.salesbi.match.quality;

import io.salesbi.match.adhoc.InputTable;
import io.salesbi.match.adhoc.InputTableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a ground truth: record id → entity id. The id is taken from the column named like the input's id
 * column; a truth file without it but with {@code source_system} and {@code source_key} (the demo's
 * customer_truth.csv) gives ids of the form {@code source_system:source_key}.
 */
public final class TruthFile {

    private TruthFile() {}

    public static Map<String, String> read(Path file, String idColumn, String entityColumn) throws IOException {
        InputTable table = InputTableReader.read(file);
        int entity = table.column(entityColumn);
        if (entity < 0) {
            throw new IOException(file + ": no column '" + entityColumn + "' in header " + table.header());
        }
        int id = table.column(idColumn);
        int system = table.column("source_system");
        int key = table.column("source_key");
        if (id < 0 && (system < 0 || key < 0)) {
            throw new IOException(file + ": no column '" + idColumn + "' (nor source_system and source_key) in header "
                    + table.header());
        }
        Map<String, String> truth = new HashMap<>();
        for (String[] row : table.rows()) {
            String recordId = id >= 0 ? cell(row, id) : cell(row, system) + ":" + cell(row, key);
            String entityId = cell(row, entity);
            if (!recordId.isEmpty() && !entityId.isEmpty()) {
                truth.put(recordId, entityId);
            }
        }
        return truth;
    }

    private static String cell(String[] row, int column) {
        return column < row.length ? row[column].strip() : "";
    }
}
