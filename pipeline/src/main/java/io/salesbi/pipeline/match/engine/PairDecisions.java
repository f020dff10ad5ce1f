package io.salesbi.pipeline.match.engine;

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

    public PairDecisions(MatchResult result, double matchThreshold, double reviewThreshold,
                         ClusterConstraints constraints) {
        this.result = result;
        this.matchThreshold = matchThreshold;
        this.reviewThreshold = reviewThreshold;
        for (int[] pair : constraints.forceMatch()) {
            forcedMatch.add(key(pair[0], pair[1]));
        }
        for (int[] pair : constraints.forceSplit()) {
            forcedSplit.add(key(pair[0], pair[1]));
        }
    }

    /** forced_match, forced_split, id_match, id_conflict, match, review or non_match. */
    public String decision(int pair) {
        ScoredPairs pairs = result.pairs();
        long key = key(pairs.a()[pair], pairs.b()[pair]);
        if (forcedSplit.contains(key)) {
            return "forced_split";
        }
        if (forcedMatch.contains(key)) {
            return "forced_match";
        }
        if (pairs.decisive()[pair] > 0) {
            return "id_match";
        }
        if (pairs.decisive()[pair] < 0) {
            return "id_conflict";
        }
        double probability = pairs.probability(pair);
        return probability >= matchThreshold ? "match" : probability >= reviewThreshold ? "review" : "non_match";
    }

    /** True for pairs worth keeping: at or above review, decided by an id or an override, or in one cluster. */
    public boolean worthKeeping(int pair) {
        ScoredPairs pairs = result.pairs();
        return !decision(pair).equals("non_match")
                || result.clusterOf()[pairs.a()[pair]] == result.clusterOf()[pairs.b()[pair]];
    }

    /** JSON object: field → {"level": "exact|close 1|...|different|missing", "weight": w, "values": [a, b]}. */
    public String evidenceJson(int pair, List<String[]> displayValues) {
        StringBuilder json = new StringBuilder("{");
        List<String> fields = result.weightedFields();
        for (int f = 0; f < fields.size(); f++) {
            int level = result.pairs().level(pair, f);
            if (f > 0) {
                json.append(',');
            }
            json.append(quote(fields.get(f))).append(":{\"level\":").append(quote(levelName(f, level)))
                    .append(",\"weight\":").append(String.format(Locale.ROOT, "%.2f", weight(f, level)));
            String[] values = displayValues.get(f);
            if (values != null) {
                json.append(",\"values\":[").append(quote(values[result.pairs().a()[pair]])).append(',')
                        .append(quote(values[result.pairs().b()[pair]])).append(']');
            }
            json.append('}');
        }
        return json.append('}').toString();
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

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
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
        return out.append('"').toString();
    }
}
