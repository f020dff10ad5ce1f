package io.salesbi.match.engine;

/**
 * Every compared pair with its score, as parallel columns indexed by pair, the pairs in ascending order of (a, b).
 * The columns live outside the heap when the pairs are many ({@link PairStorage}): per pair 4 + 4 bytes for the
 * records, 8 for the log-odds, 1 for the decisive flag, and the packed levels.
 */
public final class ScoredPairs {

    public static final double DECISIVE = 30.0;

    private final int size;
    private final LargeBuffer a;
    private final LargeBuffer b;
    private final LargeBuffer logit;
    private final LargeBuffer decisive;
    private final ComparisonMatrix comparisons;

    ScoredPairs(
            int size,
            LargeBuffer a,
            LargeBuffer b,
            LargeBuffer logit,
            LargeBuffer decisive,
            ComparisonMatrix comparisons) {
        this.size = size;
        this.a = a;
        this.b = b;
        this.logit = logit;
        this.decisive = decisive;
        this.comparisons = comparisons;
    }

    public int size() {
        return size;
    }

    /** First record index of the pair (a < b). */
    public int a(int pair) {
        return a.getInt(pair);
    }

    /** Second record index of the pair. */
    public int b(int pair) {
        return b.getInt(pair);
    }

    /** Log-odds of the posterior match probability (natural log); ±{@link #DECISIVE} for decisive ids. */
    public double logit(int pair) {
        return logit.getDouble(pair);
    }

    /** +1 when a strong identifier agrees, -1 when VAT ids contradict, 0 otherwise. */
    public int decisive(int pair) {
        return decisive.getByte(pair);
    }

    public double probability(int pair) {
        return 1 / (1 + Math.exp(-logit(pair)));
    }

    /** Comparison level of the pair on a weighted field, -1 when a value is missing. */
    public int level(int pair, int field) {
        return comparisons.level(pair, field);
    }

    ComparisonMatrix comparisons() {
        return comparisons;
    }
}
