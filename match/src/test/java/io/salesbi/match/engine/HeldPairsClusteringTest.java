package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A pair held at the review threshold (names that disagree completely, another house number on one street) counts in
 * the clusterer's average like a pair blocking never proposed, not as a pair exactly at the threshold. The case, from
 * a generated merged register: a day care listed three times (records 0, 1, 3) and a second day care in its building
 * (record 2) on another name; one of the three copies has no phone, so the pair 1-2 is a match edge on name words
 * and address alone, while 0-2 and 3-2 are held.
 */
class HeldPairsClusteringTest {

    private static final double MATCH = Math.log(0.9 / 0.1);
    private static final double REVIEW = 0.0;
    private static final double UNSCORED = Math.log(0.12 / 0.88);

    @Test
    void heldPairsKeepASecondOrganisationOutOfACluster() {
        double held = MatchEngine.heldAtReview(REVIEW);
        // pairs sorted by (a, b): 0-1 +8, 0-2 held, 0-3 +8, 1-2 +3, 1-3 +8, 2-3 held
        int[][] ab = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
        double[] logits = {8.0, held, 8.0, 3.0, 8.0, held};

        int[] clusters = new AverageLinkClusterer(MATCH, REVIEW, UNSCORED)
                .cluster(4, pairs(ab, logits), ClusterConstraints.none());

        // {0, 1, 3} and {2}: (3 + 2 x -1.99) / 3 = -0.33 < 0; with the held pairs at the threshold the average was
        // (3 + 0 + 0) / 3 = +1 and record 2 joined
        assertThat(clusters).containsExactly(0, 0, 2, 0);
    }

    @Test
    void pairsJustBelowTheHeldScoreAreAveragedAsTheyAre() {
        // the same scores without held pairs: 0-2 and 2-3 at -0.5 of their own; (3 - 0.5 - 0.5) / 3 = +0.67 links
        int[][] ab = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
        double[] logits = {8.0, -0.5, 8.0, 3.0, 8.0, -0.5};

        int[] clusters = new AverageLinkClusterer(MATCH, REVIEW, UNSCORED)
                .cluster(4, pairs(ab, logits), ClusterConstraints.none());

        assertThat(clusters).containsExactly(0, 0, 0, 0);
    }

    private static ScoredPairs pairs(int[][] ab, double[] logits) {
        PairStorage storage = PairStorage.heapOnly();
        LargeBuffer a = storage.buffer(4L * ab.length);
        LargeBuffer b = storage.buffer(4L * ab.length);
        LargeBuffer logit = storage.buffer(8L * ab.length);
        LargeBuffer decisive = storage.buffer(ab.length);
        for (int p = 0; p < ab.length; p++) {
            a.putInt(p, ab[p][0]);
            b.putInt(p, ab[p][1]);
            logit.putDouble(p, logits[p]);
        }
        return new ScoredPairs(
                ab.length, a, b, logit, decisive, ComparisonMatrix.packed(1, ab.length, PairStorage.heapOnly()));
    }
}
