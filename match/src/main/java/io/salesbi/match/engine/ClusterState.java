package io.salesbi.match.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Union-find over records with member lists, the scored-pair adjacency and the cannot-link pairs, so that a merge
 * can be checked against every scored pair between the two clusters. The adjacency costs 4 bytes per pair: the
 * pairs are sorted by (a, b), so a record's pairs as the first record are a range of pair indices (one offset per
 * record) and only its pairs as the second record need a list, of pair indices, in a column outside the heap when
 * the pairs are many. Log-odds and neighbours are read from the scored pairs. A record's pairs are visited in
 * ascending pair order (those as second record come first), the order of the sums before item 8.
 */
final class ClusterState {

    private final int[] parent;
    private final IntList[] members;
    private final ScoredPairs pairs;
    /** Pairs with x as first record: indices firstFrom[x] until firstFrom[x + 1]. */
    private final int[] firstFrom;
    /** Pairs with x as second record: the pair indices in secondPairs from secondFrom[x] until secondFrom[x + 1]. */
    private final int[] secondFrom;

    private final LargeBuffer secondPairs;
    private final IntList[] cannotLink;
    private final double unscoredLogit;
    /** The score of pairs held at the review threshold ({@link MatchEngine#heldAtReview}); NaN for none. */
    private final double heldLogit;

    /**
     * Per record the number of records it stands for in the average of {@link #averageLogit}: 1 each without twins
     * (null), else the size of its twin group for a representative and 0 for the other twins ({@link Twins}).
     */
    private int[] weight;

    /** Per cluster root the sources without duplicates its members come from, one bit per source; null for none. */
    private final long[] distinctSources;

    ClusterState(int n, ScoredPairs pairs, ClusterConstraints constraints, double unscoredLogit) {
        this(n, pairs, constraints, unscoredLogit, PairStorage.heapOnly());
    }

    ClusterState(int n, ScoredPairs pairs, ClusterConstraints constraints, double unscoredLogit, PairStorage storage) {
        this(n, pairs, constraints, unscoredLogit, Double.NaN, storage);
    }

    /**
     * With the score of held pairs: in the average a pair held at the review threshold (names that disagree
     * completely, another house number on one street) counts like a pair blocking never proposed, not as a pair
     * exactly at the threshold.
     */
    ClusterState(
            int n,
            ScoredPairs pairs,
            ClusterConstraints constraints,
            double unscoredLogit,
            double heldLogit,
            PairStorage storage) {
        this.pairs = pairs;
        this.heldLogit = heldLogit;
        List<int[]> forceSplit = constraints.forceSplit();
        this.unscoredLogit = unscoredLogit;
        int[] distinct = constraints.distinctSource();
        if (distinct == null) {
            distinctSources = null;
        } else {
            distinctSources = new long[n];
            for (int i = 0; i < n; i++) {
                distinctSources[i] = distinct[i] < 0 ? 0L : 1L << distinct[i];
            }
        }
        parent = new int[n];
        members = new IntList[n];
        cannotLink = new IntList[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        firstFrom = new int[n + 1];
        secondFrom = new int[n + 1];
        for (int p = 0; p < pairs.size(); p++) {
            int a = pairs.a(p);
            if (p > 0 && a < pairs.a(p - 1)) {
                throw new IllegalArgumentException("pair " + p + " is out of order: record " + a + " after "
                        + pairs.a(p - 1) + " as first record");
            }
            firstFrom[a + 1]++;
            secondFrom[pairs.b(p) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            firstFrom[i + 1] += firstFrom[i];
            secondFrom[i + 1] += secondFrom[i];
        }
        secondPairs = storage.buffer(4L * Math.max(2, pairs.size()));
        secondPairs.seal();
        int[] fill = Arrays.copyOf(secondFrom, n);
        for (int p = 0; p < pairs.size(); p++) {
            int b = pairs.b(p);
            secondPairs.putInt(fill[b]++, p);
            if (pairs.decisive(p) < 0) {
                addCannotLink(pairs.a(p), b);
            }
        }
        for (int[] split : forceSplit) {
            addCannotLink(split[0], split[1]);
        }
    }

    /**
     * Counts each pair of representatives once for every pair of records their twin groups hold, and the other
     * twins' pairs not at all; for twin groups that ended in more than one cluster every record counts for itself.
     */
    void weighTwins(int[] representative) {
        int[] w = Twins.weights(representative);
        boolean[] split = new boolean[representative.length];
        for (int i = 0; i < representative.length; i++) {
            int r = representative[i];
            if (r != i && find(r) != find(i)) {
                split[r] = true;
            }
        }
        for (int i = 0; i < representative.length; i++) {
            if (split[representative[i]]) {
                w[i] = 1;
            }
        }
        weight = w;
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /**
     * Merges the clusters of a and b unless a cannot-link pair lies between them or both hold a record of one source
     * without duplicates; true when merged.
     */
    boolean mergeIfAllowed(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        if (distinctSources != null && (distinctSources[ra] & distinctSources[rb]) != 0) {
            return false;
        }
        if (violatesCannotLink(ra, rb)) {
            return false;
        }
        IntList big = membersOf(ra);
        IntList small = membersOf(rb);
        int keep = ra;
        int gone = rb;
        if (small.size() > big.size()) {
            keep = rb;
            gone = ra;
            IntList swap = big;
            big = small;
            small = swap;
        }
        big.addAll(small);
        members[keep] = big;
        members[gone] = null;
        parent[gone] = keep;
        if (distinctSources != null) {
            distinctSources[keep] |= distinctSources[gone];
        }
        return true;
    }

    /**
     * Average log-odds over all record pairs between the clusters of a and b; pairs blocking never proposed
     * (they share no key at all) count with the given log-odds, which keeps large clusters from growing on a
     * few strong links while most of their members have nothing in common. -infinity when no pair was scored.
     */
    double averageLogit(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        IntList small = membersOf(ra);
        int other = rb;
        if (membersOf(rb).size() < small.size()) {
            small = membersOf(rb);
            other = ra;
        }
        double sum = 0;
        long count = 0;
        for (int k = 0; k < small.size(); k++) {
            int x = small.get(k);
            long wx = weight == null ? 1 : weight[x];
            if (wx == 0) {
                continue;
            }
            for (int e = secondFrom[x]; e < secondFrom[x + 1]; e++) {
                int p = secondPairs.getInt(e);
                int y = pairs.a(p);
                if (find(y) == other) {
                    long w = weight == null ? 1 : wx * weight[y];
                    sum += w == 1 ? averaged(p) : w * averaged(p);
                    count += w;
                }
            }
            for (int p = firstFrom[x]; p < firstFrom[x + 1]; p++) {
                int y = pairs.b(p);
                if (find(y) == other) {
                    long w = weight == null ? 1 : wx * weight[y];
                    sum += w == 1 ? averaged(p) : w * averaged(p);
                    count += w;
                }
            }
        }
        if (count == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        long all = (long) membersOf(ra).size() * membersOf(rb).size();
        return (sum + (all - count) * unscoredLogit) / all;
    }

    /**
     * A pair's score as the average counts it. A held pair's score says "let the steward look", not "as likely as
     * not": counted at the threshold itself it never pulled an average down, so one match edge between two clusters
     * merged them through any number of held pairs (two day cares of one building, one on the other's phone line,
     * joined through a record without a phone). It counts as a pair blocking did not propose.
     */
    private double averaged(int pair) {
        double logit = pairs.logit(pair);
        return logit == heldLogit ? unscoredLogit : logit;
    }

    /** Per record: true when its seed cluster holds a cannot-link pair, so the seed is dissolved. */
    boolean[] seedsBrokenBySplits(int[] seeds) {
        boolean[] brokenSeed = new boolean[parent.length];
        Set<Integer> broken = new HashSet<>();
        for (int x = 0; x < parent.length; x++) {
            if (cannotLink[x] == null || seeds[x] < 0) {
                continue;
            }
            for (int k = 0; k < cannotLink[x].size(); k++) {
                if (seeds[cannotLink[x].get(k)] == seeds[x]) {
                    broken.add(seeds[x]);
                }
            }
        }
        for (int x = 0; x < parent.length; x++) {
            brokenSeed[x] = seeds[x] >= 0 && broken.contains(seeds[x]);
        }
        return brokenSeed;
    }

    /** Cluster label per record: the smallest member index. */
    int[] labels() {
        int n = parent.length;
        int[] smallest = new int[n];
        Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int root = find(i);
            smallest[root] = Math.min(smallest[root], i);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = smallest[find(i)];
        }
        return labels;
    }

    private boolean violatesCannotLink(int ra, int rb) {
        IntList small = membersOf(ra);
        int other = rb;
        if (membersOf(rb).size() < small.size()) {
            small = membersOf(rb);
            other = ra;
        }
        for (int k = 0; k < small.size(); k++) {
            IntList forbidden = cannotLink[small.get(k)];
            if (forbidden == null) {
                continue;
            }
            for (int f = 0; f < forbidden.size(); f++) {
                if (find(forbidden.get(f)) == other) {
                    return true;
                }
            }
        }
        return false;
    }

    private IntList membersOf(int root) {
        if (members[root] == null) {
            IntList single = new IntList();
            single.add(root);
            members[root] = single;
        }
        return members[root];
    }

    private void addCannotLink(int a, int b) {
        if (cannotLink[a] == null) {
            cannotLink[a] = new IntList();
        }
        if (cannotLink[b] == null) {
            cannotLink[b] = new IntList();
        }
        cannotLink[a].add(b);
        cannotLink[b].add(a);
    }
}
