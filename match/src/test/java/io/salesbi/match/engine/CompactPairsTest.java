package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compact forms of issue #18 item 8: candidate pairs spilled to sorted runs on disk while blocking, levels
 * packed three bits a field, match edges sorted by primitive keys.
 */
class CompactPairsTest {

    @TempDir
    Path folder;

    @Test
    void aListAtItsLimitSpillsSortedRunsAndReadsBackEachValueOnceInOrder() throws Exception {
        LongList list = new LongList(8, folder);
        List<Long> added = new ArrayList<>();
        // 30 distinct values, each added three times in an order that is not sorted: runs of at most 8 values
        for (int round = 0; round < 3; round++) {
            for (int v = 0; v < 30; v++) {
                long value = (long) ((v * 7) % 30) << 32;
                list.add(value);
                added.add(value);
            }
        }
        assertThat(list.spilled()).isTrue();
        assertThat(list.runCount()).isGreaterThanOrEqualTo(10);

        List<Long> read = new ArrayList<>();
        list.forEachSortedDistinct(read::add);

        assertThat(read).hasSize(30);
        for (int v = 0; v < 30; v++) {
            assertThat(read.get(v)).isEqualTo((long) v << 32);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aListThatStaysWithinItsLimitNeverTouchesTheDisk() throws Exception {
        LongList list = new LongList(8, folder);
        // 12 additions but 4 distinct values: compaction frees enough, nothing is spilled
        for (int i = 0; i < 12; i++) {
            list.add(3 - i % 4);
        }
        List<Long> read = new ArrayList<>();

        list.forEachSortedDistinct(read::add);

        assertThat(read).containsExactly(0L, 1L, 2L, 3L);
        assertThat(files()).isEmpty();
        assertThatThrownBy(() -> new LongList(1, folder)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpilledListCannotBeReadAsOneArray() {
        LongList list = new LongList(2, folder);
        for (int i = 0; i < 5; i++) {
            list.add(i);
        }

        assertThatThrownBy(list::sortedDistinct)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spilled");
    }

    @Test
    void levelsArePackedThreeBitsAFieldInAnIntALongOrBytes() {
        PairStorage storage = new PairStorage(0, 16, folder, 16);
        for (int fields : new int[] {1, 10, 11, 21, 22}) {
            ComparisonMatrix matrix = ComparisonMatrix.packed(fields, 3, storage);
            byte[] row = new byte[fields + 2];
            for (int p = 0; p < 3; p++) {
                for (int f = 0; f < fields; f++) {
                    // -1 (missing) to 4 (the last level of a five-level field) and back
                    row[2 + f] = (byte) ((f + p) % 6 - 1);
                }
                matrix.set(p, row, 2);
            }
            for (int p = 0; p < 3; p++) {
                for (int f = 0; f < fields; f++) {
                    assertThat(matrix.level(p, f))
                            .as("%d fields, pair %d, field %d", fields, p, f)
                            .isEqualTo((f + p) % 6 - 1);
                }
            }
            assertThat(matrix.pairCount()).isEqualTo(3);
            assertThat(matrix.fieldCount()).isEqualTo(fields);
        }
        ComparisonMatrix matrix = ComparisonMatrix.packed(2, 1, storage);
        assertThatThrownBy(() -> matrix.set(0, new byte[] {0, 7}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level 7 of field 1 does not fit 3 bits");
    }

    @Test
    void theBytesOfRandomPairsAreReadAsTheyWere() {
        ComparisonMatrix matrix = new ComparisonMatrix(2, 3, new byte[] {0, 1, -1, 3, 2, 0});

        assertThat(new int[] {matrix.level(0, 1), matrix.level(1, 0), matrix.level(1, 1), matrix.level(2, 0)})
                .containsExactly(1, -1, 3, 2);
    }

    @Test
    void edgesAreSortedStrongestFirstAndEqualLogOddsKeepTheirOrder() {
        double[] logits = {2.5, 7.0, 2.5, -0.0, 0.0, 7.0, 3.25, Double.POSITIVE_INFINITY};
        int[] edges = {10, 11, 12, 13, 14, 15, 16, 17};
        long[] keys = new long[logits.length];
        for (int i = 0; i < logits.length; i++) {
            keys[i] = AverageLinkClusterer.descending(logits[i]);
        }

        EdgeSort.sort(edges, keys);

        // +inf, 7.0 (11 before 15), 3.25, 2.5 (10 before 12), 0.0 before -0.0 as Double.compare orders them
        assertThat(edges).containsExactly(17, 11, 15, 16, 10, 12, 14, 13);
    }

    @Test
    void aLargerSortAgreesWithTheBoxedComparatorItReplaced() {
        int n = 5_000;
        double[] logit = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int[] edges = new int[n];
        long[] keys = new long[n];
        Integer[] boxed = new Integer[n];
        for (int p = 0; p < n; p++) {
            logit[p] = random.nextInt(40) / 4.0 - 2;
            edges[p] = p;
            keys[p] = AverageLinkClusterer.descending(logit[p]);
            boxed[p] = p;
        }

        EdgeSort.sort(edges, keys);
        java.util.Arrays.sort(
                boxed,
                java.util.Comparator.comparingDouble((Integer p) -> -logit[p]).thenComparingInt(p -> p));

        assertThat(edges)
                .containsExactly(java.util.Arrays.stream(boxed)
                        .mapToInt(Integer::intValue)
                        .toArray());
    }

    @Test
    void theAdjacencyFindsEachRecordsPairsAsFirstAndAsSecondRecord() {
        // pairs sorted by (a, b): 0-1 (+2), 0-2 (-1), 1-2 (+4), 2-3 (+5); record 2 is second in three, first in one
        int[][] ab = {{0, 1}, {0, 2}, {1, 2}, {2, 3}};
        double[] logits = {2.0, -1.0, 4.0, 5.0};
        PairStorage storage = new PairStorage(0, 16, folder, 16);
        LargeBuffer a = storage.buffer(16);
        LargeBuffer b = storage.buffer(16);
        LargeBuffer logit = storage.buffer(32);
        LargeBuffer decisive = storage.buffer(8);
        for (int p = 0; p < ab.length; p++) {
            a.putInt(p, ab[p][0]);
            b.putInt(p, ab[p][1]);
            logit.putDouble(p, logits[p]);
        }
        ScoredPairs pairs =
                new ScoredPairs(4, a, b, logit, decisive, ComparisonMatrix.packed(1, 4, PairStorage.heapOnly()));

        ClusterState state = new ClusterState(5, pairs, ClusterConstraints.none(), -3.0, storage);
        boolean merged = state.mergeIfAllowed(1, 2);

        assertThat(merged).isTrue();
        // {0} and {1, 2}: (+2 - 1) / 2
        assertThat(state.averageLogit(0, 1)).isEqualTo(0.5);
        // {3} and {1, 2}: 2-3 scored (+5), 1-3 never proposed (-3): (5 - 3) / 2
        assertThat(state.averageLogit(3, 2)).isEqualTo(1.0);
        // record 4 has no pair at all
        assertThat(state.averageLogit(4, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(state.labels()).containsExactly(0, 1, 1, 3, 4);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
