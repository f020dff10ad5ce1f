package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void fixedPointAmountsKeepLeadingZerosOfTheFraction() {
        assertThat(Numbers.fixed(123456, 2, ',')).isEqualTo("1234,56");
        assertThat(Numbers.fixed(5, 2, ',')).isEqualTo("0,05");
        assertThat(Numbers.fixed(100, 2, '.')).isEqualTo("1.00");
        assertThat(Numbers.fixed(9850, 4, ',')).isEqualTo("0,9850");
        assertThat(Numbers.fixed(46812, 4, ',')).isEqualTo("4,6812");
        assertThat(Numbers.fixed(-250, 2, ',')).isEqualTo("-2,50");
    }

    @Test
    void quantitiesUseAsFewDecimalsAsNeeded() {
        StringBuilder sb = new StringBuilder();
        Numbers.appendQuantity(sb, 12000, ',');
        sb.append('|');
        Numbers.appendQuantity(sb, 4500, ',');
        sb.append('|');
        Numbers.appendQuantity(sb, 1250, ',');
        assertThat(sb).hasToString("12|4,5|1,250");
    }

    @Test
    void datesInGermanAndIsoFormat() {
        assertThat(Numbers.german(LocalDate.of(2024, 3, 5))).isEqualTo("05.03.2024");
        assertThat(Numbers.iso(LocalDate.of(2024, 3, 5))).isEqualTo("2024-03-05");
    }
}
