package io.salesbi.match;

import java.nio.file.Path;
import java.util.Set;

/**
 * Settings of the nightly customer matching.
 *
 * @param matchThreshold           match probability from which two records are the same customer
 * @param reviewThreshold          match probability from which a pair goes to the steward's review list
 * @param overridesFile            steward overrides: a .csv or .xlsx file, or a folder of them; null for none
 * @param reviewOutDir             folder the review list (.xlsx) is written to; null to write none
 * @param sourcesWithoutDuplicates source systems (crm, erp, ...) declared to hold no duplicates: each of their
 *                                 records is a customer of its own, so two of them are never compared nor merged
 *                                 (linkage for that source); records of other sources are linked to them and
 *                                 deduplicated among themselves as before
 */
public record MatchSettings(
        double matchThreshold,
        double reviewThreshold,
        Path overridesFile,
        Path reviewOutDir,
        Set<String> sourcesWithoutDuplicates) {

    public MatchSettings {
        if (!(reviewThreshold > 0 && reviewThreshold <= matchThreshold && matchThreshold < 1)) {
            throw new IllegalArgumentException("expected 0 < reviewThreshold <= matchThreshold < 1, got review "
                    + reviewThreshold + " and match " + matchThreshold);
        }
        sourcesWithoutDuplicates = sourcesWithoutDuplicates == null ? Set.of() : Set.copyOf(sourcesWithoutDuplicates);
        if (sourcesWithoutDuplicates.size() > io.salesbi.match.engine.ClusterConstraints.MAX_DISTINCT_SOURCES) {
            throw new IllegalArgumentException("at most "
                    + io.salesbi.match.engine.ClusterConstraints.MAX_DISTINCT_SOURCES
                    + " sources without duplicates, got " + sourcesWithoutDuplicates.size());
        }
    }

    public MatchSettings(double matchThreshold, double reviewThreshold, Path overridesFile, Path reviewOutDir) {
        this(matchThreshold, reviewThreshold, overridesFile, reviewOutDir, Set.of());
    }

    public static MatchSettings defaults() {
        return new MatchSettings(0.9, 0.5, null, null);
    }
}
