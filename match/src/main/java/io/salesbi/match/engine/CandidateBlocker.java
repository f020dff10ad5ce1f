package io.salesbi.match.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the candidate pairs worth comparing with several blocking keys at once: records sharing any key of any
 * field (a name token, a phonetic code, a postcode, a phone number, an id ...) are paired, so that a true pair is
 * lost only when it shares no key at all. A block larger than the limit is not compared in full but split by
 * the keys of each other field, which keeps common keys ("berlin", "mueller") from exploding the pair count.
 *
 * <p>Below the limit the pairs of a block grow with the square of its size, and a key held by a fixed number of
 * values (a postcode, a common company name) is held by ever more records as the list grows: at 800,000 records
 * the blocks of under 100 records compared in full made the pairs grow 2.77 times for one doubling of the records
 * (issue #18 item 8). So blocks are compared in full only up to a size chosen from the list itself
 * ({@link #fullBlockSize}: their pairs must stay within a budget that grows with the records, as a small list's
 * all do), and in a larger block a record is paired only with the members that corroborate the block: that share
 * <em>another</em> key with it (of any field, the block's own included) which not every member holds, at most
 * {@code fullSize - 1} of them, the best ranked (each shared key weighs {@code ln(s / d)} for a block of s records
 * of which d hold it; ties broken by a hash of the pair). A pair is kept when either record ranks it among its
 * best; records identical in every blocking key are always paired (the clustering needs the pairs within a large
 * entity). Pairs then grow with the records, not with the square of the block sizes.
 */
final class CandidateBlocker {

    /** Pairs a list may propose from blocks compared in full, per record (duplicates across keys counted). */
    static final int PAIRS_PER_RECORD = 20;

    /** Pairs any list may propose from blocks compared in full: a list of up to 100,000 records is not bounded. */
    static final long MIN_PAIR_BUDGET = 2_000_000;

    /** Blocks of at least this size are always compared in full (Zingg's smallest block, its MIN_SIZE). */
    static final int MIN_FULL_BLOCK_SIZE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(CandidateBlocker.class);

    private final int maxBlockSize;
    private final int minFullBlockSize;
    private final long pairsPerRecord;
    private final long minPairBudget;
    private final PairStorage storage;
    private long fullPairs;
    private long rankedPairs;
    private int rankedBlocks;

    CandidateBlocker(int maxBlockSize) {
        this(maxBlockSize, PairStorage.heapOnly());
    }

    /** With a storage whose blocking memory bounds the proposed pairs held on the heap (more are spilled to disk). */
    CandidateBlocker(int maxBlockSize, PairStorage storage) {
        this(maxBlockSize, Math.min(MIN_FULL_BLOCK_SIZE, maxBlockSize), PAIRS_PER_RECORD, MIN_PAIR_BUDGET, storage);
    }

    /** With another budget for the pairs of blocks compared in full, and another smallest full block size. */
    CandidateBlocker(
            int maxBlockSize, int minFullBlockSize, long pairsPerRecord, long minPairBudget, PairStorage storage) {
        if (minFullBlockSize < 2 || minFullBlockSize > maxBlockSize) {
            throw new IllegalArgumentException(
                    "minFullBlockSize must be in [2, " + maxBlockSize + "], got " + minFullBlockSize);
        }
        this.maxBlockSize = maxBlockSize;
        this.minFullBlockSize = minFullBlockSize;
        this.pairsPerRecord = pairsPerRecord;
        this.minPairBudget = minPairBudget;
        this.storage = storage;
    }

    /**
     * Sub-blocks of a refined block (two weak keys together) get a smaller limit as the data grows, so that the
     * pairs they add grow about linearly with the records: the full limit up to 10,000 records, then falling
     * with the square root of the size, down to a quarter of it.
     */
    private int maxSubBlockSize(int recordCount) {
        double scale = Math.min(1.0, Math.sqrt(10_000.0 / Math.max(1, recordCount)));
        return Math.max(Math.max(2, maxBlockSize / 4), (int) (maxBlockSize * scale));
    }

    /**
     * Candidate pairs (a << 32 | b with a < b), to be read sorted and distinct from the list returned; with a linkage
     * only pairs across its two lists, and never two records of one source that holds no duplicates
     * ({@link ClusterConstraints#distinctSource}).
     */
    LongList candidatePairs(
            List<PreparedField> fields, int recordCount, Linkage linkage, ClusterConstraints constraints) {
        return candidatePairs(fields, recordCount, linkage, constraints, null);
    }

    /**
     * As above, with twin groups ({@link Twins}: per record its representative, null for none): a block too large to
     * compare in full still links each twin to its representative, and compares its representatives in full when
     * there are no more of them than the limit and at most half as many as records (one organisation written the
     * same way in hundreds of rows).
     */
    LongList candidatePairs(
            List<PreparedField> fields, int recordCount, Linkage linkage, ClusterConstraints constraints, int[] twins) {
        LongList pairs = new LongList(storage.blockingMemory(), storage.directory());
        int maxSubBlockSize = maxSubBlockSize(recordCount);
        // first every block to be proposed from: the blocks of up to maxBlockSize records and the sub-blocks of
        // larger ones; their sizes decide how large a block may be and still be compared in full. Blocks of up to
        // the smallest full size are compared in full whatever the budget, at once; larger ones wait for the
        // decision (a few percent of the blocks)
        long[] pairsOfSize = new long[maxBlockSize + 1];
        List<int[]> waiting = new ArrayList<>();
        int oversize = 0;
        int dropped = 0;
        for (int f = 0; f < fields.size(); f++) {
            if (!fields.get(f).type().blocksAlone()) {
                continue;
            }
            for (IntList block : blocks(fields.get(f), null).values()) {
                if (block.size() <= maxBlockSize) {
                    collect(block, pairsOfSize, waiting, pairs, linkage, constraints);
                    continue;
                }
                oversize++;
                if (twins != null) {
                    emitTwins(block, twins, pairs, linkage, constraints);
                }
                for (int g = 0; g < fields.size(); g++) {
                    if (g == f) {
                        continue;
                    }
                    for (IntList sub : blocks(fields.get(g), block).values()) {
                        if (sub.size() > maxSubBlockSize) {
                            dropped++;
                        } else {
                            collect(sub, pairsOfSize, waiting, pairs, linkage, constraints);
                        }
                    }
                }
            }
        }
        int fullSize = fullBlockSize(pairsOfSize, recordCount);
        for (int i = 0; i < waiting.size(); i++) {
            propose(waiting.get(i), fullSize, fields, pairs, linkage, constraints);
            waiting.set(i, null);
        }
        LOG.debug(
                "Blocking: {} records, blocks of up to {} records compared in full ({} pairs proposed), {} larger ones"
                        + " ranked ({} pairs), {} oversize blocks refined, {} sub-blocks dropped, {} runs spilled to"
                        + " disk",
                recordCount,
                fullSize,
                fullPairs,
                rankedBlocks,
                rankedPairs,
                oversize,
                dropped,
                pairs.runCount());
        return pairs;
    }

    /**
     * The largest block size up to which every block is compared in full: blocks are taken from the smallest up as
     * long as their pairs stay within the budget ({@link #PAIRS_PER_RECORD} a record, at least
     * {@link #MIN_PAIR_BUDGET}), as Splink counts the comparisons a blocking rule generates before it is used. A list
     * whose blocks all fit is compared as before (every block of up to {@code maxBlockSize} records in full); in a
     * larger one the full comparisons stop at the size where they would outgrow the records, and the larger blocks
     * are ranked. At least the smallest full block size ({@link #MIN_FULL_BLOCK_SIZE} by default).
     */
    int fullBlockSize(long[] pairsOfSize, int recordCount) {
        long budget = Math.max(minPairBudget, pairsPerRecord * (long) recordCount);
        long all = 0;
        for (long p : pairsOfSize) {
            all += p;
        }
        LOG.debug("Blocking: blocks up to {} records hold {} pairs, the budget is {}", maxBlockSize, all, budget);
        long total = 0;
        int size = 1;
        while (size < maxBlockSize && total + pairsOfSize[size + 1] <= budget) {
            total += pairsOfSize[++size];
        }
        return Math.max(minFullBlockSize, size);
    }

    /** {@link #fullBlockSize(long[], int)} of the given blocks. */
    int fullBlockSize(List<int[]> blocks, int recordCount) {
        long[] pairsOfSize = new long[maxBlockSize + 1];
        for (int[] block : blocks) {
            pairsOfSize[block.length] += (long) block.length * (block.length - 1) / 2;
        }
        return fullBlockSize(pairsOfSize, recordCount);
    }

    /** Counts a block's pairs by its size; compares it in full at once when that is certain, else keeps it. */
    private void collect(
            IntList block,
            long[] pairsOfSize,
            List<int[]> waiting,
            LongList pairs,
            Linkage linkage,
            ClusterConstraints constraints) {
        int size = block.size();
        if (size < 2) {
            return;
        }
        pairsOfSize[size] += (long) size * (size - 1) / 2;
        if (size <= minFullBlockSize) {
            fullPairs += emit(block.toArray(), pairs, linkage, constraints);
        } else {
            waiting.add(block.toArray());
        }
    }

    /** Records grouped by each of their keys in this field; all records, or only the members of a block. */
    private static Map<String, IntList> blocks(PreparedField field, IntList members) {
        Map<String, IntList> blocks = new HashMap<>();
        int count = members == null ? field.value().length : members.size();
        for (int k = 0; k < count; k++) {
            int record = members == null ? k : members.get(k);
            for (String key : field.blockKeys()[record]) {
                blocks.computeIfAbsent(key, x -> new IntList()).add(record);
            }
        }
        return blocks;
    }

    /** All pairs of a block of up to {@code fullSize} records, the corroborated best of a larger one. */
    private void propose(
            int[] members,
            int fullSize,
            List<PreparedField> fields,
            LongList pairs,
            Linkage linkage,
            ClusterConstraints constraints) {
        if (members.length <= fullSize) {
            fullPairs += emit(members, pairs, linkage, constraints);
        } else {
            rankedBlocks++;
            rankedPairs += emitRanked(members, fields, fullSize - 1, pairs, linkage, constraints);
        }
    }

    private static int emit(int[] members, LongList pairs, Linkage linkage, ClusterConstraints constraints) {
        int added = 0;
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                if (eligible(members[i], members[j], linkage, constraints)) {
                    pairs.add(encode(members[i], members[j]));
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * The pairs of a large block that another key corroborates: each member's at most {@code perRecord} best
     * candidates among the members sharing with it a key of any field that not every member holds, ranked by the
     * sum of {@code ln(s / d)} over those keys (s members, d of them holding the key), ties broken by a hash of the
     * pair. Returns the number of pairs added.
     */
    static int emitRanked(
            int[] members,
            List<PreparedField> fields,
            int perRecord,
            LongList pairs,
            Linkage linkage,
            ClusterConstraints constraints) {
        double[] score = corroboration(members, fields);
        int s = members.length;
        boolean[] kept = new boolean[s * s];
        int[] candidates = new int[s];
        int added = 0;
        for (int i = 0; i < s; i++) {
            int count = 0;
            for (int j = 0; j < s; j++) {
                if (j == i || !eligible(members[i], members[j], linkage, constraints)) {
                    continue;
                }
                if (sameKeys(fields, members[i], members[j])) {
                    if (j > i) {
                        kept[i * s + j] = true;
                        pairs.add(encode(members[i], members[j]));
                        added++;
                    }
                } else if (score[i * s + j] > 0) {
                    candidates[count++] = j;
                }
            }
            // the best perRecord by selection: a block holds at most maxBlockSize records
            for (int taken = 0; taken < Math.min(perRecord, count); taken++) {
                int best = taken;
                for (int c = taken + 1; c < count; c++) {
                    if (ranksBefore(members, score, i, candidates[c], candidates[best])) {
                        best = c;
                    }
                }
                int j = candidates[best];
                candidates[best] = candidates[taken];
                candidates[taken] = j;
                int cell = Math.min(i, j) * s + Math.max(i, j);
                if (!kept[cell]) {
                    kept[cell] = true;
                    pairs.add(encode(members[i], members[j]));
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * Per pair of members (row-major, s x s, symmetric) the weight of the keys they share that not every member
     * holds: {@code ln(s / d)} for a key held by d of the s members, summed over keys and fields.
     */
    static double[] corroboration(int[] members, List<PreparedField> fields) {
        int s = members.length;
        double[] score = new double[s * s];
        // per field the members' keys as (hash, entry) sorted, so that equal keys are neighbours: no map per block
        int capacity = 4 * s;
        long[] entries = new long[capacity];
        String[] keyOf = new String[capacity];
        int[] holderOf = new int[capacity];
        int[] group = new int[capacity];
        for (PreparedField field : fields) {
            int m = 0;
            for (int i = 0; i < s; i++) {
                for (String key : field.blockKeys()[members[i]]) {
                    if (m == capacity) {
                        capacity *= 2;
                        entries = Arrays.copyOf(entries, capacity);
                        keyOf = Arrays.copyOf(keyOf, capacity);
                        holderOf = Arrays.copyOf(holderOf, capacity);
                        group = new int[capacity];
                    }
                    keyOf[m] = key;
                    holderOf[m] = i;
                    entries[m] = (long) key.hashCode() << 32 | m;
                    m++;
                }
            }
            Arrays.sort(entries, 0, m);
            int run = 0;
            while (run < m) {
                int end = run + 1;
                while (end < m && entries[end] >>> 32 == entries[run] >>> 32) {
                    end++;
                }
                // a run of one hash: usually one key; keys whose hashes collide are told apart by equals
                for (int first = run; first < end; first++) {
                    String key = keyOf[(int) entries[first]];
                    if (key == null) {
                        continue;
                    }
                    int d = 0;
                    for (int e = first; e < end; e++) {
                        int entry = (int) entries[e];
                        if (keyOf[entry] != null && (keyOf[entry] == key || keyOf[entry].equals(key))) {
                            group[d++] = holderOf[entry];
                            if (e > first) {
                                keyOf[entry] = null;
                            }
                        }
                    }
                    keyOf[(int) entries[first]] = null;
                    addWeight(score, s, group, d);
                }
                run = end;
            }
        }
        return score;
    }

    /** Adds ln(s / d) to every pair of the d holders of one key, unless all s members (or fewer than 2) hold it. */
    private static void addWeight(double[] score, int s, int[] holders, int d) {
        if (d < 2 || d >= s) {
            return;
        }
        double weight = Math.log((double) s / d);
        for (int x = 0; x < d; x++) {
            for (int y = x + 1; y < d; y++) {
                int i = holders[x];
                int j = holders[y];
                if (i != j) {
                    score[i * s + j] += weight;
                    score[j * s + i] += weight;
                }
            }
        }
    }

    /**
     * In a block too large to compare, each twin ({@link Twins}) with its representative, and the representatives in
     * full when the block is large because records repeat (at least half of it twins) and they fit the limit.
     */
    private void emitTwins(
            IntList block, int[] twins, LongList pairs, Linkage linkage, ClusterConstraints constraints) {
        IntList representatives = new IntList();
        for (int k = 0; k < block.size(); k++) {
            int record = block.get(k);
            if (twins[record] == record) {
                representatives.add(record);
            } else if (eligible(twins[record], record, linkage, constraints)) {
                pairs.add(encode(twins[record], record));
            }
        }
        if (representatives.size() <= block.size() / 2 && representatives.size() <= maxBlockSize) {
            fullPairs += emit(representatives.toArray(), pairs, linkage, constraints);
        }
    }

    /** True when two records hold the same blocking keys in every field (equal key arrays are mostly one instance). */
    private static boolean sameKeys(List<PreparedField> fields, int a, int b) {
        for (PreparedField field : fields) {
            String[] x = field.blockKeys()[a];
            String[] y = field.blockKeys()[b];
            if (x != y && !Arrays.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    /** True when member j ranks before member k as a candidate of member i. */
    private static boolean ranksBefore(int[] members, double[] score, int i, int j, int k) {
        int s = members.length;
        double sj = score[i * s + j];
        double sk = score[i * s + k];
        if (sj != sk) {
            return sj > sk;
        }
        return tieBreak(members[i], members[j]) < tieBreak(members[i], members[k]);
    }

    /** A hash of the pair, the same whichever record asks: equal scores are decided neither by input order nor id. */
    static long tieBreak(int a, int b) {
        long x = encode(a, b) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 32;
        x *= 0xD6E8FEB86659FD93L;
        return x ^ (x >>> 32);
    }

    private static boolean eligible(int a, int b, Linkage linkage, ClusterConstraints constraints) {
        return a != b && (linkage == null || linkage.across(a, b)) && !constraints.sameDistinctSource(a, b);
    }

    private static long encode(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }
}
