package io.salesbi.match.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names the decision behind each scored pair and renders its evidence per field, for stewards and tables. */
public final class PairDecisions {

    private final MatchResult result;
    private final double matchThreshold;
    private final double reviewThreshold;
    private final Set<Long> forcedMatch = new HashSet<>();
    private final Set<Long> forcedSplit = new HashSet<>();
    private final String[][] evidencePrefix;

    public PairDecisions(
            MatchResult result, double matchThreshold, double reviewThreshold, ClusterConstraints constraints) {
        this.result = result;
        this.matchThreshold = matchThreshold;
        this.reviewThreshold = reviewThreshold;
        for (int[] pair : constraints.forceMatch()) {
            forcedMatch.add(key(pair[0], pair[1]));
        }
        for (int[] pair : constraints.forceSplit()) {
            forcedSplit.add(key(pair[0], pair[1]));
        }
        evidencePrefix = evidencePrefixes();
    }

    /** forced_match, forced_split, id_match, id_conflict, match, review or non_match. */
    public String decision(int pair) {
        ScoredPairs pairs = result.pairs();
        if (!forcedSplit.isEmpty() || !forcedMatch.isEmpty()) {
            long key = key(pairs.a(pair), pairs.b(pair));
            if (forcedSplit.contains(key)) {
                return "forced_split";
            }
            if (forcedMatch.contains(key)) {
                return "forced_match";
            }
        }
        if (pairs.decisive(pair) > 0) {
            return "id_match";
        }
        if (pairs.decisive(pair) < 0) {
            return "id_conflict";
        }
        double probability = pairs.probability(pair);
        return probability >= matchThreshold ? "match" : probability >= reviewThreshold ? "review" : "non_match";
    }

    /**
     * True for the pairs a steward may want to see: pairs at or above review, pairs decided by an id or an override,
     * and pairs whose records ended in one cluster. Pairs whose VAT ids contradict are kept only when their fields
     * alone reach the review band (the same-looking company under another VAT id); the many others are plain
     * non-matches that happen to carry VAT ids, and keeping them multiplied the table a hundredfold.
     */
    public boolean worthKeeping(int pair) {
        ScoredPairs pairs = result.pairs();
        if (result.clusterOf()[pairs.a(pair)] == result.clusterOf()[pairs.b(pair)]) {
            return true;
        }
        return switch (decision(pair)) {
            case "non_match" -> false;
            case "id_conflict" -> 1 / (1 + Math.exp(-result.fieldLogit(pair))) >= reviewThreshold;
            default -> true;
        };
    }

    /** JSON object: field → {"level": "exact|close 1|...|different|missing", "weight": w, "values": [a, b]}. */
    public String evidenceJson(int pair, List<String[]> displayValues) {
        StringBuilder json = new StringBuilder(64 * evidencePrefix.length).append('{');
        ScoredPairs pairs = result.pairs();
        for (int f = 0; f < evidencePrefix.length; f++) {
            int level = pairs.level(pair, f);
            if (f > 0) {
                json.append(',');
            }
            double adjustment = result.termFrequencies().adjustment(f, level, pairs.a(pair));
            if (adjustment == 0.0) {
                json.append(evidencePrefix[f][level + 1]);
            } else {
                quote(json, result.weightedFields().get(f));
                json.append(":{\"level\":");
                quote(json, levelName(f, level));
                json.append(",\"weight\":")
                        .append(String.format(Locale.ROOT, "%.2f", weight(f, level) + adjustment))
                        .append(",\"tf_adjustment\":")
                        .append(String.format(Locale.ROOT, "%.2f", adjustment));
            }
            String[] values = displayValues.get(f);
            if (values != null) {
                json.append(",\"values\":[");
                quote(json, values[pairs.a(pair)]);
                json.append(',');
                quote(json, values[pairs.b(pair)]);
                json.append(']');
            }
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** Per field and level (index 0: missing) the start of its evidence: name, level and weight, all fixed per run. */
    private String[][] evidencePrefixes() {
        List<String> fields = result.weightedFields();
        String[][] prefixes = new String[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            prefixes[f] = new String[result.weights()[f].length + 1];
            for (int level = -1; level < result.weights()[f].length; level++) {
                StringBuilder prefix = new StringBuilder();
                quote(prefix, fields.get(f));
                prefix.append(":{\"level\":");
                quote(prefix, levelName(f, level));
                prefix.append(",\"weight\":").append(String.format(Locale.ROOT, "%.2f", weight(f, level)));
                prefixes[f][level + 1] = prefix.toString();
            }
        }
        return prefixes;
    }

    public double weight(int field, int level) {
        return level < 0 ? 0.0 : result.weights()[field][level];
    }

    public String levelName(int field, int level) {
        if (level < 0) {
            return "missing";
        }
        if (level == 0) {
            return "exact";
        }
        return level == result.weights()[field].length - 1 ? "different" : "close " + level;
    }

    private static long key(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    private static void quote(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
