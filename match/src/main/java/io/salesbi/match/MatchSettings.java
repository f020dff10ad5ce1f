package io.salesbi.match;

import java.nio.file.Path;

/**
 * Settings of the nightly customer matching.
 *
 * @param matchThreshold  match probability from which two records are the same customer
 * @param reviewThreshold match probability from which a pair goes to the steward's review list
 * @param overridesFile   steward overrides: a .csv or .xlsx file, or a folder of them; null for none
 * @param reviewOutDir    folder the review list (.xlsx) is written to; null to write none
 */
public record MatchSettings(double matchThreshold, double reviewThreshold, Path overridesFile, Path reviewOutDir) {

    public MatchSettings {
        if (!(reviewThreshold > 0 && reviewThreshold <= matchThreshold && matchThreshold < 1)) {
            throw new IllegalArgumentException("expected 0 < reviewThreshold <= matchThreshold < 1, got review "
                    + reviewThreshold + " and match " + matchThreshold);
        }
    }

    public static MatchSettings defaults() {
        return new MatchSettings(0.9, 0.5, null, null);
    }
}
