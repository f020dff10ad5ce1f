package io.salesbi.connectors.draft;

import io.salesbi.connectors.mapping.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Places a file's columns on the target's canonical fields by header name, one column per field: every pair is
 * scored, then the best pairs are taken first. A name scores 1 when its comparable form equals one of the field's
 * names, less when it contains a name of two or more words among extra words ("Unit Price EUR") or is a near
 * spelling of one ("Kundenummer"); a column whose values cannot be the field's type (text for a date) scores lower still.
 */
final class FieldMatcher {

    /** Pairs below this score are not proposed. */
    static final double ACCEPT = 0.8;

    private static final double CONTAINED = 0.9;
    private static final double PER_EXTRA_WORD = 0.1;
    private static final double NEAR_SPELLING = 0.93;
    private static final double WRONG_VALUES = 0.6;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    /** A column placed on a field, with the score that placed it. */
    record Placement(ColumnProfile column, TargetTable.Column field, double score) {}

    private FieldMatcher() {}

    /**
     * The placements, in column order.
     *
     * @param extraNames per field, header texts known from a bundled mapping for the same target
     */
    static List<Placement> place(
            List<ColumnProfile> columns, TargetTable target, Map<String, List<String>> extraNames) {
        List<Placement> candidates = new ArrayList<>();
        for (ColumnProfile column : columns) {
            for (TargetTable.Column field : target.columns()) {
                List<String> names = new ArrayList<>(FieldVocabulary.namesOf(field.name()));
                names.addAll(extraNames.getOrDefault(field.name(), List.of()));
                double score = nameScore(column.header(), names) * valueFit(column, field.type());
                if (score >= ACCEPT) {
                    candidates.add(new Placement(column, field, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Placement::score)
                .reversed()
                .thenComparingInt(p -> p.column().index()));
        Set<Integer> usedColumns = new HashSet<>();
        Set<String> usedFields = new HashSet<>();
        List<Placement> placements = new ArrayList<>();
        for (Placement candidate : candidates) {
            if (!usedColumns.contains(candidate.column().index())
                    && !usedFields.contains(candidate.field().name())) {
                usedColumns.add(candidate.column().index());
                usedFields.add(candidate.field().name());
                placements.add(candidate);
            }
        }
        placements.sort(Comparator.comparingInt(p -> p.column().index()));
        return placements;
    }

    static double nameScore(String header, List<String> names) {
        String key = FieldVocabulary.key(header);
        if (key.isEmpty()) {
            return 0;
        }
        List<String> headerWords = Arrays.asList(key.split(" "));
        String compact = key.replace(" ", "");
        double best = 0;
        for (String name : names) {
            String nameKey = FieldVocabulary.key(name);
            if (nameKey.isEmpty()) {
                continue;
            }
            String nameCompact = nameKey.replace(" ", "");
            if (nameKey.equals(key) || nameCompact.equals(compact)) {
                return 1;
            }
            List<String> nameWords = Arrays.asList(nameKey.split(" "));
            // a header naming the field among other words ("Unit Price EUR"); one word alone is too weak ("Forecast
            // Category" is no product category), so a single-word name contained in a longer header stays below ACCEPT
            if (nameWords.size() >= 2 && headerWords.containsAll(nameWords)) {
                best = Math.max(best, CONTAINED - PER_EXTRA_WORD * (headerWords.size() - nameWords.size()));
            }
            // a near spelling: similar overall (Jaro-Winkler) and only a typo or two apart (Levenshtein), because
            // Jaro-Winkler alone rates a shared prefix too high ("Discount Code" is no "Discount Pct")
            double similarity = JARO_WINKLER.apply(compact, nameCompact);
            int maxEdits = Math.max(1, Math.min(compact.length(), nameCompact.length()) / 6);
            if (similarity >= NEAR_SPELLING
                    && Math.min(compact.length(), nameCompact.length()) >= 5
                    && LEVENSHTEIN.apply(compact, nameCompact) <= maxEdits) {
                best = Math.max(best, Math.min(similarity, CONTAINED) - 0.05);
            }
        }
        return best;
    }

    /** 1 when the values can be the field's type (or the column is empty), lower when they cannot. */
    private static double valueFit(ColumnProfile column, FieldType type) {
        if (column.isEmpty()) {
            return 1;
        }
        return switch (type) {
            case DATE, TIMESTAMP -> column.fitsDate() ? 1 : WRONG_VALUES;
            case INTEGER, DECIMAL, PERCENT ->
                column.fitsNumber() || column.valueType() == FieldType.PERCENT ? 1 : WRONG_VALUES;
            default -> 1;
        };
    }
}
