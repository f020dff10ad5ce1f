package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.FieldType;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Turns the text of one cell into the Java value of its field's {@link FieldType}. One instance per field and file,
 * so the date formatter and number symbols are built once, not per cell.
 */
final class FieldValueParser {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter SPACE_TIMESTAMP = strict("yyyy-MM-dd HH:mm[:ss][.SSS]");

    private final FieldMapping field;
    private final DecimalText decimals;
    private final DateTimeFormatter dateFormat;
    private final String numberExample;
    private final FixedWidthDate fastDate;
    private String lastDateText;
    private LocalDate lastDate;

    FieldValueParser(FieldMapping field, Locale locale) {
        this.field = field;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.decimals = new DecimalText(symbols.getDecimalSeparator(), symbols.getGroupingSeparator());
        this.numberExample = "1" + symbols.getGroupingSeparator() + "234" + symbols.getDecimalSeparator() + "56";
        this.dateFormat = field.format() == null ? null : strict(field.format());
        this.fastDate = FixedWidthDate.of(field.format() == null ? "yyyy-MM-dd" : field.format());
    }

    FieldMapping field() {
        return field;
    }

    /**
     * The typed value of {@code raw}: the field's constant if it has one; else the cell (or the field's default when
     * the cell is empty), translated through the field's value map; null when empty or computed later in SQL.
     */
    Object parse(String raw) throws ValueException {
        if (field.value() != null) {
            return typed(field.value());
        }
        if (field.computed()) {
            return null;
        }
        String text = raw == null ? "" : trim(raw);
        if (text.isEmpty()) {
            if (field.defaultValue() == null) {
                return null;
            }
            text = field.defaultValue();
        }
        if (!field.valueMap().isEmpty()) {
            text = ValueMaps.translate(field, text);
            if (text == null) {
                return null;
            }
        }
        return typed(text);
    }

    private Object typed(String text) throws ValueException {
        return switch (field.type()) {
            case STRING -> text;
            case INTEGER -> integer(text);
            case DECIMAL -> decimal(text);
            case PERCENT -> percent(text);
            case DATE -> date(text);
            case TIMESTAMP -> timestamp(text);
            case BOOLEAN -> bool(text);
        };
    }

    Long integer(String text) throws ValueException {
        Long plain = plainLong(text);
        if (plain != null) {
            return plain;
        }
        BigDecimal value = decimals.parse(text);
        if (value != null && value.signum() == 0) {
            return 0L;
        }
        try {
            if (value != null) {
                return value.stripTrailingZeros().longValueExact();
            }
        } catch (ArithmeticException notWhole) {
            // falls through to the error below
        }
        throw new ValueException("type.integer", "expected a whole number such as 42");
    }

    /** Digits with an optional leading minus, up to 18 of them: the common case, parsed without BigDecimal. */
    private static Long plainLong(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        int length = text.length();
        if (length == start || length - start > 18) {
            return null;
        }
        long value = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    BigDecimal decimal(String text) throws ValueException {
        BigDecimal value = decimals.parse(text);
        if (value == null) {
            throw new ValueException("type.decimal", "expected a decimal number such as " + numberExample);
        }
        return value;
    }

    BigDecimal percent(String text) throws ValueException {
        int end = text.length();
        boolean percentSign = text.charAt(end - 1) == '%';
        String number = percentSign ? text.substring(0, end - 1).strip() : text;
        BigDecimal value = number.isEmpty() ? null : decimals.parse(number);
        if (value == null) {
            throw new ValueException(
                    "type.percent",
                    "expected a percentage such as 23 % or a fraction such as 0"
                            + numberExample.charAt(numberExample.length() - 3) + "23");
        }
        return percentSign ? value.movePointLeft(2) : value;
    }

    LocalDate date(String text) throws ValueException {
        if (text.equals(lastDateText)) {
            return lastDate;
        }
        LocalDate date = fastDate == null ? null : fastDate.parse(text);
        if (date != null) {
            lastDateText = text;
            lastDate = date;
            return date;
        }
        try {
            return LocalDate.parse(text, dateFormat == null ? ISO_DATE : dateFormat);
        } catch (DateTimeParseException e) {
            throw new ValueException(
                    "type.date",
                    "expected a date in the format " + (field.format() == null ? "yyyy-MM-dd" : field.format()));
        }
    }

    LocalDateTime timestamp(String text) throws ValueException {
        try {
            if (dateFormat != null) {
                return LocalDateTime.parse(text, dateFormat);
            }
            return text.indexOf('T') > 0 ? LocalDateTime.parse(text) : LocalDateTime.parse(text, SPACE_TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new ValueException(
                    "type.timestamp",
                    "expected a timestamp in the format "
                            + (field.format() == null ? "yyyy-MM-dd HH:mm:ss" : field.format()));
        }
    }

    Boolean bool(String text) throws ValueException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "ja", "j", "y", "1", "x", "wahr" -> Boolean.TRUE;
            case "false", "no", "nein", "n", "0", "falsch" -> Boolean.FALSE;
            default -> throw new ValueException("type.boolean", "expected true/false, yes/no, ja/nein, 1/0 or x");
        };
    }

    /** Trims whitespace including no-break spaces, which Excel users and ERP exports like to leave behind. */
    static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == raw.length() ? raw : raw.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2007' || Character.isWhitespace(c);
    }

    /** A strict formatter: 31.02.2025 is an error, not 28.02.2025. {@code yyyy} becomes {@code uuuu} for that. */
    static DateTimeFormatter strict(String pattern) {
        String proleptic = pattern.indexOf('G') < 0 && pattern.indexOf('\'') < 0 ? pattern.replace('y', 'u') : pattern;
        ResolverStyle style =
                proleptic.equals(pattern) && pattern.indexOf('y') >= 0 ? ResolverStyle.SMART : ResolverStyle.STRICT;
        return DateTimeFormatter.ofPattern(proleptic, Locale.ROOT).withResolverStyle(style);
    }
}
