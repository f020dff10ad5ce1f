package io.salesbi.match.engine;

import java.util.Arrays;
import java.util.List;

/** The distinct comparison patterns of a set of pairs with their counts: what EM iterates over. */
final class Patterns {

    private final int fieldCount;
    private final byte[] levels;
    private final double[] weights;

    private Patterns(int fieldCount, byte[] levels, double[] weights) {
        this.fieldCount = fieldCount;
        this.levels = levels;
        this.weights = weights;
    }

    static Patterns of(List<PreparedField> fields, ComparisonMatrix matrix) {
        int fieldCount = fields.size();
        long[] radix = new long[fieldCount];
        long product = 1;
        for (int f = 0; f < fieldCount; f++) {
            radix[f] = product;
            product *= fields.get(f).type().levels() + 1;
        }
        long[] keys = new long[matrix.pairCount()];
        for (int p = 0; p < keys.length; p++) {
            long key = 0;
            for (int f = 0; f < fieldCount; f++) {
                key += (matrix.level(p, f) + 1) * radix[f];
            }
            keys[p] = key;
        }
        Arrays.parallelSort(keys);
        int distinct = 0;
        for (int p = 0; p < keys.length; p++) {
            if (p == 0 || keys[p] != keys[p - 1]) {
                distinct++;
            }
        }
        byte[] levels = new byte[distinct * fieldCount];
        double[] weights = new double[distinct];
        int index = -1;
        for (int p = 0; p < keys.length; p++) {
            if (p == 0 || keys[p] != keys[p - 1]) {
                index++;
                long key = keys[p];
                for (int f = 0; f < fieldCount; f++) {
                    levels[index * fieldCount + f] =
                            (byte) ((key / radix[f]) % (fields.get(f).type().levels() + 1) - 1);
                }
            }
            weights[index]++;
        }
        return new Patterns(fieldCount, levels, weights);
    }

    /** Both pattern sets in one, the second's counts multiplied by a weight (random pairs standing for all pairs). */
    static Patterns concat(Patterns first, Patterns second, double secondWeight) {
        int fieldCount = first.fieldCount;
        byte[] levels = Arrays.copyOf(first.levels, first.levels.length + second.levels.length);
        System.arraycopy(second.levels, 0, levels, first.levels.length, second.levels.length);
        double[] weights = Arrays.copyOf(first.weights, first.weights.length + second.weights.length);
        for (int p = 0; p < second.weights.length; p++) {
            weights[first.weights.length + p] = second.weights[p] * secondWeight;
        }
        return new Patterns(fieldCount, levels, weights);
    }

    int count() {
        return weights.length;
    }

    int level(int pattern, int field) {
        return levels[pattern * fieldCount + field];
    }

    double weight(int pattern) {
        return weights[pattern];
    }
}
