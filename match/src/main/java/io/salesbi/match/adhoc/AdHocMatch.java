package io.salesbi.match.adhoc;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.Linkage;
import io.salesbi.match.engine.MatchEngine;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.TrainingLabels;
import io.salesbi.match.steward.AppliedOverrides;
import io.salesbi.match.steward.OverridesReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Matches any list: reads the file, takes the id and typed field columns, runs the engine. */
public final class AdHocMatch {

    private static final Logger LOG = LoggerFactory.getLogger(AdHocMatch.class);

    /** A column named on the command line that the file does not have. */
    public static final class UnknownColumnException extends IllegalArgumentException {
        UnknownColumnException(String message) {
            super(message);
        }
    }

    private final EngineSettings settings;
    private final Map<String, String> trainingEntities;
    private final List<List<String>> trainingPairs;

    public AdHocMatch(EngineSettings settings) {
        this(settings, Map.of(), List.of());
    }

    private AdHocMatch(
            EngineSettings settings, Map<String, String> trainingEntities, List<List<String>> trainingPairs) {
        this.settings = settings;
        this.trainingEntities = trainingEntities;
        this.trainingPairs = trainingPairs;
    }

    /** The same match trained on these pairs of record ids as labelled matches (e.g. a steward's "yes" labels). */
    public AdHocMatch withTrainingPairs(List<List<String>> matchingIdPairs) {
        return new AdHocMatch(settings, trainingEntities, List.copyOf(matchingIdPairs));
    }

    /**
     * The same match trained on labelled records (record id → entity id, e.g. a share of a truth file): every pair
     * of listed records of one entity is a labelled match, added to the steward's overrides as training labels. They
     * train the model; unlike overrides they do not force the clustering.
     */
    public AdHocMatch withTrainingEntities(Map<String, String> entityById) {
        return new AdHocMatch(settings, Map.copyOf(entityById), trainingPairs);
    }

    public AdHocMatchResult run(Path input, String idColumn, List<MatchField> fields, Path overridesFile)
            throws IOException {
        Records records = records(input, idColumn, fields);
        return match(records.ids(), fields, records.columns(), overridesFile, null, List.of(input));
    }

    /** The ids and the fields' columns of a file; the table read, with its other columns, is garbage after. */
    private static Records records(Path input, String idColumn, List<MatchField> fields) throws IOException {
        InputTable table = InputTableReader.read(input);
        return new Records(List.of(table.values(requireColumn(table, idColumn))), columns(table, fields));
    }

    private record Records(List<String> ids, String[][] columns) {}

    /**
     * Links the records of two lists (the same id and field columns in both): only pairs across the lists are
     * compared and linked, one-to-one or one-to-many (a record of the first list may take several of the second).
     * Ids that occur in both lists are made distinct by the file name: "fodors.csv:12".
     */
    public AdHocMatchResult link(
            Path first, Path second, String idColumn, List<MatchField> fields, Path overridesFile, boolean oneToOne)
            throws IOException {
        InputTable a = InputTableReader.read(first);
        InputTable b = InputTableReader.read(second);
        String[][] columnsA = columns(a, fields);
        String[][] columnsB = columns(b, fields);
        String[] idsA = a.values(requireColumn(a, idColumn));
        String[] idsB = b.values(requireColumn(b, idColumn));
        String[][] columns = new String[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            columns[f] = new String[idsA.length + idsB.length];
            System.arraycopy(columnsA[f], 0, columns[f], 0, idsA.length);
            System.arraycopy(columnsB[f], 0, columns[f], idsA.length, idsB.length);
        }
        Set<String> inFirst = new HashSet<>(Arrays.asList(idsA));
        boolean clash = Arrays.stream(idsB).anyMatch(inFirst::contains);
        if (clash) {
            LOG.warn("{} and {} share record ids; ids are written as file:id", first, second);
        }
        List<String> ids = new ArrayList<>(idsA.length + idsB.length);
        for (String id : idsA) {
            ids.add(clash ? first.getFileName() + ":" + id : id);
        }
        for (String id : idsB) {
            ids.add(clash ? second.getFileName() + ":" + id : id);
        }
        Linkage linkage = Linkage.of(idsA.length, idsB.length, oneToOne);
        return match(List.copyOf(ids), fields, columns, overridesFile, linkage, List.of(first, second));
    }

    private AdHocMatchResult match(
            List<String> ids,
            List<MatchField> fields,
            String[][] columns,
            Path overridesFile,
            Linkage linkage,
            List<Path> inputs)
            throws IOException {
        Map<String, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (indexOfId.putIfAbsent(ids.get(i), i) != null) {
                // rows counted with the header in one file; across two lists, records counted over both
                int shift = inputs.size() == 1 ? 2 : 1;
                LOG.warn(
                        "{}: id '{}' occurs more than once ({} {} and {}); overrides use the first",
                        inputs.size() == 1 ? inputs.get(0) : inputs,
                        ids.get(i),
                        inputs.size() == 1 ? "rows" : "records",
                        indexOfId.get(ids.get(i)) + shift,
                        i + shift);
            }
        }
        AppliedOverrides overrides = AppliedOverrides.resolve(OverridesReader.read(overridesFile), indexOfId);
        ClusterConstraints constraints = overrides.constraints(null);
        TrainingLabels training = trainingLabels(TrainingLabels.of(constraints), indexOfId);
        MatchResult result = new MatchEngine(settings).run(fields, columns, constraints, training, linkage);
        return new AdHocMatchResult(ids, fields, columns, result, settings, constraints);
    }

    /** The overrides' labels plus every pair of records of one training entity. */
    private TrainingLabels trainingLabels(TrainingLabels overrides, Map<String, Integer> indexOfId) {
        if (trainingEntities.isEmpty() && trainingPairs.isEmpty()) {
            return overrides;
        }
        Map<String, List<Integer>> members = new TreeMap<>();
        trainingEntities.forEach((id, entity) -> {
            Integer index = indexOfId.get(id);
            if (index != null) {
                members.computeIfAbsent(entity, e -> new ArrayList<>()).add(index);
            }
        });
        List<int[]> matches = new ArrayList<>(overrides.matches());
        for (List<Integer> entity : members.values()) {
            entity.sort(null);
            for (int x = 0; x < entity.size(); x++) {
                for (int y = x + 1; y < entity.size(); y++) {
                    matches.add(new int[] {entity.get(x), entity.get(y)});
                }
            }
        }
        for (List<String> pair : trainingPairs) {
            Integer a = indexOfId.get(pair.get(0));
            Integer b = indexOfId.get(pair.get(1));
            if (a != null && b != null && !a.equals(b)) {
                matches.add(new int[] {Math.min(a, b), Math.max(a, b)});
            }
        }
        LOG.info(
                "Training labels: {} labelled matches ({} from overrides)",
                matches.size(),
                overrides.matches().size());
        return new TrainingLabels(matches, overrides.nonMatches());
    }

    private static String[][] columns(InputTable table, List<MatchField> fields) {
        String[][] columns = new String[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            columns[f] = table.values(requireColumn(table, fields.get(f).name()));
        }
        return columns;
    }

    private static int requireColumn(InputTable table, String name) {
        int column = table.column(name);
        if (column < 0) {
            throw new UnknownColumnException(table.source() + ": no column '" + name + "' in header " + table.header());
        }
        return column;
    }
}
