package io.salesbi.match.engine;

import java.util.Arrays;

/**
 * A growable set of primitive longs in the making: candidate pairs encoded as (a << 32 | b). The same pair is
 * proposed by every key its records share (name, postcode, phone ...), so when the array is full its values are
 * first sorted and made distinct in place, and the array grows only when that frees less than half of it. Memory
 * then stays within about four times the distinct pairs, however often each is proposed. Sorting is in place
 * (no parallel merge buffer), so compaction needs no second array.
 */
final class LongList {

    private long[] items = new long[1024];
    private int size;

    void add(long value) {
        if (size == items.length) {
            compact();
            if (size > items.length / 2) {
                items = Arrays.copyOf(items, size * 2);
            }
        }
        items[size++] = value;
    }

    int size() {
        return size;
    }

    /** The distinct values in ascending order. */
    long[] sortedDistinct() {
        compact();
        long[] distinct = Arrays.copyOf(items, size);
        items = new long[0];
        size = 0;
        return distinct;
    }

    private void compact() {
        Arrays.sort(items, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || items[i] != items[i - 1]) {
                items[distinct++] = items[i];
            }
        }
        size = distinct;
    }
}
