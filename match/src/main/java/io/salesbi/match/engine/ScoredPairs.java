package io.salesbi.match.engine;

/**
 * Every compared pair with its score, as parallel arrays.
 *
 * @param a           first record index (a < b)
 * @param b           second record index
 * @param logit       log-odds of the posterior match probability (natural log); ±{@link #DECISIVE} for decisive ids
 * @param decisive    +1 when a strong identifier agrees, -1 when VAT ids contradict, 0 otherwise
 * @param comparisons comparison levels on the weighted fields
 */
public record ScoredPairs(int[] a, int[] b, double[] logit, byte[] decisive, ComparisonMatrix comparisons) {

    public static final double DECISIVE = 30.0;

    public int size() {
        return a.length;
    }

    public double probability(int pair) {
        return 1 / (1 + Math.exp(-logit[pair]));
    }

    public int level(int pair, int field) {
        return comparisons.level(pair, field);
    }
}
