package io.salesbi.pipeline.match.engine;

import java.util.List;

/**
 * The outcome of one matching run over records given by index.
 *
 * @param weightedFields    names of the fields that carry Fellegi–Sunter weights, in comparison-matrix order
 * @param clusterOf         per record the cluster label: the smallest record index in its cluster
 * @param probability       per record the probability of belonging to its cluster: its best in-cluster pair,
 *                          1.0 for a record alone in its cluster
 * @param pairs             every compared pair with its score
 * @param parameters        the Fellegi–Sunter parameters used
 * @param weights           per weighted field and level the match weight applied (natural log)
 * @param millis            wall-clock time of the run
 */
public record MatchResult(List<String> weightedFields, int[] clusterOf, double[] probability, ScoredPairs pairs,
                          ModelParameters parameters, double[][] weights, long millis) {

    public int clusterCount() {
        int count = 0;
        for (int i = 0; i < clusterOf.length; i++) {
            if (clusterOf[i] == i) {
                count++;
            }
        }
        return count;
    }
}
