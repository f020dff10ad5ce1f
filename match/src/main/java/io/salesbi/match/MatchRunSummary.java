package io.salesbi.match;

/**
 * What one nightly matching run did.
 *
 * @param records        customer records matched
 * @param customers      golden customers written
 * @param pairsCompared  candidate pairs compared
 * @param matchPairs     pairs at or above the match threshold (or decided by an id)
 * @param reviewPairs    pairs in the review band
 * @param newCustomers   customers that got a new id
 * @param merges         customer ids merged into another
 * @param splits         customers split off an existing one
 * @param overridesApplied steward overrides applied
 * @param millis         wall-clock time
 */
public record MatchRunSummary(
        long records,
        long customers,
        long pairsCompared,
        long matchPairs,
        long reviewPairs,
        long newCustomers,
        long merges,
        long splits,
        long overridesApplied,
        long millis) {}
