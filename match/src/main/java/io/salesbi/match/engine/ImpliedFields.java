package io.salesbi.match.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Fields overlap, and counted as independent they made one fact look like strong evidence of the same company. So a
 * fact is not counted twice:
 *
 * <ul>
 *   <li>Place: EM took the many neighbours in one postcode or one city for the duplicates. A postcode determines its
 *       city and its country, so where two postcodes agree, agreeing cities and countries add nothing; and a city
 *       determines its postcode region, so where two cities agree, postcodes that only share their region are
 *       simply different postcodes in that city.
 *   <li>Domain: an e-mail address names its organisation's domain, which is its website ("info@x.de" and
 *       "www.x.de"), so where two e-mail addresses agree exactly, an agreeing website adds nothing. Counted twice,
 *       two organisations of one name that shared a domain (a group's companies, or generated lists that number
 *       their domains) gained about +11 twice, more than five disagreeing fields took away, and at a million
 *       records EM took them for the match class. A website that disagrees still counts.
 * </ul>
 */
final class ImpliedFields {

    /** Postcode levels up to this one (exact, one typo) imply the place. */
    private static final int IMPLYING_LEVEL = 1;

    /** The postcode level of two postcodes in the same region (same leading digits). */
    private static final int REGION_LEVEL = 2;

    private final int postcode;
    private final int city;
    private final int[] implied;
    private final int email;
    private final int website;

    private ImpliedFields(int postcode, int city, int[] implied, int email, int website) {
        this.postcode = postcode;
        this.city = city;
        this.implied = implied;
        this.email = email;
        this.website = website;
    }

    static ImpliedFields of(List<PreparedField> fields) {
        int postcode = -1;
        int city = -1;
        int email = -1;
        int website = -1;
        List<Integer> implied = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            FieldType type = fields.get(f).type();
            if (type == FieldType.POSTCODE && postcode < 0) {
                postcode = f;
            } else if (type == FieldType.CITY || type == FieldType.COUNTRY) {
                implied.add(f);
                city = type == FieldType.CITY && city < 0 ? f : city;
            } else if (type == FieldType.EMAIL && email < 0) {
                email = f;
            } else if (type == FieldType.WEBSITE && website < 0) {
                website = f;
            }
        }
        return new ImpliedFields(
                postcode,
                city,
                postcode < 0
                        ? new int[0]
                        : implied.stream().mapToInt(Integer::intValue).toArray(),
                email,
                email < 0 ? -1 : website);
    }

    /** Adjusts the levels of one pair, its row in the matrix. */
    void apply(byte[] levels, int row) {
        if (website >= 0 && levels[row + email] == 0 && levels[row + website] == 0) {
            levels[row + website] = (byte) FieldComparator.MISSING;
        }
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
