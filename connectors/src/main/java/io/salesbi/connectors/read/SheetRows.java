package io.salesbi.connectors.read;

/**
 * What the streaming spreadsheet parsers (xlsx and xls) hand their rows to: the mapping-driven
 * {@link SheetRowProcessor} when a file is read, a {@link SheetSampler} when a mapping is drafted from it.
 */
interface SheetRows {

    /** Set once the workbook's formats and date system are known, before the first row. */
    void useValues(ExcelValues excelValues);

    /** The highest 0-based column worth keeping; cells beyond it are not even stored. */
    int lastUsefulColumn(int maxColumns);

    /** One row of the sheet, 1-based row number as Excel shows it. */
    void row(long rowNumber, boolean hidden, CellRow row) throws FileRejectedException;

    /** A note on the file for the steward, such as a sheet passed over; receivers that report nothing ignore it. */
    default void note(String warning) {}

    /** False once the receiver has all it wants; the parser then stops without reading the rest of the sheet. */
    default boolean wantsMore() {
        return true;
    }
}
