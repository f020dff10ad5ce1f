package io.salesbi.connectors.read;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses dates of fixed-width numeric patterns such as {@code dd.MM.yyyy}, {@code yyyy-MM-dd} or {@code yyyyMMdd} by
 * character position, without the {@link java.time.format.DateTimeFormatter} machinery: ERP exports carry a date on
 * every line, and this is several times faster. Other patterns return null from {@link #of} and use the formatter.
 */
final class FixedWidthDate {

    private final int dayAt;
    private final int monthAt;
    private final int yearAt;
    private final String pattern;

    private FixedWidthDate(String pattern, int dayAt, int monthAt, int yearAt) {
        this.pattern = pattern;
        this.dayAt = dayAt;
        this.monthAt = monthAt;
        this.yearAt = yearAt;
    }

    /** The fast parser for a pattern made of exactly dd, MM, yyyy (or uuuu) and non-letter separators; else null. */
    static FixedWidthDate of(String pattern) {
        int day = pattern.indexOf("dd");
        int month = pattern.indexOf("MM");
        int year = Math.max(pattern.indexOf("yyyy"), pattern.indexOf("uuuu"));
        if (pattern.length() > 10 || day < 0 || month < 0 || year < 0) {
            return null;
        }
        int letters = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean inField = within(i, day, 2) || within(i, month, 2) || within(i, year, 4);
            if (c == '\'' || Character.isLetter(c) != inField) {
                return null;
            }
            letters += inField ? 1 : 0;
        }
        return letters == 8 ? new FixedWidthDate(pattern, day, month, year) : null;
    }

    private static boolean within(int index, int start, int length) {
        return index >= start && index < start + length;
    }

    /** The date, or null when the text does not have the pattern's shape or is no calendar date. */
    LocalDate parse(String text) {
        if (text.length() != pattern.length()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char p = pattern.charAt(i);
            char c = text.charAt(i);
            if (Character.isLetter(p) ? c < '0' || c > '9' : c != p) {
                return null;
            }
        }
        try {
            return LocalDate.of(digits(text, yearAt, 4), digits(text, monthAt, 2), digits(text, dayAt, 2));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
