package io.salesbi.match.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Term-frequency adjustment of exact agreement, as Splink does it: an exact match on a value shared by many records
 * (an umbrella phone, a head-office address, a common surname) says less than one on a rare value. The level's
 * weight ln(m / u) assumes the average value; the adjustment ln(u / tf(v)) replaces that average u by the value's
 * own frequency, so that the pair weighs ln(m / tf(v)).
 *
 * <p>Two departures from Splink, both to keep the adjustment centred. tf(v) is the chance that another record,
 * picked at random, holds the value: (c - 1) / (n - 1) for a value held by c of n records, where Splink takes c / n,
 * which for the many values held by a duplicate pair alone is twice too high and penalised every such pair. And u
 * is the same quantity averaged over the records, sum c (c - 1) / (n (n - 1)), not the estimated u, which is
 * smoothed by priors and floored; over many values the two agree, on a small list only the former is exact.
 *
 * <p>Only exact agreement (level 0) is adjusted; fuzzy levels keep their weight, as in Splink. The adjustment is
 * bounded: a rare value gains at most {@link #MAX_GAIN} (so a shared typo does not outweigh a disagreeing name), and
 * fields with fewer than {@link #MIN_VALUES} values are left alone, their frequencies being noise.
 */
final class TermFrequencies {

    /** Fewer values than this and the field's frequencies are not worth trusting. */
    static final int MIN_VALUES = 50;

    /** Largest gain of a rare value over the average, in natural-log units (a factor of 10). */
    static final double MAX_GAIN = Math.log(10);

    private static final TermFrequencies NONE = new TermFrequencies(new float[0][]);

    /** Per weighted field the adjustment of each record's value, null for fields without adjustment. */
    private final float[][] adjustment;

    private TermFrequencies(float[][] adjustment) {
        this.adjustment = adjustment;
    }

    static TermFrequencies none() {
        return NONE;
    }

    /** The adjustments of every weighted field whose values repeat, in comparison-matrix order. */
    static TermFrequencies of(List<PreparedField> fields) {
        float[][] adjustment = new float[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            if (adjusts(fields.get(f).type())) {
                adjustment[f] = adjustments(fields.get(f).value());
            }
        }
        return new TermFrequencies(adjustment);
    }

    /** Types whose values repeat across different entities; house numbers, countries and dates are left alone. */
    static boolean adjusts(FieldType type) {
        return switch (type) {
            case COMPANY,
                    NAME,
                    GIVEN_NAME,
                    SURNAME,
                    ADDRESS,
                    STREET,
                    POSTCODE,
                    CITY,
                    PHONE,
                    EMAIL,
                    WEBSITE,
                    TEXT,
                    PERSONS -> true;
            default -> false;
        };
    }

    private static float[] adjustments(String[] values) {
        Map<String, Integer> counts = new HashMap<>();
        int present = 0;
        for (String value : values) {
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
                present++;
            }
        }
        double agreeingPairs = 0;
        for (int count : counts.values()) {
            agreeingPairs += (double) count * (count - 1);
        }
        if (present < MIN_VALUES || agreeingPairs == 0) {
            return null;
        }
        double averageU = agreeingPairs / ((double) present * (present - 1));
        float[] adjustment = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            int count = values[i] == null ? 1 : counts.get(values[i]);
            if (count > 1) {
                double tf = (count - 1) / (double) (present - 1);
                adjustment[i] = (float) Math.min(MAX_GAIN, Math.log(averageU / tf));
            }
        }
        return adjustment;
    }

    /** The adjustment for a pair at a level on a field: non-zero only for exact agreement on a counted value. */
    double adjustment(int field, int level, int a) {
        if (level != 0 || field >= adjustment.length || adjustment[field] == null) {
            return 0.0;
        }
        return adjustment[field][a];
    }

    /** True when any field is adjusted. */
    boolean any() {
        for (float[] field : adjustment) {
            if (field != null) {
                return true;
            }
        }
        return false;
    }
}
