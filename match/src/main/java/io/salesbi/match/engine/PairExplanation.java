package io.salesbi.match.engine;

import java.util.List;

/**
 * Why a pair scored what it did, field by field, as a waterfall: the prior log-odds, then each weighted field's
 * level, its weight and the term-frequency adjustment of an exact agreement, then the score used.
 *
 * @param pair          the pair's index among the compared pairs
 * @param priorLogit    log-odds of a match before any field is compared
 * @param fields        each weighted field's contribution, in field order
 * @param logit         the score the clustering used: the sum, an id's decision, or the sum held at review
 * @param decisive      +1 linked by an agreeing id, -1 kept apart by contradicting VAT ids, 0 scored on fields
 * @param heldAtReview  true when the score was held at the review threshold: organisation names that disagree, or
 *                      another house number on the same street
 */
public record PairExplanation(
        int pair, double priorLogit, List<Contribution> fields, double logit, int decisive, boolean heldAtReview) {

    /**
     * One field's part.
     *
     * @param field       the field's name
     * @param level       comparison level, 0 exact; -1 when a value is missing
     * @param levels      number of levels of the field's type
     * @param weight      the level's weight (natural log of m / u)
     * @param adjustment  term-frequency adjustment of an exact agreement on the pair's value (0 otherwise)
     */
    public record Contribution(String field, int level, int levels, double weight, double adjustment) {

        public double total() {
            return weight + adjustment;
        }
    }

    /** Sum of the prior and all fields' contributions. */
    public double fieldLogit() {
        double sum = priorLogit;
        for (Contribution field : fields) {
            sum += field.total();
        }
        return sum;
    }

    public double probability() {
        return 1 / (1 + Math.exp(-logit));
    }
}
