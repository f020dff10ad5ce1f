package io.salesbi.match.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one matching run over records given by index.
 *
 * @param weightedFields    names of the fields that carry Fellegi–Sunter weights, in comparison-matrix order
 * @param clusterOf         per record the cluster label: the smallest record index in its cluster
 * @param probability       per record the probability of belonging to its cluster: its best in-cluster pair,
 *                          1.0 for a record alone in its cluster
 * @param pairs             every compared pair with its score
 * @param parameters        the Fellegi–Sunter parameters used
 * @param weights           per weighted field and level the match weight applied (natural log)
 * @param priorLogit        log-odds of a match before any field is compared
 * @param termFrequencies   the term-frequency adjustment of exact agreement on each weighted field
 * @param convergence       how the EM estimate of the parameters ended
 * @param millis            wall-clock time of the run
 */
public record MatchResult(
        List<String> weightedFields,
        int[] clusterOf,
        double[] probability,
        ScoredPairs pairs,
        ModelParameters parameters,
        double[][] weights,
        double priorLogit,
        TermFrequencies termFrequencies,
        EmConvergence convergence,
        long millis) {

    public int clusterCount() {
        int count = 0;
        for (int i = 0; i < clusterOf.length; i++) {
            if (clusterOf[i] == i) {
                count++;
            }
        }
        return count;
    }

    /**
     * Log-odds of a pair on its weighted fields alone: its score, except for pairs decided by an id, which are
     * scored here as if the id were missing.
     */
    public double fieldLogit(int pair) {
        double sum = priorLogit;
        for (int f = 0; f < weights.length; f++) {
            sum += weight(pair, f);
        }
        return sum;
    }

    /**
     * The pair of records a and b explained field by field; null when blocking did not propose the pair, so that it
     * was never compared.
     */
    public PairExplanation explain(int a, int b) {
        int pair = -1;
        for (int p = 0; p < pairs.size() && pair < 0; p++) {
            if (pairs.a(p) == a && pairs.b(p) == b || pairs.a(p) == b && pairs.b(p) == a) {
                pair = p;
            }
        }
        return pair < 0 ? null : explain(pair);
    }

    /** The compared pair with this index explained field by field. */
    public PairExplanation explain(int pair) {
        List<PairExplanation.Contribution> fields = new ArrayList<>(weights.length);
        for (int f = 0; f < weights.length; f++) {
            int level = pairs.level(pair, f);
            double weight = level < 0 ? 0.0 : weights[f][level];
            double adjustment = level < 0 ? 0.0 : termFrequencies.adjustment(f, level, pairs.a(pair));
            fields.add(new PairExplanation.Contribution(
                    weightedFields.get(f), level, weights[f].length, weight, adjustment));
        }
        int decisive = pairs.decisive(pair);
        double logit = pairs.logit(pair);
        boolean held = decisive == 0 && logit < fieldLogit(pair) - 1e-9;
        return new PairExplanation(pair, priorLogit, fields, logit, decisive, held);
    }

    /** The weight a field contributed to a pair: its level's weight, adjusted for the agreeing value's frequency. */
    public double weight(int pair, int field) {
        int level = pairs.level(pair, field);
        if (level < 0) {
            return 0.0;
        }
        return weights[field][level] + termFrequencies.adjustment(field, level, pairs.a(pair));
    }
}
