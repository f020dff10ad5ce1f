package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Postcode levels: 0 exact, 1 one typo or a lost leading zero, 2 same region, 3 different. */
class PostcodeComparisonTest {

    @Test
    void aPostcodeThatLostItsLeadingZeroInASpreadsheetIsClose() {
        PreparedField postcodes = field("04033", "4033", "04109", "70173", "80331");

        assertThat(FieldComparator.compare(postcodes, 0, 1)).isEqualTo(1);
        assertThat(FieldComparator.compare(postcodes, 0, 2)).isEqualTo(2);
        assertThat(FieldComparator.compare(postcodes, 1, 2)).isEqualTo(3);
        assertThat(FieldComparator.compare(postcodes, 3, 4)).isEqualTo(3);
    }

    private static PreparedField field(String... values) {
        return new PreparedField(FieldType.POSTCODE, values, null, null, new String[values.length][]);
    }
}
