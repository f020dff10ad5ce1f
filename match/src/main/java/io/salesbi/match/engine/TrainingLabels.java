package io.salesbi.match.engine;

import java.util.List;

/**
 * Record pairs a person has labelled: steward overrides, or a share of a truth file. Labelled matches give the
 * m-probabilities of every field they observe often enough ({@link ParameterEstimator#MIN_LABELLED}), so that EM
 * no longer has to find the match class on its own and only estimates what the labels do not cover. Labelled
 * non-matches are hard cases a person picked, not a sample of all pairs, so they do not enter u, which comes from
 * random pairs as before.
 *
 * @param matches    pairs of record indexes labelled as one entity
 * @param nonMatches pairs of record indexes labelled as different entities
 */
public record TrainingLabels(List<int[]> matches, List<int[]> nonMatches) {

    public static TrainingLabels none() {
        return new TrainingLabels(List.of(), List.of());
    }

    /** The steward's overrides as labels: forced matches and forced splits. */
    public static TrainingLabels of(ClusterConstraints constraints) {
        return new TrainingLabels(constraints.forceMatch(), constraints.forceSplit());
    }
}
