package io.salesbi.match.steward;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.ScoredPairs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Active learning for the steward: the pairs whose label would teach the model most are those it is least sure of,
 * the ones whose score on their fields is closest to even odds. Pairs decided by an id and pairs the steward has
 * already decided (forced matches and splits) are left out. Labelled and fed back as overrides, they train the
 * model on the next run (their matches give the m-probabilities, see {@code TrainingLabels}).
 */
public final class UncertainPairs {

    private UncertainPairs() {}

    /** The indexes of at most count pairs, least certain first (ties by pair order). */
    public static List<Integer> select(MatchResult result, ClusterConstraints constraints, int count) {
        ScoredPairs pairs = result.pairs();
        Set<Long> decided = new HashSet<>();
        for (List<int[]> labelled : List.of(constraints.forceMatch(), constraints.forceSplit())) {
            for (int[] pair : labelled) {
                decided.add(key(pair[0], pair[1]));
            }
        }
        double[] distance = new double[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            distance[p] = Math.abs(result.fieldLogit(p));
        }
        return IntStream.range(0, pairs.size())
                .filter(p -> pairs.decisive(p) == 0 && !decided.contains(key(pairs.a(p), pairs.b(p))))
                .boxed()
                .sorted((x, y) -> Double.compare(distance[x], distance[y]))
                .limit(count)
                .toList();
    }

    /**
     * The selected pairs labelled from a ground truth, as a steward who knows the answer would: {record, record}
     * pairs of one entity as matches, of different entities as non-matches; pairs with a record the truth does not
     * know are skipped.
     *
     * @return {matches, non-matches}
     */
    public static List<List<int[]>> labelFromTruth(
            MatchResult result, List<Integer> selected, List<String> ids, Map<String, String> truth) {
        List<int[]> matches = new ArrayList<>();
        List<int[]> nonMatches = new ArrayList<>();
        for (int p : selected) {
            int a = result.pairs().a(p);
            int b = result.pairs().b(p);
            String x = truth.get(ids.get(a));
            String y = truth.get(ids.get(b));
            if (x == null || y == null) {
                continue;
            }
            (x.equals(y) ? matches : nonMatches).add(new int[] {a, b});
        }
        return List.of(matches, nonMatches);
    }

    private static long key(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }
}
