package io.salesbi.match.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds clusters from scored pairs without chaining unrelated records together through one bad link. Match
 * edges are taken strongest first, and two clusters merge only when the average log-odds over all pairs
 * between them (unscored pairs at a fixed negative value) reaches the link threshold: if A~B and B~C are matches but A and C clearly differ, the low A–C
 * score pulls the average down and C stays apart. Previous clusters (seeds), forced matches and decisive ids are
 * applied first; forced splits, contradicting VAT ids and two records of a source without duplicates are never merged
 * across.
 */
final class AverageLinkClusterer {

    private final double matchLogit;
    private final double linkLogit;
    private final double unscoredLogit;
    private final PairStorage storage;

    AverageLinkClusterer(double matchLogit, double linkLogit, double unscoredLogit) {
        this(matchLogit, linkLogit, unscoredLogit, PairStorage.heapOnly());
    }

    /** With the storage of the adjacency's column (outside the heap when the pairs are many). */
    AverageLinkClusterer(double matchLogit, double linkLogit, double unscoredLogit, PairStorage storage) {
        this.matchLogit = matchLogit;
        this.linkLogit = linkLogit;
        this.unscoredLogit = unscoredLogit;
        this.storage = storage;
    }

    /** Cluster label per record: the smallest record index in its cluster. */
    int[] cluster(int n, ScoredPairs pairs, ClusterConstraints constraints) {
        return cluster(n, pairs, constraints, null);
    }

    /**
     * Clusters with twin groups ({@link Twins}, null for none): after previous clusters, forced matches and decisive
     * ids, twins whose pair is a match edge are merged, and from then on a pair of representatives stands for the
     * pairs of all their twins in the average.
     */
    int[] cluster(int n, ScoredPairs pairs, ClusterConstraints constraints, int[] twins) {
        ClusterState state =
                new ClusterState(n, pairs, constraints, unscoredLogit, MatchEngine.heldAtReview(linkLogit), storage);
        if (constraints.seeds() != null) {
            applySeeds(state, constraints.seeds());
        }
        for (int[] forced : constraints.forceMatch()) {
            state.mergeIfAllowed(forced[0], forced[1]);
        }
        for (int p = 0; p < pairs.size(); p++) {
            if (pairs.decisive(p) > 0) {
                state.mergeIfAllowed(pairs.a(p), pairs.b(p));
            }
        }
        if (twins != null) {
            for (int p = 0; p < pairs.size(); p++) {
                int a = pairs.a(p);
                int b = pairs.b(p);
                if (twins[a] == twins[b] && isMatchEdge(pairs, p)) {
                    state.mergeIfAllowed(a, b);
                }
            }
            state.weighTwins(twins);
        }
        int[] edges = matchEdges(pairs);
        boolean merged = true;
        for (int pass = 0; merged && pass < 10; pass++) {
            merged = false;
            for (int edge : edges) {
                int a = pairs.a(edge);
                int b = pairs.b(edge);
                if (state.find(a) != state.find(b)
                        && state.averageLogit(a, b) >= linkLogit
                        && state.mergeIfAllowed(a, b)) {
                    merged = true;
                }
            }
        }
        return state.labels();
    }

    /**
     * Links two lists: forced matches first, then match edges strongest first (decisive ids among them), each taken
     * only while the linkage's cardinality allows: one-to-one, neither record linked yet; one-to-many, the record of
     * the second list not linked yet. No two records of one list are merged through a third; a record of the first
     * list in one-to-many mode gathers the second list's records it is the best remaining link of.
     */
    int[] link(int n, ScoredPairs pairs, ClusterConstraints constraints, Linkage linkage) {
        ClusterState state =
                new ClusterState(n, pairs, constraints, unscoredLogit, MatchEngine.heldAtReview(linkLogit), storage);
        boolean[] linked = new boolean[n];
        for (int[] forced : constraints.forceMatch()) {
            if (linkage.across(forced[0], forced[1]) && state.mergeIfAllowed(forced[0], forced[1])) {
                linked[forced[0]] = true;
                linked[forced[1]] = true;
            }
        }
        for (int edge : matchEdges(pairs)) {
            int a = pairs.a(edge);
            int b = pairs.b(edge);
            int second = linkage.sourceOf()[a] == 1 ? a : b;
            int first = second == a ? b : a;
            boolean free = linkage.oneToOne() ? !linked[first] && !linked[second] : !linked[second];
            if (free && state.mergeIfAllowed(a, b)) {
                linked[a] = true;
                linked[b] = true;
            }
        }
        return state.labels();
    }

    private void applySeeds(ClusterState state, int[] seeds) {
        List<Integer> sorted = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            if (seeds[i] >= 0) {
                sorted.add(i);
            }
        }
        sorted.sort(Comparator.comparingInt((Integer i) -> seeds[i]).thenComparingInt(i -> i));
        boolean[] broken = state.seedsBrokenBySplits(seeds);
        for (int k = 1; k < sorted.size(); k++) {
            int previous = sorted.get(k - 1);
            int current = sorted.get(k);
            if (seeds[previous] == seeds[current] && !broken[current]) {
                state.mergeIfAllowed(previous, current);
            }
        }
    }

    /**
     * The match edges strongest first, equal log-odds in ascending pair order, which is ascending (a, b): a stable
     * merge sort of primitive keys (the edges were boxed {@code Integer}s before item 8, 16 bytes and more each).
     */
    private int[] matchEdges(ScoredPairs pairs) {
        int count = 0;
        for (int p = 0; p < pairs.size(); p++) {
            if (isMatchEdge(pairs, p)) {
                count++;
            }
        }
        int[] edges = new int[count];
        long[] keys = new long[count];
        int k = 0;
        for (int p = 0; p < pairs.size(); p++) {
            if (isMatchEdge(pairs, p)) {
                edges[k] = p;
                keys[k++] = descending(pairs.logit(p));
            }
        }
        EdgeSort.sort(edges, keys);
        return edges;
    }

    private boolean isMatchEdge(ScoredPairs pairs, int p) {
        return pairs.logit(p) >= matchLogit && pairs.decisive(p) >= 0;
    }

    /**
     * A long whose ascending order is the descending order of the log-odds as {@link Double#compare} has it (-0.0
     * below 0.0, NaN above everything): the order of {@code Comparator.comparingDouble(p -> -logit[p])}.
     */
    static long descending(double logit) {
        long bits = Double.doubleToLongBits(-logit);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }
}
