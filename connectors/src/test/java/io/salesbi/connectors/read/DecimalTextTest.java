package io.salesbi.connectors.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    private final DecimalText german = new DecimalText(',', '.');
    private final DecimalText english = new DecimalText('.', ',');

    @Test
    void germanNumbersWithGroupingAndDecimalComma() {
        assertThat(german.parse("1.234,56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(german.parse("1.234.567")).isEqualTo(new BigDecimal("1234567"));
        assertThat(german.parse("-0,5")).isEqualTo(new BigDecimal("-0.5"));
        assertThat(german.parse("12,50-")).isEqualTo(new BigDecimal("-12.50"));
        assertThat(german.parse(",75")).isEqualTo(new BigDecimal("0.75"));
        assertThat(german.parse("007")).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void englishNumbers() {
        assertThat(english.parse("1,234.56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(english.parse("+3.0")).isEqualTo(new BigDecimal("3.0"));
    }

    @Test
    void misplacedGroupingIsAnErrorNotAnotherNumber() {
        assertThat(german.parse("1.5")).isNull();
        assertThat(german.parse("1.2345,6")).isNull();
        assertThat(german.parse("1234.56")).isNull();
        assertThat(english.parse("1,5")).isNull();
    }

    @Test
    void textIsNotANumber() {
        assertThat(german.parse("abc")).isNull();
        assertThat(german.parse("-")).isNull();
        assertThat(german.parse("1,2,3")).isNull();
        assertThat(german.parse("1e5")).isNull();
        assertThat(german.parse("12 €")).isNull();
    }

    @Test
    void moreDigitsThanALongHolds() {
        assertThat(german.parse("123.456.789.012.345.678.901,25"))
                .isEqualTo(new BigDecimal("123456789012345678901.25"));
    }
}
