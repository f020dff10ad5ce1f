package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.FieldType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns spreadsheet cells into field values: numbers, serial dates (1900 or 1904 system), percentages (Excel keeps
 * 23 % as 0.23), booleans, error cells and text, which goes through the field's {@link FieldValueParser}.
 */
final class ExcelValues {

    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    private final CellFormats formats;
    private final boolean date1904;
    private final DataFormatter formatter;

    ExcelValues(CellFormats formats, boolean date1904, Locale locale) {
        this.formats = formats;
        this.date1904 = date1904;
        this.formatter = new DataFormatter(locale);
    }

    Object value(CellRow row, int column, FieldValueParser parser) throws ValueException {
        FieldType type = parser.field().type();
        if (!parser.field().valueMap().isEmpty() || row.kind(column) == CellRow.Kind.BLANK) {
            return parser.parse(raw(row, column));
        }
        return switch (row.kind(column)) {
            case BLANK -> null;
            case TEXT -> parser.parse(row.text(column));
            case ISO_DATE -> isoDate(row.text(column), parser);
            case ERROR ->
                throw new ValueException(
                        "excel_error", "the cell shows the Excel error " + row.text(column) + " instead of a value");
            case BOOLEAN -> bool(row.number(column) != 0, type);
            case NUMBER -> number(row.number(column), row.format(column), type);
        };
    }

    /** Whether a number cell carries a date format, so that Excel shows it as a date. */
    boolean isDateFormatted(CellRow row, int column) {
        int format = row.format(column);
        return DateUtil.isADateFormat(formats.formatIndex(format), formats.formatString(format));
    }

    /** A serial date as date and time, null when the number is no valid Excel date. */
    LocalDateTime serialDateOrNull(double value) {
        return DateUtil.isValidExcelDate(value) ? DateUtil.getLocalDateTime(value, date1904, true) : null;
    }

    /** The cell as the steward sees it, for rejections. */
    String raw(CellRow row, int column) {
        return switch (row.kind(column)) {
            case BLANK -> null;
            case NUMBER -> plain(row.number(column));
            case BOOLEAN -> row.number(column) != 0 ? "TRUE" : "FALSE";
            default -> row.text(column);
        };
    }

    private Object number(double value, int format, FieldType type) throws ValueException {
        return switch (type) {
            case STRING -> text(value, format);
            case DECIMAL, PERCENT -> decimal(value);
            case INTEGER -> {
                if (value != Math.rint(value) || Math.abs(value) > 9.0e15) {
                    throw new ValueException("type.integer", "expected a whole number such as 42");
                }
                yield (long) value;
            }
            case DATE -> serialDate(value).toLocalDate();
            case TIMESTAMP -> serialDate(value);
            case BOOLEAN -> {
                if (value != 0 && value != 1) {
                    throw new ValueException("type.boolean", "expected true/false, yes/no, ja/nein, 1/0 or x");
                }
                yield value == 1;
            }
        };
    }

    private String text(double value, int format) {
        String pattern = formats.formatString(format);
        if (pattern == null || pattern.equalsIgnoreCase("General") || pattern.equals("@")) {
            return plain(value);
        }
        return formatter.formatRawCellContents(value, formats.formatIndex(format), pattern, date1904);
    }

    private LocalDateTime serialDate(double value) throws ValueException {
        if (!DateUtil.isValidExcelDate(value)) {
            throw new ValueException("type.date", "expected an Excel date, found the number " + plain(value));
        }
        return DateUtil.getLocalDateTime(value, date1904, true);
    }

    private static Object isoDate(String text, FieldValueParser parser) throws ValueException {
        try {
            LocalDateTime dateTime = text.indexOf('T') > 0
                    ? LocalDateTime.parse(text)
                    : java.time.LocalDate.parse(text).atStartOfDay();
            return switch (parser.field().type()) {
                case DATE -> dateTime.toLocalDate();
                case TIMESTAMP -> dateTime;
                default -> parser.parse(text);
            };
        } catch (java.time.format.DateTimeParseException e) {
            return parser.parse(text);
        }
    }

    private static Object bool(boolean value, FieldType type) throws ValueException {
        return switch (type) {
            case BOOLEAN -> value;
            case STRING -> value ? "TRUE" : "FALSE";
            default ->
                throw new ValueException(
                        "type." + type.name().toLowerCase(Locale.ROOT),
                        "expected a " + type.name().toLowerCase(Locale.ROOT) + ", found the boolean " + value);
        };
    }

    /** The number as Excel shows it in General format: at most 15 significant digits, no exponent, no ".0". */
    static BigDecimal decimal(double value) {
        BigDecimal shortest = BigDecimal.valueOf(value);
        if (shortest.precision() <= EXCEL_PRECISION.getPrecision()) {
            BigDecimal stripped = shortest.scale() > 0 ? shortest.stripTrailingZeros() : shortest;
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        BigDecimal exact = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return decimal(value).toPlainString();
    }
}
