package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Address levels: 0 exact, 1 close, 2 partial, 3 different, for whole address lines and street columns. */
class AddressComparisonTest {

    private static final FieldPreparer PREPARER = new FieldPreparer("DE");

    @Test
    void abbreviationsOfOneAddressAgreeExactly() {
        assertThat(level(FieldType.ADDRESS, "W. Madison St 100", "West Madison Street 100"))
                .isZero();
        assertThat(level(FieldType.ADDRESS, "100 W. Madison St", "100 West Madison Street"))
                .isZero();
        assertThat(level(FieldType.ADDRESS, "Hauptstr. 12", "Hauptstraße 12")).isZero();
        assertThat(level(FieldType.STREET, "Hauptstr. 12", "Haupt-Strasse 12")).isZero();
        assertThat(level(FieldType.ADDRESS, "200 Main St, Rm. 5", "200 Main Street Room 5"))
                .isZero();
        assertThat(level(FieldType.ADDRESS, "c/o Regus, 200 Main St", "200 Main St"))
                .isZero();
    }

    @Test
    void aDifferentHouseNumberOnTheSameStreetIsADifferentAddress() {
        assertThat(level(FieldType.ADDRESS, "Hauptstr. 12", "Hauptstraße 14")).isEqualTo(3);
        assertThat(level(FieldType.STREET, "Hauptstr. 12", "Hauptstraße 14")).isEqualTo(3);
        assertThat(level(FieldType.ADDRESS, "100 W Madison St", "120 West Madison Street"))
                .isEqualTo(3);
    }

    @Test
    void theSameBuildingIsCloseUnlessTwoUnitsDiffer() {
        assertThat(level(FieldType.ADDRESS, "Hauptstr. 12a", "Hauptstr. 12")).isEqualTo(1);
        assertThat(level(FieldType.ADDRESS, "200 Main St, Suite 300", "200 Main St"))
                .isEqualTo(1);
        assertThat(level(FieldType.ADDRESS, "200 Main St, Suite 300", "200 Main St, Suite 410"))
                .isEqualTo(2);
        assertThat(level(FieldType.ADDRESS, "Hauptstrase 12", "Hauptstraße 12")).isZero();
        assertThat(level(FieldType.ADDRESS, "Hauptstrsse 12", "Hauptstraße 12")).isEqualTo(1);
    }

    @Test
    void aDroppedDirectionOrStreetTypeWithTheSameNumberIsClose() {
        assertThat(level(FieldType.ADDRESS, "435 S. La Cienega Blv.", "435 La Cienega"))
                .isEqualTo(1);
        assertThat(level(FieldType.ADDRESS, "435 S. La Cienega Blvd.", "435 N. Beverly Dr."))
                .isEqualTo(3);
    }

    @Test
    void aNumberOnOneSideOnlyIsPartialAndStreetsWithoutNumbersCompareAsNames() {
        assertThat(level(FieldType.ADDRESS, "Hauptstr. 12", "Hauptstraße")).isEqualTo(2);
        assertThat(level(FieldType.STREET, "Hauptstr.", "Hauptstrase")).isZero();
        assertThat(level(FieldType.STREET, "Wandella Crescent", "Wandela Crescent"))
                .isEqualTo(1);
        assertThat(level(FieldType.STREET, "Wandella Crescent", "Kirkpatrick Place"))
                .isEqualTo(3);
    }

    private static int level(FieldType type, String x, String y) {
        PreparedField field = PREPARER.prepare(type, new String[] {x, y});
        return FieldComparator.compare(field, 0, 1);
    }

    @Test
    void addressBlockKeysAreTheNumberWithEachDistinctiveStreetWord() {
        PreparedField field = PREPARER.prepare(FieldType.ADDRESS, new String[] {"10801 W. Pico Blvd., Suite 5"});
        assertThat(List.of(field.blockKeys()[0])).containsExactly("n:10801", "pico|10801");
    }
}
