package io.salesbi.match.engine;

import java.util.Arrays;

/** A growable list of primitive longs: candidate pairs encoded as (a << 32 | b). */
final class LongList {

    private long[] items = new long[1024];
    private int size;

    void add(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    int size() {
        return size;
    }

    /** The distinct values in ascending order. */
    long[] sortedDistinct() {
        long[] sorted = Arrays.copyOf(items, size);
        Arrays.parallelSort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }
}
