package io.salesbi.connectors.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.draft.ValueShapes.Decimal;
import org.junit.jupiter.api.Test;

class ValueShapesTest {

    @Test
    void decimalStyleFollowsTheLastSeparatorAndThreeDigitGroupsAreAmbiguous() {
        assertThat(ValueShapes.decimal("2.55")).isEqualTo(Decimal.POINT);
        assertThat(ValueShapes.decimal("1.234,50")).isEqualTo(Decimal.COMMA);
        assertThat(ValueShapes.decimal("1,234.50")).isEqualTo(Decimal.POINT);
        assertThat(ValueShapes.decimal("12,50-")).isEqualTo(Decimal.COMMA);
        assertThat(ValueShapes.decimal("1.234.567")).isEqualTo(Decimal.COMMA);
        assertThat(ValueShapes.decimal("1.234")).isEqualTo(Decimal.AMBIGUOUS);
        assertThat(ValueShapes.decimal("42")).isEqualTo(Decimal.NONE);
        assertThat(ValueShapes.decimal("12.01.2025")).isNull();
        assertThat(ValueShapes.decimal("85123A")).isNull();
    }

    @Test
    void datesAreRecognisedInGermanEnglishIsoAndCompactPatterns() {
        assertThat(ValueShapes.isDate("31.01.2025")).isTrue();
        assertThat(ValueShapes.isDate("12/1/10 8:26")).isTrue();
        assertThat(ValueShapes.isDate("2025-01-31")).isTrue();
        assertThat(ValueShapes.isDate("31.02.2025")).isFalse();
        assertThat(ValueShapes.isDate("20250131"))
                .as("a bare number is not taken for a date")
                .isFalse();
        assertThat(ValueShapes.parses("ddMMyyyy", "31012025")).isTrue();
        assertThat(ValueShapes.parses("M/d/yy H:mm", "12/1/10 8:26")).isTrue();
        assertThat(ValueShapes.parses("MM/dd/yy H:mm", "12/1/10 8:26")).isFalse();
    }
}
