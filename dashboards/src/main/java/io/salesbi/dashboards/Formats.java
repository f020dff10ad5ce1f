package io.salesbi.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The number and date formats of one dashboard language: 1.234,56 € and 26.11.2026 in German, €1,234.56 and
 * 2026-11-26 in English. The same rules are handed to the page script ({@link #forScript()}) so that numbers the
 * browser recomputes after a filter change look exactly like the ones rendered here.
 */
final class Formats {

    static final String MISSING = "–";

    private final char decimal;
    private final char group;
    private final String moneyPattern;
    private final String percentSuffix;
    private final String pointsUnit;
    private final String datePattern;
    private final String millionsPattern;
    private final String thousandsPattern;

    private Formats(
            char decimal,
            char group,
            String moneyPattern,
            String percentSuffix,
            String pointsUnit,
            String datePattern,
            String millionsPattern,
            String thousandsPattern) {
        this.decimal = decimal;
        this.group = group;
        this.moneyPattern = moneyPattern;
        this.percentSuffix = percentSuffix;
        this.pointsUnit = pointsUnit;
        this.datePattern = datePattern;
        this.millionsPattern = millionsPattern;
        this.thousandsPattern = thousandsPattern;
    }

    static Formats of(Locale locale) {
        return "en".equals(locale.getLanguage())
                ? new Formats('.', ',', "€#", "%", "pp", "yyyy-MM-dd", "€#m", "€#k")
                : new Formats(',', '.', "# €", " %", "PP", "dd.MM.yyyy", "# Mio. €", "# T€");
    }

    String number(Number value, int decimals) {
        if (value == null) {
            return MISSING;
        }
        BigDecimal rounded = new BigDecimal(value.toString()).setScale(decimals, RoundingMode.HALF_UP);
        String digits = rounded.abs().toPlainString();
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                out.append(group);
            }
            out.append(integer.charAt(i));
        }
        if (dot >= 0) {
            out.append(decimal).append(digits.substring(dot + 1));
        }
        return (rounded.signum() < 0 ? "-" : "") + out;
    }

    /** The sign goes before the currency symbol: -€5.00, -5,00 €. */
    String money(Number value) {
        if (value == null) {
            return MISSING;
        }
        return inPattern(moneyPattern, number(value, 2));
    }

    /**
     * An amount as a card shows it: 1,2 Mio. € from a million, 12 T€ from ten thousand, 1,2 T€ from a thousand, else
     * whole euros; the page script's compactMoney follows the same rules.
     */
    String compactMoney(Number value) {
        if (value == null) {
            return MISSING;
        }
        BigDecimal amount = new BigDecimal(value.toString());
        BigDecimal size = amount.abs();
        if (size.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return inPattern(millionsPattern, number(amount.movePointLeft(6), 1));
        }
        if (size.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            return inPattern(
                    thousandsPattern,
                    number(amount.movePointLeft(3), size.compareTo(BigDecimal.valueOf(10_000)) >= 0 ? 0 : 1));
        }
        return inPattern(moneyPattern, number(amount, 0));
    }

    private static String inPattern(String pattern, String amount) {
        return amount.startsWith("-") ? "-" + pattern.replace("#", amount.substring(1)) : pattern.replace("#", amount);
    }

    String signedMoney(Number value) {
        return value == null ? MISSING : sign(value) + money(value);
    }

    /** A ratio as a percentage: 0.235 reads 23,5 %. */
    String percent(Number ratio) {
        return ratio == null ? MISSING : number(ratio.doubleValue() * 100, 1) + percentSuffix;
    }

    String signedPercent(Number ratio) {
        return ratio == null ? MISSING : sign(ratio) + percent(ratio);
    }

    /** A difference already in percentage points: 1.25 reads +1,3 PP. */
    String points(Number points) {
        return points == null ? MISSING : sign(points) + number(points, 1) + " " + pointsUnit;
    }

    /** The size of a change in percentage points, without sign, for sentences ("rose by 1,3 PP"). */
    String pointsSize(Number points) {
        return points == null ? MISSING : number(Math.abs(points.doubleValue()), 1) + " " + pointsUnit;
    }

    String count(Number value) {
        return number(value, 0);
    }

    String signedCount(Number value) {
        return value == null ? MISSING : sign(value) + count(value);
    }

    String date(LocalDate date) {
        return date == null ? MISSING : date.format(DateTimeFormatter.ofPattern(datePattern));
    }

    String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? MISSING : dateTime.format(DateTimeFormatter.ofPattern(datePattern + " HH:mm"));
    }

    String instant(Instant instant) {
        return dateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + " UTC";
    }

    private static String sign(Number value) {
        return new BigDecimal(value.toString()).signum() > 0 ? "+" : "";
    }

    Map<String, String> forScript() {
        Map<String, String> script = new LinkedHashMap<>();
        script.put("decimal", String.valueOf(decimal));
        script.put("group", String.valueOf(group));
        script.put("money", moneyPattern);
        script.put("percent", percentSuffix);
        script.put("points", pointsUnit);
        script.put("date", datePattern);
        script.put("millions", millionsPattern);
        script.put("thousands", thousandsPattern);
        script.put("missing", MISSING);
        return script;
    }
}
