package io.salesbi.match.engine;

/**
 * Two-source linkage instead of deduplication: records come from two lists, and only pairs across the lists are
 * compared, estimated and linked; two records of one list are never merged (each list is known to hold no
 * duplicates). One-to-one links each record to at most one record of the other list; one-to-many lets a record of
 * the first list take several of the second, while a record of the second links to at most one of the first.
 *
 * @param sourceOf per record 0 (first list) or 1 (second list)
 * @param oneToOne true for one-to-one, false for one-to-many
 */
public record Linkage(int[] sourceOf, boolean oneToOne) {

    public Linkage {
        for (int i = 0; i < sourceOf.length; i++) {
            if (sourceOf[i] != 0 && sourceOf[i] != 1) {
                throw new IllegalArgumentException(
                        "source of record " + i + " is " + sourceOf[i] + ", expected 0 or 1");
            }
        }
    }

    /** The first list's records followed by the second's. */
    public static Linkage of(int firstCount, int secondCount, boolean oneToOne) {
        int[] sourceOf = new int[firstCount + secondCount];
        for (int i = firstCount; i < sourceOf.length; i++) {
            sourceOf[i] = 1;
        }
        return new Linkage(sourceOf, oneToOne);
    }

    /** True when a and b come from different lists. */
    boolean across(int a, int b) {
        return sourceOf[a] != sourceOf[b];
    }

    /** Records of each list: {first, second}. */
    long[] counts() {
        long second = 0;
        for (int source : sourceOf) {
            second += source;
        }
        return new long[] {sourceOf.length - second, second};
    }
}
