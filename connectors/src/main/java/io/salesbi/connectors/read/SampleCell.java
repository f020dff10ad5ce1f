package io.salesbi.connectors.read;

/**
 * One cell of a {@link FileSample} as the file holds it: CSV cells are always text; spreadsheet cells keep what
 * Excel knows about them (a number, a date-formatted number, a boolean).
 *
 * @param kind what the cell holds
 * @param text the cell as text: numbers in plain notation ({@code 2.55}), dates as ISO ({@code 2010-12-01} or
 *             {@code 2010-12-01T08:26}), the empty string for blank cells
 */
public record SampleCell(Kind kind, String text) {

    public enum Kind {
        BLANK,
        TEXT,
        NUMBER,
        DATE,
        BOOLEAN,
        ERROR
    }

    static final SampleCell BLANK = new SampleCell(Kind.BLANK, "");

    /** A cell of a CSV file: text, or blank when it holds only white space. */
    static SampleCell ofText(String text) {
        return text == null || text.isBlank() ? BLANK : new SampleCell(Kind.TEXT, text);
    }

    public boolean isBlank() {
        return kind == Kind.BLANK;
    }
}
