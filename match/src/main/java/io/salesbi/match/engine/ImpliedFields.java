package io.salesbi.match.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Place fields overlap, and counted as independent they made the same place look like strong evidence of the same
 * company: EM took the many neighbours in one postcode or one city for the duplicates. So a fact is not counted
 * twice: a postcode determines its city and its country, so where two postcodes agree, agreeing cities and
 * countries add nothing; and a city determines its postcode region, so where two cities agree, postcodes that
 * only share their region are simply different postcodes in that city.
 */
final class ImpliedFields {

    /** Postcode levels up to this one (exact, one typo) imply the place. */
    private static final int IMPLYING_LEVEL = 1;

    /** The postcode level of two postcodes in the same region (same leading digits). */
    private static final int REGION_LEVEL = 2;

    private final int postcode;
    private final int city;
    private final int[] implied;

    private ImpliedFields(int postcode, int city, int[] implied) {
        this.postcode = postcode;
        this.city = city;
        this.implied = implied;
    }

    static ImpliedFields of(List<PreparedField> fields) {
        int postcode = -1;
        int city = -1;
        List<Integer> implied = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            FieldType type = fields.get(f).type();
            if (type == FieldType.POSTCODE && postcode < 0) {
                postcode = f;
            } else if (type == FieldType.CITY || type == FieldType.COUNTRY) {
                implied.add(f);
                city = type == FieldType.CITY && city < 0 ? f : city;
            }
        }
        return new ImpliedFields(
                postcode,
                city,
                postcode < 0
                        ? new int[0]
                        : implied.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Adjusts the levels of one pair, its row in the matrix. */
    void apply(byte[] levels, int row) {
        if (implied.length == 0) {
            return;
        }
        int level = levels[row + postcode];
        if (level == REGION_LEVEL && city >= 0 && levels[row + city] == 0) {
            levels[row + postcode] = (byte) (FieldType.POSTCODE.levels() - 1);
            return;
        }
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
