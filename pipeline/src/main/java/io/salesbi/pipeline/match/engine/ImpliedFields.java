package io.salesbi.pipeline.match.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops the evidence of fields another field already implies, so that one fact is not counted twice: a postcode
 * determines its city and its country, so when two postcodes agree, agreeing cities and countries add nothing.
 * Counted as independent, they made the same place look like strong evidence of the same company, and EM took
 * the many neighbours sharing a postcode for duplicates.
 */
final class ImpliedFields {

    /** Postcode levels up to this one (exact, one typo) imply the place. */
    private static final int IMPLYING_LEVEL = 1;

    private final int postcode;
    private final int[] implied;

    private ImpliedFields(int postcode, int[] implied) {
        this.postcode = postcode;
        this.implied = implied;
    }

    static ImpliedFields of(List<PreparedField> fields) {
        int postcode = -1;
        List<Integer> implied = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            FieldType type = fields.get(f).type();
            if (type == FieldType.POSTCODE && postcode < 0) {
                postcode = f;
            } else if (type == FieldType.CITY || type == FieldType.COUNTRY) {
                implied.add(f);
            }
        }
        return new ImpliedFields(postcode, postcode < 0 ? new int[0]
                : implied.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Sets the implied fields to missing where the postcodes agree; levels are the pair's row in the matrix. */
    void apply(byte[] levels, int row) {
        if (implied.length == 0) {
            return;
        }
        int level = levels[row + postcode];
        if (level < 0 || level > IMPLYING_LEVEL) {
            return;
        }
        for (int f : implied) {
            if (levels[row + f] == 0) {
                levels[row + f] = (byte) FieldComparator.MISSING;
            }
        }
    }
}
