package io.salesbi.match.engine;

/**
 * Tuning of the match engine.
 *
 * @param matchThreshold  posterior match probability from which a pair is a match
 * @param reviewThreshold posterior match probability from which a pair goes to steward review
 * @param maxBlockSize    blocks with more records are refined by a second field instead of compared in full
 * @param randomPairs     number of random record pairs sampled to estimate the u probabilities
 * @param emIterations    maximum number of EM iterations for the m probabilities
 * @param defaultCountry  ISO country assumed for phone numbers without international prefix
 * @param parameters      fixed m/u parameters overriding the estimates; null to estimate all from the data
 * @param unscoredPairProbability match probability assumed, when two clusters may merge, for the pairs between
 *                        them that blocking never proposed
 */
public record EngineSettings(
        double matchThreshold,
        double reviewThreshold,
        int maxBlockSize,
        int randomPairs,
        int emIterations,
        String defaultCountry,
        ModelParameters parameters,
        double unscoredPairProbability) {

    public EngineSettings {
        if (!(reviewThreshold > 0 && reviewThreshold <= matchThreshold && matchThreshold < 1)) {
            throw new IllegalArgumentException("expected 0 < reviewThreshold <= matchThreshold < 1, got review "
                    + reviewThreshold + " and match " + matchThreshold);
        }
        if (!(unscoredPairProbability > 0 && unscoredPairProbability < 1)) {
            throw new IllegalArgumentException(
                    "unscoredPairProbability must be in (0, 1), got " + unscoredPairProbability);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2, got " + maxBlockSize);
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(0.9, 0.5, 100, 50_000, 40, "DE", null, 0.12);
    }

    public EngineSettings withThresholds(double match, double review) {
        return new EngineSettings(
                match,
                review,
                maxBlockSize,
                randomPairs,
                emIterations,
                defaultCountry,
                parameters,
                unscoredPairProbability);
    }

    public EngineSettings withParameters(ModelParameters fixed) {
        return new EngineSettings(
                matchThreshold,
                reviewThreshold,
                maxBlockSize,
                randomPairs,
                emIterations,
                defaultCountry,
                fixed,
                unscoredPairProbability);
    }
}
