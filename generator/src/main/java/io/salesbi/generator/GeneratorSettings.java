package io.salesbi.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the demo data generator produces and where.
 *
 * @param scale      size factor, linear in every row count: 1.0 gives about 5,000 source customer records
 *                   (about 2,600 true companies) and about 500,000 order lines; fractions such as 0.01 give small
 *                   inboxes for tests. A double, not an int, so that tests can run in a fraction of a second.
 * @param seed       the random seed: the same seed, scale and export date give byte-identical files
 * @param outDir     the generator writes {@code outDir/inbox/<source>/...} and {@code outDir/truth/...}
 * @param exportDate the day the exports were pulled: file name suffix {@code YYYYMMDD}, "Stand" of the
 *                   rep lists and the fixed creation date of the workbooks; must lie after the last order year
 */
public record GeneratorSettings(double scale, long seed, Path outDir, LocalDate exportDate) {

    /** First and last year with orders (three full years, docs/inbox-formats.md). */
    public static final int FIRST_YEAR = 2023;

    public static final int LAST_YEAR = 2025;

    public GeneratorSettings {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(exportDate, "exportDate");
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("scale must be > 0 and <= 100, was " + scale);
        }
        if (!exportDate.isAfter(LocalDate.of(LAST_YEAR, 12, 31))) {
            throw new IllegalArgumentException("exportDate must be after " + LAST_YEAR + "-12-31, was " + exportDate);
        }
    }

    /** Settings with the export date the demo uses by default (2026-01-15). */
    public static GeneratorSettings of(double scale, long seed, Path outDir) {
        return new GeneratorSettings(scale, seed, outDir, LocalDate.of(LAST_YEAR + 1, 1, 15));
    }

    /** Scales a count given for scale 1, never below {@code minimum}. */
    int scaled(double countAtScaleOne, int minimum) {
        return scaled(scale, countAtScaleOne, minimum);
    }

    /** Scales a count given for scale 1 to any scale, never below {@code minimum}. */
    static int scaled(double scale, double countAtScaleOne, int minimum) {
        return Math.max(minimum, (int) Math.round(countAtScaleOne * scale));
    }
}
