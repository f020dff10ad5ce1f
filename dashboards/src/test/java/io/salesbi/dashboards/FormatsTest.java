package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The number formats managers read, per language; dashboard-core.js repeats them (checked in the browser IT). */
class FormatsTest {

    private final Formats german = Formats.of(Locale.GERMAN);
    private final Formats english = Formats.of(Locale.ENGLISH);

    @Test
    void moneyGroupsThousandsAndRoundsHalfUp() {
        assertThat(german.money(new BigDecimal("1234.56"))).isEqualTo("1.234,56 €");
        assertThat(english.money(new BigDecimal("1234.56"))).isEqualTo("€1,234.56");
        assertThat(german.money(new BigDecimal("-1234567.565"))).isEqualTo("-1.234.567,57 €");
        assertThat(german.money(new BigDecimal("-0.004"))).isEqualTo("0,00 €");
        assertThat(german.signedMoney(new BigDecimal("434.56"))).isEqualTo("+434,56 €");
        assertThat(english.signedMoney(new BigDecimal("-5"))).isEqualTo("-€5.00");
        assertThat(german.money(null)).isEqualTo("–");
    }

    @Test
    void ratiosReadAsPercentAndChangesAsPoints() {
        assertThat(german.percent(0.235)).isEqualTo("23,5 %");
        assertThat(english.percent(0.235)).isEqualTo("23.5%");
        assertThat(german.signedPercent(0.241422)).isEqualTo("+24,1 %");
        assertThat(german.points(2.6014)).isEqualTo("+2,6 PP");
        assertThat(english.points(-1.25)).isEqualTo("-1.3 pp");
        assertThat(german.pointsSize(-1.25)).isEqualTo("1,3 PP");
    }

    @Test
    void cardAmountsReadInThousandsAndMillions() {
        assertThat(german.compactMoney(new BigDecimal("59512345.67"))).isEqualTo("59,5 Mio. €");
        assertThat(english.compactMoney(new BigDecimal("59512345.67"))).isEqualTo("€59.5m");
        assertThat(german.compactMoney(new BigDecimal("-1234567.565"))).isEqualTo("-1,2 Mio. €");
        assertThat(german.compactMoney(new BigDecimal("12345.00"))).isEqualTo("12 T€");
        assertThat(german.compactMoney(new BigDecimal("1234.56"))).isEqualTo("1,2 T€");
        assertThat(english.compactMoney(new BigDecimal("1234.56"))).isEqualTo("€1.2k");
        assertThat(german.compactMoney(new BigDecimal("734.56"))).isEqualTo("735 €");
        assertThat(german.compactMoney(null)).isEqualTo("–");
    }

    @Test
    void countsAndDates() {
        assertThat(german.count(2600)).isEqualTo("2.600");
        assertThat(english.count(2600)).isEqualTo("2,600");
        assertThat(german.date(LocalDate.of(2026, 11, 26))).isEqualTo("26.11.2026");
        assertThat(english.date(LocalDate.of(2026, 11, 26))).isEqualTo("2026-11-26");
    }
}
