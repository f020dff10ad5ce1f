package io.salesbi.connectors.draft;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a cell's text looks like: a number with a decimal point or a decimal comma, or a date in one of the patterns
 * German and English exports use. The patterns are tried in order of preference, so {@code dd.MM.yyyy} is proposed
 * before {@code d.M.yyyy} when both fit, and month-first before day-first for slashes (US exports) unless a day
 * above 12 rules it out.
 */
final class ValueShapes {

    /** How a number writes its decimals. */
    enum Decimal {
        NONE,
        POINT,
        COMMA,
        AMBIGUOUS
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+\\-\u2212]?[\\d.,]*\\d[\\d.,]*-?\\s*%?");
    static final List<String> DATE_PATTERNS = List.of(
            "yyyy-MM-dd",
            "dd.MM.yyyy",
            "d.M.yyyy",
            "dd.MM.yy",
            "d.M.yy",
            "MM/dd/yyyy",
            "M/d/yyyy",
            "dd/MM/yyyy",
            "d/M/yyyy",
            "MM/dd/yy",
            "M/d/yy",
            "dd/MM/yy",
            "d/M/yy",
            "dd-MM-yyyy",
            "yyyy/MM/dd",
            "yyyyMMdd",
            "ddMMyyyy");
    private static final List<String> TIME_SUFFIXES = List.of("", " HH:mm:ss", " H:mm:ss", " HH:mm", " H:mm");
    static final List<String> PATTERNS = patterns();

    private ValueShapes() {}

    private static List<String> patterns() {
        List<String> all = new ArrayList<>();
        for (String date : DATE_PATTERNS) {
            for (String time : TIME_SUFFIXES) {
                if (time.isEmpty()
                        || !DIGITS.matcher(date.replaceAll("[yMd]", "1")).matches()) {
                    all.add(date + time);
                }
            }
        }
        all.add("yyyy-MM-dd'T'HH:mm:ss");
        all.add("yyyy-MM-dd'T'HH:mm");
        return List.copyOf(all);
    }

    static boolean hasTime(String pattern) {
        return pattern.indexOf('H') >= 0;
    }

    /** Whether the text reads as a date in any known pattern; bare 8-digit numbers do not count. */
    static boolean isDate(String text) {
        String value = text.strip();
        if (DIGITS.matcher(value).matches()) {
            return false;
        }
        for (String pattern : PATTERNS) {
            if (parses(pattern, value)) {
                return true;
            }
        }
        return false;
    }

    static boolean parses(String pattern, String text) {
        try {
            LocalDate.parse(text, formatter(pattern));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** As the readers parse dates: strict, with {@code yy} meaning 2000-2099. */
    private static DateTimeFormatter formatter(String pattern) {
        String proleptic = pattern.indexOf('\'') < 0 ? pattern.replace('y', 'u') : pattern.replace("yyyy", "uuuu");
        return DateTimeFormatter.ofPattern(proleptic, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    static boolean isNumber(String text) {
        return decimal(text) != null;
    }

    static boolean isWholeNumber(String text) {
        String value = unsigned(text);
        return value != null && DIGITS.matcher(value).matches();
    }

    static boolean isPercent(String text) {
        return text.strip().endsWith("%") && isNumber(text);
    }

    /** How the text writes its decimals, or null when it is no number at all. */
    static Decimal decimal(String text) {
        String value = unsigned(text);
        if (value == null || !NUMBER.matcher(text.strip()).matches()) {
            return null;
        }
        int lastPoint = value.lastIndexOf('.');
        int lastComma = value.lastIndexOf(',');
        if (lastPoint < 0 && lastComma < 0) {
            return DIGITS.matcher(value).matches() ? Decimal.NONE : null;
        }
        if (lastPoint >= 0 && lastComma >= 0) {
            char decimal = lastPoint > lastComma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            String integer = value.substring(0, Math.max(lastPoint, lastComma));
            if (integer.indexOf(decimal) >= 0 || !groupedCorrectly(integer, grouping)) {
                return null;
            }
            return decimal == '.' ? Decimal.POINT : Decimal.COMMA;
        }
        char separator = lastPoint >= 0 ? '.' : ',';
        int first = value.indexOf(separator);
        int last = Math.max(lastPoint, lastComma);
        if (first != last) {
            // several separators: only a grouping separator repeats (1.234.567 in German)
            return groupedCorrectly(value, separator) ? (separator == '.' ? Decimal.COMMA : Decimal.POINT) : null;
        }
        int digitsAfter = value.length() - last - 1;
        if (digitsAfter == 0 || last == 0) {
            return null;
        }
        if (digitsAfter == 3 && last <= 3) {
            return Decimal.AMBIGUOUS;
        }
        return separator == '.' ? Decimal.POINT : Decimal.COMMA;
    }

    private static boolean groupedCorrectly(String integer, char grouping) {
        String[] groups = integer.split(Pattern.quote(String.valueOf(grouping)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    /** The digits and separators without sign and percent sign; null when nothing is left. */
    private static String unsigned(String text) {
        String value = text.strip();
        if (value.endsWith("%")) {
            value = value.substring(0, value.length() - 1).strip();
        }
        if (value.startsWith("-") || value.startsWith("+") || value.startsWith("\u2212")) {
            value = value.substring(1);
        } else if (value.length() > 1 && value.endsWith("-")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
    }
}
