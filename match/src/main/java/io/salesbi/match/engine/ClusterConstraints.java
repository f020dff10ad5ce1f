package io.salesbi.match.engine;

import java.util.List;

/**
 * What the clustering must respect beyond the scores: steward overrides, the clusters of the previous run and the
 * sources known to hold no duplicates.
 *
 * @param forceMatch     pairs of record indexes that belong together whatever the score
 * @param forceSplit     pairs of record indexes that must end in different clusters
 * @param seeds          per record the previous run's cluster label, or -1 for a new record; null for none
 * @param distinctSource per record a label (0 to 63) of a source that holds no duplicates, or -1 for a record of
 *                       any other source; null for none. Two records with one label are never compared nor put in
 *                       one cluster, not even by a forced match or a previous cluster: linkage for that source, while
 *                       the others are deduplicated among themselves and linked to it
 */
public record ClusterConstraints(List<int[]> forceMatch, List<int[]> forceSplit, int[] seeds, int[] distinctSource) {

    /** The most sources without duplicates one run can tell apart. */
    public static final int MAX_DISTINCT_SOURCES = 64;

    public ClusterConstraints {
        if (distinctSource != null) {
            for (int i = 0; i < distinctSource.length; i++) {
                if (distinctSource[i] < -1 || distinctSource[i] >= MAX_DISTINCT_SOURCES) {
                    throw new IllegalArgumentException("distinct source of record " + i + " is " + distinctSource[i]
                            + ", expected -1 or 0 to " + (MAX_DISTINCT_SOURCES - 1));
                }
            }
        }
    }

    public ClusterConstraints(List<int[]> forceMatch, List<int[]> forceSplit, int[] seeds) {
        this(forceMatch, forceSplit, seeds, null);
    }

    public static ClusterConstraints none() {
        return new ClusterConstraints(List.of(), List.of(), null);
    }

    /** The same constraints with these records' sources declared to hold no duplicates. */
    public ClusterConstraints withDistinctSources(int[] labels) {
        return new ClusterConstraints(forceMatch, forceSplit, seeds, labels);
    }

    /** True when a and b come from one source that holds no duplicates, so that they are different by declaration. */
    boolean sameDistinctSource(int a, int b) {
        return distinctSource != null && distinctSource[a] >= 0 && distinctSource[a] == distinctSource[b];
    }
}
