package io.salesbi.connectors.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of one spreadsheet row as the streaming parsers find them, in reusable arrays so that a million rows do
 * not mean a million cell objects. Column indexes are 0-based.
 */
final class CellRow {

    enum Kind {
        BLANK,
        TEXT,
        NUMBER,
        BOOLEAN,
        ERROR,
        ISO_DATE
    }

    private Kind[] kinds = new Kind[16];
    private String[] texts = new String[16];
    private double[] numbers = new double[16];
    private int[] formats = new int[16];
    private int width;

    /** Clears the row for the next one. */
    void clear() {
        Arrays.fill(kinds, 0, width, Kind.BLANK);
        Arrays.fill(texts, 0, width, null);
        width = 0;
    }

    void setText(int column, Kind kind, String text) {
        ensure(column);
        kinds[column] = kind;
        texts[column] = text;
    }

    void setNumber(int column, double number, int formatIndex) {
        ensure(column);
        kinds[column] = Kind.NUMBER;
        numbers[column] = number;
        formats[column] = formatIndex;
    }

    void setBoolean(int column, boolean value) {
        ensure(column);
        kinds[column] = Kind.BOOLEAN;
        numbers[column] = value ? 1 : 0;
    }

    /** One past the last column set in this row. */
    int width() {
        return width;
    }

    Kind kind(int column) {
        return column < width && kinds[column] != null ? kinds[column] : Kind.BLANK;
    }

    String text(int column) {
        return texts[column];
    }

    double number(int column) {
        return numbers[column];
    }

    /** The style index (xlsx) or format-record index (xls) of a number cell; resolved by a {@link CellFormats}. */
    int format(int column) {
        return formats[column];
    }

    boolean isBlank() {
        for (int c = 0; c < width; c++) {
            Kind kind = kind(c);
            if (kind != Kind.BLANK && !(kind == Kind.TEXT && texts[c].isBlank())) {
                return false;
            }
        }
        return true;
    }

    /** The row's cells as header texts; numbers in plain notation. */
    List<String> asHeader() {
        List<String> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            cells.add(
                    switch (kind(c)) {
                        case BLANK -> "";
                        case NUMBER -> ExcelValues.plain(numbers[c]);
                        case BOOLEAN -> numbers[c] != 0 ? "TRUE" : "FALSE";
                        default -> texts[c];
                    });
        }
        return cells;
    }

    private void ensure(int column) {
        if (column >= kinds.length) {
            int size = Math.max(column + 1, kinds.length * 2);
            kinds = Arrays.copyOf(kinds, size);
            texts = Arrays.copyOf(texts, size);
            numbers = Arrays.copyOf(numbers, size);
            formats = Arrays.copyOf(formats, size);
        }
        if (column >= width) {
            Arrays.fill(kinds, width, column + 1, Kind.BLANK);
            width = column + 1;
        }
    }
}
