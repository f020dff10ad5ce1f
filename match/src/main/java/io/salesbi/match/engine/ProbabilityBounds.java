package io.salesbi.match.engine;

/**
 * Bounds on the m and u probabilities that EM estimates, so that the estimate cannot run off into a corner on a
 * large or odd list: true duplicates agree exactly on a field at least half the time and never always (m of exact
 * agreement in [0.5, 0.9999]); two records picked at random agree on a field at most half the time (u of every
 * agreement level at most 0.5, except countries, where most random pairs do agree); no level is ever impossible.
 * Splink bounds its estimates the same way, so that a weight never becomes infinite.
 */
final class ProbabilityBounds {

    static final double M_EXACT_MIN = 0.5;
    static final double M_EXACT_MAX = 0.9999;
    static final double U_AGREEMENT_MAX = 0.5;
    static final double LEVEL_MIN = 1e-5;

    private ProbabilityBounds() {}

    static double[] boundM(double[] m) {
        return bound(m, 0, M_EXACT_MIN, M_EXACT_MAX);
    }

    /**
     * Across two lists ({@code twoSources}) true pairs need not agree exactly at all on a field that each source
     * writes its own way (DBLP's "SIGMOD Conference", the ACM library's "International Conference on Management of
     * Data"); held at 0.5 there, exact agreement took half of m from the levels true pairs do show, and every true
     * pair lost about 1.4 on the field. So across two lists m of exact agreement is bounded only from above.
     */
    static double[] boundM(double[] m, boolean twoSources) {
        return bound(m, 0, twoSources ? LEVEL_MIN : M_EXACT_MIN, M_EXACT_MAX);
    }

    static double[] boundU(double[] u, FieldType type) {
        if (type == FieldType.COUNTRY) {
            return u;
        }
        double[] bounded = u;
        for (int level = 0; level < u.length - 1; level++) {
            bounded = bound(bounded, level, LEVEL_MIN, U_AGREEMENT_MAX);
        }
        return bounded;
    }

    /**
     * The distribution with one level moved into [min, max] and the other levels rescaled to keep the sum at 1,
     * none below {@link #LEVEL_MIN}.
     */
    static double[] bound(double[] p, int level, double min, double max) {
        double target = Math.min(max, Math.max(min, p[level]));
        if (target == p[level]) {
            return p;
        }
        double rest = 1 - p[level];
        double[] bounded = new double[p.length];
        for (int l = 0; l < p.length; l++) {
            bounded[l] = l == level
                    ? target
                    : Math.max(LEVEL_MIN, rest <= 0 ? (1 - target) / (p.length - 1) : p[l] / rest * (1 - target));
        }
        return bounded;
    }
}
