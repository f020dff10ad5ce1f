package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which pairs blocking proposes for hand-written lists: blocks compared in full up to the size the pair budget
 * allows, larger blocks only where another key corroborates a pair, at most a given number of candidates per record,
 * identical records always (issue #18 item 8).
 */
class CandidateBlockerTest {

    /** Ten records: one postcode block of 4 (records 0-3), one of 2 (4, 5), one of 3 (6, 7, 8), record 9 alone. */
    private static final String[] POSTCODES = {
        "10115", "10115", "10115", "10115", "20095", "20095", "80331", "80331", "80331", "50667"
    };

    @Test
    void aListWithinTheBudgetIsComparedInFull() {
        List<PreparedField> fields = List.of(field(FieldType.POSTCODE, POSTCODES));

        // 6 + 1 + 3 = 10 pairs, the budget 2 a record = 20: every block in full, as before the budget existed
        long[] pairs = new CandidateBlocker(100, 2, 2, 0, PairStorage.heapOnly())
                .candidatePairs(fields, 10, null, ClusterConstraints.none())
                .sortedDistinct();

        assertThat(decode(pairs)).containsExactly("0-1", "0-2", "0-3", "1-2", "1-3", "2-3", "4-5", "6-7", "6-8", "7-8");
    }

    @Test
    void theFullSizeStopsWhereTheBlocksWouldOutgrowTheBudget() {
        CandidateBlocker blocker = new CandidateBlocker(10, 2, 1, 0, PairStorage.heapOnly());
        // blocks of 2, 2, 3 and 5 records: 1 + 1 + 3 + 10 pairs
        List<int[]> blocks =
                List.of(new int[] {0, 1}, new int[] {2, 3}, new int[] {4, 5, 6}, new int[] {0, 2, 4, 6, 8});

        // budget 1 a record of 10 = 10: sizes 2 and 3 fit (5 pairs), size 4 adds none, size 5 would make 15
        assertThat(blocker.fullBlockSize(blocks, 10)).isEqualTo(4);
        // budget 15: the block of 5 fits exactly, and so does every size up to the limit
        assertThat(new CandidateBlocker(10, 2, 1, 15, PairStorage.heapOnly()).fullBlockSize(blocks, 10))
                .isEqualTo(10);
        // budget 14: one pair short
        assertThat(new CandidateBlocker(10, 2, 1, 14, PairStorage.heapOnly()).fullBlockSize(blocks, 10))
                .isEqualTo(4);
        // a budget of nothing: only sizes without blocks, and never below the smallest full size
        assertThat(new CandidateBlocker(10, 2, 0, 0, PairStorage.heapOnly()).fullBlockSize(blocks, 10))
                .isEqualTo(2);
        assertThat(new CandidateBlocker(10, 5, 0, 0, PairStorage.heapOnly()).fullBlockSize(blocks, 10))
                .isEqualTo(5);
    }

    @Test
    void aLargerBlockPairsOnlyTheRecordsAnotherKeyCorroborates() {
        // house numbers open no block of their own; in the postcode block of 4 they corroborate 0-1 (both 12)
        List<PreparedField> fields = List.of(
                field(FieldType.POSTCODE, POSTCODES),
                field(FieldType.HOUSE_NUMBER, "12", "12", "7", "9", "1", "2", "3", "3", "4", "5"));

        // budget 4 pairs: the blocks of 2 and 3 records fit (1 + 3), the block of 4 (6 more) does not: full up to 3
        long[] pairs = new CandidateBlocker(100, 2, 0, 4, PairStorage.heapOnly())
                .candidatePairs(fields, 10, null, ClusterConstraints.none())
                .sortedDistinct();

        // block of 4 > 3: only 0-1; block of 2 and block of 3 in full; record 9 alone
        assertThat(decode(pairs)).containsExactly("0-1", "4-5", "6-7", "6-8", "7-8");
    }

    @Test
    void eachRecordKeepsItsBestCandidatesUpToTheCap() {
        // one block of 4 records; keys of a second field: k1 held by 0, 1, 2 (weight ln 4/3), k2 by 0, 1 (ln 2),
        // k3 by 3 alone and k4 by 1 alone (no pair). Scores: 0-1 ln 4/3 + ln 2, 0-2 and 1-2 ln 4/3, 3 with nobody.
        List<PreparedField> fields = List.of(
                field(FieldType.POSTCODE, "10115", "10115", "10115", "10115"),
                keyed(FieldType.HOUSE_NUMBER, new String[][] {{"k1", "k2"}, {"k1", "k2", "k4"}, {"k1"}, {"k3"}}));
        int[] block = {0, 1, 2, 3};

        double[] score = CandidateBlocker.corroboration(block, fields);
        assertThat(score[0 * 4 + 1]).isCloseTo(Math.log(4.0 / 3) + Math.log(2), within());
        assertThat(score[1 * 4 + 0]).isEqualTo(score[0 * 4 + 1]);
        assertThat(score[0 * 4 + 2]).isCloseTo(Math.log(4.0 / 3), within());
        assertThat(score[1 * 4 + 2]).isCloseTo(Math.log(4.0 / 3), within());
        assertThat(score[0 * 4 + 3]).isZero();
        assertThat(score[2 * 4 + 3]).isZero();

        // two a record: 0 keeps 1 and 2, 1 keeps 0 and 2, 2 keeps 0 and 1, 3 has no candidate
        assertThat(ranked(block, fields, 2)).containsExactly("0-1", "0-2", "1-2");
        // one a record: 0 and 1 keep each other; 2's two candidates tie and the pair's hash decides
        String second = CandidateBlocker.tieBreak(2, 0) < CandidateBlocker.tieBreak(2, 1) ? "0-2" : "1-2";
        assertThat(ranked(block, fields, 1)).containsExactly("0-1", second);
        // none a record: nothing
        assertThat(ranked(block, fields, 0)).isEmpty();
    }

    @Test
    void keysWhoseHashesCollideAreStillTwoKeys() {
        // "Aa" and "BB" have the same String.hashCode
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        List<PreparedField> fields = List.of(
                field(FieldType.POSTCODE, "10115", "10115", "10115", "10115"),
                keyed(FieldType.HOUSE_NUMBER, new String[][] {{"Aa"}, {"Aa", "x"}, {"BB"}, {"BB", "y"}}));

        double[] score = CandidateBlocker.corroboration(new int[] {0, 1, 2, 3}, fields);

        assertThat(score[0 * 4 + 1]).isCloseTo(Math.log(2), within());
        assertThat(score[2 * 4 + 3]).isCloseTo(Math.log(2), within());
        assertThat(score[0 * 4 + 2]).isZero();
        assertThat(score[1 * 4 + 3]).isZero();
    }

    @Test
    void aKeyEveryMemberHoldsCorroboratesNothing() {
        // in a postcode block every record holds the same city: it weighs ln(4/4) = 0 and pairs no one
        List<PreparedField> fields = List.of(
                field(FieldType.POSTCODE, "10115", "10115", "10115", "10115"),
                field(FieldType.CITY, "berlin", "berlin", "berlin", "berlin"),
                field(FieldType.PHONE, "301", "302", "303", "301"));

        assertThat(ranked(new int[] {0, 1, 2, 3}, fields, 3)).containsExactly("0-3");
    }

    @Test
    void identicalRecordsArePairedBeyondTheCap() {
        // records 0, 1, 2 hold the same keys in every field (one entity written the same way three times), 3 another
        List<PreparedField> fields = List.of(
                field(FieldType.COMPANY, "philips", "philips", "philips", "philips"),
                field(FieldType.CITY, "eindhoven", "eindhoven", "eindhoven", "amsterdam"));

        // the cap of one candidate would leave one of the three pairs of 0, 1, 2 out
        assertThat(ranked(new int[] {0, 1, 2, 3}, fields, 1)).containsExactly("0-1", "0-2", "1-2");
    }

    @Test
    void rankedPairsRespectTheLinkageAndSourcesWithoutDuplicates() {
        List<PreparedField> fields = List.of(
                field(FieldType.POSTCODE, "10115", "10115", "10115", "10115"),
                field(FieldType.PHONE, "301", "301", "301", "302"));
        int[] block = {0, 1, 2, 3};

        // 0, 1 and 2 share the phone; with records 0 and 1 in one list and 2, 3 in the other, only 0-2 and 1-2 are left
        LongList across = new LongList();
        CandidateBlocker.emitRanked(
                block, fields, 3, across, new Linkage(new int[] {0, 0, 1, 1}, true), ClusterConstraints.none());
        assertThat(decode(across.sortedDistinct())).containsExactly("0-2", "1-2");
        // records 0 and 2 of one source without duplicates: 0-2 never
        LongList distinct = new LongList();
        CandidateBlocker.emitRanked(
                block, fields, 3, distinct, null, ClusterConstraints.none().withDistinctSources(new int[] {0, -1, 0, -1
                }));
        assertThat(decode(distinct.sortedDistinct())).containsExactly("0-1", "1-2");
    }

    @Test
    void theSmallestFullSizeIsWithinTheBlockLimit() {
        assertThatThrownBy(() -> new CandidateBlocker(10, 1, 20, 0, PairStorage.heapOnly()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minFullBlockSize must be in [2, 10], got 1");
        assertThatThrownBy(() -> new CandidateBlocker(10, 11, 20, 0, PairStorage.heapOnly()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ranked(int[] block, List<PreparedField> fields, int perRecord) {
        LongList pairs = new LongList();
        int added = CandidateBlocker.emitRanked(block, fields, perRecord, pairs, null, ClusterConstraints.none());
        List<String> decoded = decode(pairs.sortedDistinct());
        assertThat(added).isEqualTo(decoded.size());
        return decoded;
    }

    private static List<String> decode(long[] pairs) {
        List<String> decoded = new ArrayList<>();
        for (long pair : pairs) {
            decoded.add((pair >>> 32) + "-" + (int) pair);
        }
        return decoded;
    }

    /** A field whose only blocking key is its value. */
    private static PreparedField field(FieldType type, String... values) {
        String[][] keys = new String[values.length][];
        for (int i = 0; i < values.length; i++) {
            keys[i] = new String[] {values[i]};
        }
        return keyed(type, keys);
    }

    private static PreparedField keyed(FieldType type, String[][] keys) {
        String[] values = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = String.join(" ", keys[i]);
        }
        return new PreparedField(type, values, null, null, keys);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
