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

    @Test
    void aUsZipPlusFourIsItsZip() {
        // one list writes the four-digit delivery segment, another does not: before, "60613" / "60613-8178" was
        // level 2 ("same region"), weighted -7.2 on a generated merged organisation list
        PreparedField zips = new FieldPreparer("US")
                .prepare(FieldType.POSTCODE, new String[] {"60613", "60613-8178", "60613-0001", "60614", "606138178"});

        assertThat(zips.value()).containsExactly("60613", "60613", "60613", "60614", "606138178");
        assertThat(FieldComparator.compare(zips, 0, 1)).isEqualTo(0);
        assertThat(FieldComparator.compare(zips, 1, 2)).isEqualTo(0);
        assertThat(FieldComparator.compare(zips, 1, 3)).isEqualTo(1);
    }

    @Test
    void postcodesOfOtherCountriesWithAHyphenKeepTheirSecondPart() {
        // Portugal 4+3, Poland 2+3, Brazil 5+3, Japan 3+4: only the US form 5+4 is cut
        PreparedField postcodes = new FieldPreparer("DE")
                .prepare(FieldType.POSTCODE, new String[] {"1000-001", "1000-002", "00-950", "01310-100", "100-0001"});

        assertThat(postcodes.value()).containsExactly("1000-001", "1000-002", "00-950", "01310-100", "100-0001");
        assertThat(FieldComparator.compare(postcodes, 0, 1)).isEqualTo(1);
    }

    private static PreparedField field(String... values) {
        return new PreparedField(FieldType.POSTCODE, values, null, null, new String[values.length][]);
    }
}
