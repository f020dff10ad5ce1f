package io.salesbi.match.quality;

import io.salesbi.match.adhoc.InputTable;
import io.salesbi.match.adhoc.InputTableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

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

    /**
     * A fixed-seed share of the truth's entities with more than one record, as training labels: record id → entity
     * id for every record of the drawn entities. Entities are drawn in sorted order, so the same truth and share give
     * the same labels.
     */
    public static Map<String, String> trainingShare(Map<String, String> truth, double share) {
        Map<String, List<String>> members = new TreeMap<>();
        truth.forEach((id, entity) ->
                members.computeIfAbsent(entity, e -> new ArrayList<>()).add(id));
        SplittableRandom random = new SplittableRandom(TRAINING_SEED);
        Map<String, String> training = new HashMap<>();
        members.forEach((entity, ids) -> {
            if (ids.size() > 1 && random.nextDouble() < share) {
                ids.forEach(id -> training.put(id, entity));
            }
        });
        return training;
    }

    private static final long TRAINING_SEED = 7L;

    private static String cell(String[] row, int column) {
        return column < row.length ? row[column].strip() : "";
    }
}
