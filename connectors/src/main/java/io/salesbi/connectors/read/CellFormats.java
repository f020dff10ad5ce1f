package io.salesbi.connectors.read;

/** The number format of a cell: its format index and pattern, used to render numbers read into text fields. */
interface CellFormats {

    /** The built-in or custom format index for the cell's style or format reference. */
    int formatIndex(int format);

    /** The format pattern, e.g. {@code dd.mm.yyyy} or {@code 0.0%}; "General" when none. */
    String formatString(int format);
}
