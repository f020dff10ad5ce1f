package io.salesbi.connectors.draft;

import io.salesbi.connectors.draft.ValueShapes.Decimal;
import io.salesbi.connectors.mapping.FieldType;
import io.salesbi.connectors.read.SampleCell;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sampled values of one column look like: spreadsheet numbers and dates, numbers written as text with a
 * decimal point or comma, or dates in the patterns the values fit. From this follows the type a column is read as,
 * and, when the column is placed on a canonical field of a given type, the date format and decimal style to read it.
 * A few values of another kind (a "Total" label in a date column below the data) do not change the column's type:
 * they are reported as outliers, rows the mapping will quarantine or a row filter has to drop.
 */
final class ColumnProfile {

    /** The share of values that must fit a date or number type for the column to have it. */
    static final double MIN_FIT_SHARE = 0.8;

    private final int index;
    private final String header;
    private final List<SampleCell> cells = new ArrayList<>();
    private List<String> dateFormats;
    private List<String> dateCandidates;

    ColumnProfile(int index, String header) {
        this.index = index;
        this.header = header;
    }

    /** Adds a value; all values are added before the profile is asked anything. */
    void add(SampleCell cell) {
        if (!cell.isBlank()) {
            cells.add(cell);
        }
    }

    int index() {
        return index;
    }

    String header() {
        return header;
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The first non-blank value, for the draft's comments; null when the column is empty. */
    String example() {
        return cells.isEmpty() ? null : cells.get(0).text();
    }

    /** The type the values alone suggest. */
    FieldType valueType() {
        if (cells.isEmpty()) {
            return FieldType.STRING;
        }
        if (count(SampleCell.Kind.BOOLEAN) == cells.size()) {
            return FieldType.BOOLEAN;
        }
        if (fitsDate() && texts().stream().noneMatch(ValueShapes::isWholeNumber)) {
            boolean time = cells.stream()
                            .anyMatch(c ->
                                    c.kind() == SampleCell.Kind.DATE && c.text().indexOf('T') > 0)
                    || !dateFormats().isEmpty()
                            && ValueShapes.hasTime(dateFormats().get(0));
            return time ? FieldType.TIMESTAMP : FieldType.DATE;
        }
        if (!texts().isEmpty() && texts().stream().allMatch(ValueShapes::isPercent)) {
            return FieldType.PERCENT;
        }
        if (fitsNumber()) {
            List<String> numbers = numbers();
            boolean whole = numbers.stream().allMatch(ValueShapes::isWholeNumber);
            boolean leadingZero = texts().stream()
                    .anyMatch(v -> v.strip().length() > 1 && v.strip().startsWith("0") && ValueShapes.isWholeNumber(v));
            return !whole ? FieldType.DECIMAL : leadingZero ? FieldType.STRING : FieldType.INTEGER;
        }
        return FieldType.STRING;
    }

    /** Whether most values are dates: spreadsheet dates, or text in one pattern. */
    boolean fitsDate() {
        return !cells.isEmpty() && dates().size() >= MIN_FIT_SHARE * cells.size();
    }

    /** Whether most values are numbers: spreadsheet numbers, or text with one consistent decimal style. */
    boolean fitsNumber() {
        return !cells.isEmpty() && decimal() != null && numbers().size() >= MIN_FIT_SHARE * cells.size();
    }

    /** Whether some values are dates written as text, which need a format; spreadsheet dates do not. */
    boolean isTextDate() {
        return cells.stream()
                .anyMatch(c ->
                        c.kind() == SampleCell.Kind.TEXT && dateCandidates().contains(c.text()));
    }

    /** The values that are no date, in sample order: labels or totals below the data. */
    List<String> dateOutliers() {
        List<String> dates = dates();
        return cells.stream()
                .map(SampleCell::text)
                .filter(v -> !dates.contains(v))
                .toList();
    }

    /** The values that are no number, in sample order. */
    List<String> numberOutliers() {
        List<String> numbers = numbers();
        return cells.stream()
                .map(SampleCell::text)
                .filter(v -> !numbers.contains(v))
                .toList();
    }

    /** The date patterns every date-like text value fits, best first; empty when there is none or no pattern fits. */
    List<String> dateFormats() {
        if (dateFormats == null) {
            List<String> candidates = dateCandidates();
            List<String> fitting = new ArrayList<>();
            for (String pattern : candidates.isEmpty() ? List.<String>of() : ValueShapes.PATTERNS) {
                if (candidates.stream().allMatch(v -> ValueShapes.parses(pattern, v.strip()))) {
                    fitting.add(pattern);
                }
            }
            dateFormats = List.copyOf(fitting);
        }
        return dateFormats;
    }

    /**
     * How the text numbers write decimals: POINT or COMMA when one value shows it and none contradicts, NONE for
     * whole numbers and spreadsheet numbers, AMBIGUOUS when every value could be either (1.234); null when there are
     * no numbers or they mix both styles.
     */
    Decimal decimal() {
        Decimal style = null;
        for (SampleCell cell : cells) {
            if (cell.kind() == SampleCell.Kind.NUMBER) {
                style = style == null ? Decimal.NONE : style;
                continue;
            }
            Decimal d = cell.kind() == SampleCell.Kind.TEXT ? ValueShapes.decimal(cell.text()) : null;
            if (d == null) {
                continue;
            }
            if (d == Decimal.POINT || d == Decimal.COMMA) {
                if ((style == Decimal.POINT || style == Decimal.COMMA) && style != d) {
                    return null;
                }
                style = d;
            } else if (style == null || style == Decimal.NONE && d == Decimal.AMBIGUOUS) {
                style = d;
            }
        }
        return style;
    }

    private List<String> texts() {
        return cells.stream()
                .filter(c -> c.kind() == SampleCell.Kind.TEXT)
                .map(SampleCell::text)
                .toList();
    }

    /** Text values that look like dates; when every text is a bare number, all of them (20250131, 31012025). */
    private List<String> dateCandidates() {
        if (dateCandidates == null) {
            List<String> texts = texts();
            dateCandidates =
                    !texts.isEmpty() && texts.stream().allMatch(v -> v.strip().matches("\\d{8}"))
                            ? texts
                            : texts.stream().filter(ValueShapes::isDate).toList();
        }
        return dateCandidates;
    }

    private List<String> dates() {
        List<String> dates = new ArrayList<>();
        boolean textFits = !dateFormats().isEmpty();
        List<String> candidates = dateCandidates();
        for (SampleCell cell : cells) {
            if (cell.kind() == SampleCell.Kind.DATE || textFits && candidates.contains(cell.text())) {
                dates.add(cell.text());
            }
        }
        return dates;
    }

    private List<String> numbers() {
        return cells.stream()
                .filter(c -> c.kind() == SampleCell.Kind.NUMBER
                        || c.kind() == SampleCell.Kind.TEXT && ValueShapes.decimal(c.text()) != null)
                .map(SampleCell::text)
                .toList();
    }

    private long count(SampleCell.Kind kind) {
        return cells.stream().filter(c -> c.kind() == kind).count();
    }
}
