package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The first rows of a delivered file, unmapped, with how it was read: what a mapping is drafted from.
 *
 * @param fileName  the file name
 * @param format    the format found by content (xlsx, xls) or else by extension
 * @param sheet     the sheet sampled, null for CSV
 * @param charset   CSV: the encoding detected (byte-order mark, UTF-8 validity, else Windows-1252); null otherwise
 * @param delimiter CSV: the delimiter detected from the first line; null otherwise
 * @param rows      the non-blank rows, in file order
 * @param warnings  what the detection wants a steward to know
 */
public record FileSample(
        String fileName,
        FileFormat format,
        String sheet,
        Charset charset,
        Character delimiter,
        List<Row> rows,
        List<String> warnings) {

    /**
     * One row.
     *
     * @param number 1-based row number (Excel) or line number (CSV), as a mapping's {@code header-row} counts
     * @param cells  the cells from the first column on; trailing blank cells may be missing
     */
    public record Row(long number, List<SampleCell> cells) {

        /** The cell at a 0-based column; blank beyond the row's end. */
        public SampleCell cell(int column) {
            return column < cells.size() ? cells.get(column) : SampleCell.BLANK;
        }
    }
}
