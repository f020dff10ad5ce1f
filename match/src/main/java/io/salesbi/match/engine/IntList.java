package io.salesbi.match.engine;

import java.util.Arrays;

/** A growable list of primitive ints, to keep blocks and clusters free of boxing. */
final class IntList {

    private int[] items = new int[4];
    private int size;

    void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    void addAll(IntList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.items[i]);
        }
    }

    int get(int index) {
        return items[index];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
