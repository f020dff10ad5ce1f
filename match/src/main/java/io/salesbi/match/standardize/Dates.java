package io.salesbi.match.standardize;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** Parses dates in the usual export formats and writes them as yyyyMMdd for comparison. */
public final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
                    DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("uuuuMMdd"),
                    DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"),
                    DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("d-M-uuuu"))
            .stream()
            .map(f -> f.withResolverStyle(ResolverStyle.STRICT))
            .toList();

    private Dates() {}

    /**
     * The date as yyyyMMdd; an 8-digit value that is no valid date (as FEBRL's corrupted birth dates) is kept as
     * it is, so that digit-level comparison still sees it; null for anything else.
     */
    public static String standardize(String date) {
        String text = TextFold.blankToNull(date);
        if (text == null) {
            return null;
        }
        String head = text.length() > 10 && text.charAt(10) == 'T' || text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10)
                : text;
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(head, format).format(DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return head.matches("\\d{8}") ? head : null;
    }

    /** Days since the epoch of a yyyyMMdd value, or Long.MIN_VALUE when it is no valid date. */
    public static long epochDay(String yyyymmdd) {
        if (yyyymmdd.length() != 8) {
            return Long.MIN_VALUE;
        }
        int year = Integer.parseInt(yyyymmdd, 0, 4, 10);
        int month = Integer.parseInt(yyyymmdd, 4, 6, 10);
        int day = Integer.parseInt(yyyymmdd, 6, 8, 10);
        if (month < 1
                || month > 12
                || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        return LocalDate.of(year, month, day).toEpochDay();
    }
}
