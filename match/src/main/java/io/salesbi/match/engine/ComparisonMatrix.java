package io.salesbi.match.engine;

/**
 * Comparison levels of many record pairs on the weighted (non-decisive) fields, with {@link FieldComparator#MISSING}
 * read as -1. Made from one byte per pair and field (the random pairs EM samples), or packed for the candidate
 * pairs: a field has at most {@link #MAX_CODES} codes (its levels and missing), three bits, so up to ten fields fit
 * one int per pair and up to 21 one long (4 or 8 bytes per pair instead of one per field), in a column that lives
 * outside the heap when the pairs are many.
 */
final class ComparisonMatrix {

    /** Codes a field's level may take when packed: level + 1, missing being 0. */
    static final int MAX_CODES = 8;

    private static final int BITS = 3;
    private static final int FIELDS_PER_INT = 32 / BITS;
    private static final int FIELDS_PER_LONG = 64 / BITS;

    private enum Layout {
        BYTES,
        INT,
        LONG
    }

    private final int fieldCount;
    private final int pairCount;
    private final Layout layout;
    private final LargeBuffer levels;

    /** One byte per pair and field, {@code levels[pair * fieldCount + field]}; the array is used, not copied. */
    ComparisonMatrix(int fieldCount, int pairCount, byte[] levels) {
        this(fieldCount, pairCount, Layout.BYTES, LargeBuffer.wrap(levels));
    }

    private ComparisonMatrix(int fieldCount, int pairCount, Layout layout, LargeBuffer levels) {
        this.fieldCount = fieldCount;
        this.pairCount = pairCount;
        this.layout = layout;
        this.levels = levels;
    }

    /**
     * An empty packed matrix to be filled with {@link #set}: an int per pair up to ten fields, a long up to 21, a
     * byte per field beyond.
     */
    static ComparisonMatrix packed(int fieldCount, int pairCount, PairStorage storage) {
        Layout layout =
                fieldCount <= FIELDS_PER_INT ? Layout.INT : fieldCount <= FIELDS_PER_LONG ? Layout.LONG : Layout.BYTES;
        long bytes = (long) pairCount
                * switch (layout) {
                    case INT -> 4;
                    case LONG -> 8;
                    case BYTES -> fieldCount;
                };
        return new ComparisonMatrix(fieldCount, pairCount, layout, storage.buffer(Math.max(8, bytes)));
    }

    int fieldCount() {
        return fieldCount;
    }

    int pairCount() {
        return pairCount;
    }

    int level(int pair, int field) {
        return switch (layout) {
            case INT -> (int) ((levels.getInt(pair) >>> (field * BITS)) & (MAX_CODES - 1)) - 1;
            case LONG -> (int) ((levels.getLong(pair) >>> (field * BITS)) & (MAX_CODES - 1)) - 1;
            case BYTES -> levels.getByte((long) pair * fieldCount + field);
        };
    }

    /** Stores a pair's levels, read from {@code row[offset .. offset + fieldCount)}. */
    void set(int pair, byte[] row, int offset) {
        switch (layout) {
            case INT -> levels.putInt(pair, (int) pack(row, offset));
            case LONG -> levels.putLong(pair, pack(row, offset));
            case BYTES -> {
                for (int f = 0; f < fieldCount; f++) {
                    levels.putByte((long) pair * fieldCount + f, row[offset + f]);
                }
            }
        }
    }

    private long pack(byte[] row, int offset) {
        long packed = 0;
        for (int f = 0; f < fieldCount; f++) {
            int code = row[offset + f] + 1;
            if (code < 0 || code >= MAX_CODES) {
                throw new IllegalArgumentException(
                        "level " + row[offset + f] + " of field " + f + " does not fit " + BITS + " bits");
            }
            packed |= (long) code << (f * BITS);
        }
        return packed;
    }

    /** No more writes: a mapped column's file is deleted (the mapping stays). */
    void seal() {
        levels.seal();
    }
}
