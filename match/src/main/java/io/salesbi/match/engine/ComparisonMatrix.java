package io.salesbi.match.engine;

/**
 * Comparison levels of many record pairs on the weighted (non-decisive) fields, one byte per pair and field,
 * with {@link FieldComparator#MISSING} stored as -1.
 */
record ComparisonMatrix(int fieldCount, int pairCount, byte[] levels) {

    int level(int pair, int field) {
        return levels[pair * fieldCount + field];
    }
}
