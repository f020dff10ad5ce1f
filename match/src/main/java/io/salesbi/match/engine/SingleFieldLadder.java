package io.salesbi.match.engine;

/**
 * Match probabilities by comparison level for a list matched on one field alone. With one field the two-class
 * mixture behind Fellegi–Sunter is not identifiable (any split of the levels explains the data equally well),
 * so the level itself decides: exact 0.99, close 0.95, then 0.7 (review), 0.2, and 0.01 for disagreement.
 */
final class SingleFieldLadder {

    private static final double[] LADDER = {0.99, 0.95, 0.7, 0.2};
    private static final double DIFFERENT = 0.01;

    private SingleFieldLadder() {}

    /** Per level the log-odds of the ladder's probability, as one weighted field with prior log-odds 0. */
    static double[][] weights(FieldType type) {
        int levels = type.levels();
        double[] logOdds = new double[levels];
        for (int l = 0; l < levels; l++) {
            double p = l == levels - 1 ? DIFFERENT : LADDER[Math.min(l, LADDER.length - 1)];
            logOdds[l] = Math.log(p / (1 - p));
        }
        return new double[][] {logOdds};
    }
}
