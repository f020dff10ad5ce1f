package io.salesbi.connectors.draft;

import io.salesbi.connectors.draft.ValueShapes.Decimal;
import io.salesbi.connectors.mapping.FieldType;
import io.salesbi.connectors.read.SampleCell;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sampled values of one column look like: spreadsheet numbers and dates, numbers written as text with a
 * decimal point or comma, or dates in the patterns every value fits. From this follows the type a column is read as,
 * and, when the column is placed on a canonical field of a given type, the date format and decimal style to read it.
 */
final class ColumnProfile {

    private final int index;
    private final String header;
    private final List<String> values = new ArrayList<>();
    private int excelNumbers;
    private int excelWholeNumbers;
    private int excelDates;
    private int excelDateTimes;
    private int booleans;
    private int texts;
    private List<String> dateFormats;

    ColumnProfile(int index, String header) {
        this.index = index;
        this.header = header;
    }

    void add(SampleCell cell) {
        switch (cell.kind()) {
            case BLANK -> {
                return;
            }
            case NUMBER -> {
                excelNumbers++;
                if (ValueShapes.isWholeNumber(cell.text())) {
                    excelWholeNumbers++;
                }
            }
            case DATE -> {
                excelDates++;
                if (cell.text().indexOf('T') > 0) {
                    excelDateTimes++;
                }
            }
            case BOOLEAN -> booleans++;
            default -> texts++;
        }
        values.add(cell.text());
    }

    int index() {
        return index;
    }

    String header() {
        return header;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The first non-blank value, for the draft's comments; null when the column is empty. */
    String example() {
        return values.isEmpty() ? null : values.get(0);
    }

    /** The type the values alone suggest. */
    FieldType valueType() {
        if (values.isEmpty()) {
            return FieldType.STRING;
        }
        if (excelDates == values.size()) {
            return excelDateTimes > 0 ? FieldType.TIMESTAMP : FieldType.DATE;
        }
        if (booleans == values.size()) {
            return FieldType.BOOLEAN;
        }
        if (excelNumbers == values.size()) {
            return excelWholeNumbers == values.size() ? FieldType.INTEGER : FieldType.DECIMAL;
        }
        if (texts == values.size()) {
            if (values.stream().noneMatch(v -> ValueShapes.isWholeNumber(v)) && !dateFormats().isEmpty()) {
                return ValueShapes.hasTime(dateFormats().get(0)) ? FieldType.TIMESTAMP : FieldType.DATE;
            }
            if (values.stream().allMatch(ValueShapes::isPercent)) {
                return FieldType.PERCENT;
            }
            if (decimal() != null) {
                boolean whole = values.stream().allMatch(ValueShapes::isWholeNumber);
                boolean leadingZero = values.stream().anyMatch(v -> v.strip().length() > 1 && v.strip().startsWith("0"));
                return !whole ? FieldType.DECIMAL : leadingZero ? FieldType.STRING : FieldType.INTEGER;
            }
        }
        return FieldType.STRING;
    }

    /** Whether every value is a date, either a spreadsheet date or text in some known pattern. */
    boolean fitsDate() {
        return !values.isEmpty() && (excelDates == values.size() || texts == values.size() && !dateFormats().isEmpty());
    }

    /** Whether every value is a number, a spreadsheet number or text with one consistent decimal style. */
    boolean fitsNumber() {
        return !values.isEmpty() && (excelNumbers == values.size() || texts == values.size() && decimal() != null);
    }

    /** Whether the values need a format: spreadsheet dates are read without one. */
    boolean isTextDate() {
        return texts > 0;
    }

    /** The date patterns every text value fits, best first; empty when some value fits none. */
    List<String> dateFormats() {
        if (dateFormats == null) {
            dateFormats = List.copyOf(fittingDateFormats());
        }
        return dateFormats;
    }

    private List<String> fittingDateFormats() {
        List<String> fitting = new ArrayList<>();
        if (texts != values.size() || values.isEmpty()) {
            return fitting;
        }
        for (String pattern : ValueShapes.PATTERNS) {
            if (values.stream().allMatch(v -> ValueShapes.parses(pattern, v.strip()))) {
                fitting.add(pattern);
            }
        }
        return fitting;
    }

    /**
     * How the text values write decimals: POINT or COMMA when one value shows it and none contradicts, NONE for
     * whole numbers, AMBIGUOUS when every value could be either (1.234); null when the values are not all numbers or
     * mix both styles. Spreadsheet numbers have no style: NONE.
     */
    Decimal decimal() {
        if (values.isEmpty()) {
            return null;
        }
        if (excelNumbers == values.size()) {
            return Decimal.NONE;
        }
        if (texts != values.size()) {
            return null;
        }
        Decimal style = Decimal.NONE;
        for (String value : values) {
            Decimal d = ValueShapes.decimal(value);
            if (d == null) {
                return null;
            }
            if (d == Decimal.POINT || d == Decimal.COMMA) {
                if (style == Decimal.POINT || style == Decimal.COMMA) {
                    if (style != d) {
                        return null;
                    }
                }
                style = d;
            } else if (d == Decimal.AMBIGUOUS && style == Decimal.NONE) {
                style = Decimal.AMBIGUOUS;
            }
        }
        return style;
    }
}
