package io.salesbi.connectors.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FixedWidthDateTest {

    @Test
    void parsesFixedWidthPatternsByPosition() {
        assertThat(FixedWidthDate.of("dd.MM.yyyy").parse("03.02.2024")).isEqualTo(LocalDate.of(2024, 2, 3));
        assertThat(FixedWidthDate.of("yyyy-MM-dd").parse("2024-12-31")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(FixedWidthDate.of("yyyyMMdd").parse("20180311")).isEqualTo(LocalDate.of(2018, 3, 11));
        assertThat(FixedWidthDate.of("MM/dd/uuuu").parse("02/29/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void leavesWrongShapesAndImpossibleDatesToTheFormatter() {
        FixedWidthDate german = FixedWidthDate.of("dd.MM.yyyy");
        assertThat(german.parse("31.02.2024")).isNull();
        assertThat(german.parse("3.2.2024")).isNull();
        assertThat(german.parse("03-02-2024")).isNull();
        assertThat(german.parse("0a.02.2024")).isNull();
    }

    @Test
    void otherPatternsHaveNoFastPath() {
        assertThat(FixedWidthDate.of("d.M.yyyy")).isNull();
        assertThat(FixedWidthDate.of("dd. MMMM yyyy")).isNull();
        assertThat(FixedWidthDate.of("dd.MM.yy")).isNull();
        assertThat(FixedWidthDate.of("yyyy-MM-dd'T'HH")).isNull();
    }
}
