package io.salesbi.match.engine;

import java.util.List;

/**
 * What the clustering must respect beyond the scores: steward overrides and the clusters of the previous run.
 *
 * @param forceMatch pairs of record indexes that belong together whatever the score
 * @param forceSplit pairs of record indexes that must end in different clusters
 * @param seeds      per record the previous run's cluster label, or -1 for a new record; null for none
 */
public record ClusterConstraints(List<int[]> forceMatch, List<int[]> forceSplit, int[] seeds) {

    public static ClusterConstraints none() {
        return new ClusterConstraints(List.of(), List.of(), null);
    }
}
