package io.salesbi.match.engine;

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
 */
final class CandidateBlocker {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateBlocker.class);

    private final int maxBlockSize;
    private final PairStorage storage;

    CandidateBlocker(int maxBlockSize) {
        this(maxBlockSize, PairStorage.heapOnly());
    }

    /** With a storage whose blocking memory bounds the proposed pairs held on the heap (more are spilled to disk). */
    CandidateBlocker(int maxBlockSize, PairStorage storage) {
        this.maxBlockSize = maxBlockSize;
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
        int oversize = 0;
        int dropped = 0;
        for (int f = 0; f < fields.size(); f++) {
            if (!fields.get(f).type().blocksAlone()) {
                continue;
            }
            for (IntList block : blocks(fields.get(f), null).values()) {
                if (block.size() <= maxBlockSize) {
                    emit(block, pairs, linkage, constraints);
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
                        if (sub.size() <= maxSubBlockSize) {
                            emit(sub, pairs, linkage, constraints);
                        } else {
                            dropped++;
                        }
                    }
                }
            }
        }
        LOG.debug(
                "Blocking: {} records, {} oversize blocks refined, {} sub-blocks dropped, {} runs spilled to disk",
                recordCount,
                oversize,
                dropped,
                pairs.runCount());
        return pairs;
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

    private void emitTwins(
            IntList block, int[] twins, LongList pairs, Linkage linkage, ClusterConstraints constraints) {
        IntList representatives = new IntList();
        for (int k = 0; k < block.size(); k++) {
            int record = block.get(k);
            if (twins[record] == record) {
                representatives.add(record);
            } else {
                emitPair(twins[record], record, pairs, linkage, constraints);
            }
        }
        // compared in full when the block is large because records repeat: at least half of it twins
        if (representatives.size() <= block.size() / 2 && representatives.size() <= maxBlockSize) {
            emit(representatives, pairs, linkage, constraints);
        }
    }

    private static void emit(IntList block, LongList pairs, Linkage linkage, ClusterConstraints constraints) {
        int[] members = block.toArray();
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                emitPair(members[i], members[j], pairs, linkage, constraints);
            }
        }
    }

    private static void emitPair(int x, int y, LongList pairs, Linkage linkage, ClusterConstraints constraints) {
        int a = Math.min(x, y);
        int b = Math.max(x, y);
        if (a != b && (linkage == null || linkage.across(a, b)) && !constraints.sameDistinctSource(a, b)) {
            pairs.add((long) a << 32 | b);
        }
    }
}
