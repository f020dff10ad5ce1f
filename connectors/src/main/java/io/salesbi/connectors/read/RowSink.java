package io.salesbi.connectors.read;

/** Receives what a reader makes of a file, row by row, in file order. */
public interface RowSink {

    /**
     * A row that passed every rule of the mapping.
     *
     * @param sheet  the sheet name (Excel) or null (CSV)
     * @param row    1-based row or line number in the file
     * @param values one typed value per {@code SourceMapping.fields()}, in that order; null when empty
     */
    void accept(String sheet, long row, Object[] values);

    /** A row that failed a rule; one call per failing cell (a row with two bad cells gives two calls). */
    void reject(RowRejection rejection);
}
