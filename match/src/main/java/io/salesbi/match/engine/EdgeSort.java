package io.salesbi.match.engine;

/**
 * Sorts parallel arrays of values and their long keys by ascending key, stably (values of equal keys keep their
 * order), without boxing: a bottom-up merge sort with one buffer of each.
 */
final class EdgeSort {

    private EdgeSort() {}

    static void sort(int[] values, long[] keys) {
        int n = values.length;
        if (keys.length != n) {
            throw new IllegalArgumentException(n + " values but " + keys.length + " keys");
        }
        int[] values2 = new int[n];
        long[] keys2 = new long[n];
        int[] fromValues = values;
        long[] fromKeys = keys;
        int[] toValues = values2;
        long[] toKeys = keys2;
        for (int width = 1; width < n; width *= 2) {
            for (int left = 0; left < n; left += 2 * width) {
                int middle = Math.min(n, left + width);
                int right = Math.min(n, left + 2 * width);
                int i = left;
                int j = middle;
                for (int k = left; k < right; k++) {
                    // <= keeps the left run's value first among equal keys: stable
                    if (i < middle && (j >= right || fromKeys[i] <= fromKeys[j])) {
                        toValues[k] = fromValues[i];
                        toKeys[k] = fromKeys[i++];
                    } else {
                        toValues[k] = fromValues[j];
                        toKeys[k] = fromKeys[j++];
                    }
                }
            }
            int[] swapValues = fromValues;
            fromValues = toValues;
            toValues = swapValues;
            long[] swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
        }
        if (fromValues != values) {
            System.arraycopy(fromValues, 0, values, 0, n);
            System.arraycopy(fromKeys, 0, keys, 0, n);
        }
    }
}
