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
        // distinct patterns counted in a small open-addressing table instead of sorting one key per pair: a few
        // thousand patterns, where the pairs are millions (a sorted copy of their keys was 8 bytes per pair)
        long[] table = new long[1024];
        double[] tableCounts = new double[table.length];
        int used = 0;
        for (int p = 0; p < matrix.pairCount(); p++) {
            long key = 0;
            for (int f = 0; f < fieldCount; f++) {
                key += (matrix.level(p, f) + 1) * radix[f];
            }
            // stored as key + 1 so that 0 marks an empty slot
            int slot = slot(key + 1, table.length);
            while (table[slot] != 0 && table[slot] != key + 1) {
                slot = (slot + 1) & (table.length - 1);
            }
            if (table[slot] == 0) {
                table[slot] = key + 1;
                used++;
            }
            tableCounts[slot]++;
            if (used * 2 > table.length) {
                long[] oldTable = table;
                double[] oldCounts = tableCounts;
                table = new long[oldTable.length * 2];
                tableCounts = new double[table.length];
                for (int s = 0; s < oldTable.length; s++) {
                    if (oldTable[s] != 0) {
                        int t = slot(oldTable[s], table.length);
                        while (table[t] != 0) {
                            t = (t + 1) & (table.length - 1);
                        }
                        table[t] = oldTable[s];
                        tableCounts[t] = oldCounts[s];
                    }
                }
            }
        }
        long[] keys = new long[used];
        int k = 0;
        for (int s = 0; s < table.length; s++) {
            if (table[s] != 0) {
                keys[k++] = table[s] - 1;
            }
        }
        Arrays.sort(keys);
        int distinct = keys.length;
        byte[] levels = new byte[distinct * fieldCount];
        double[] weights = new double[distinct];
        for (int index = 0; index < distinct; index++) {
            long key = keys[index];
            for (int f = 0; f < fieldCount; f++) {
                levels[index * fieldCount + f] =
                        (byte) ((key / radix[f]) % (fields.get(f).type().levels() + 1) - 1);
            }
            int slot = slot(key + 1, table.length);
            while (table[slot] != key + 1) {
                slot = (slot + 1) & (table.length - 1);
            }
            weights[index] = tableCounts[slot];
        }
        return new Patterns(fieldCount, levels, weights);
    }

    private static int slot(long key, int length) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & (length - 1);
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
