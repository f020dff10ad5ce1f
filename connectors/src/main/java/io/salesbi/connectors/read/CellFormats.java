package io.salesbi.connectors.read;

/** What the number format of a cell says: its format index and pattern, and whether it shows a date. */
interface CellFormats {

    /** The built-in or custom format index for the cell's style or format reference. */
    int formatIndex(int format);

    /** The format pattern, e.g. {@code dd.mm.yyyy} or {@code 0.0%}; "General" when none. */
    String formatString(int format);

    /** Whether numbers in this format are serial dates. */
    boolean isDate(int format);
}
