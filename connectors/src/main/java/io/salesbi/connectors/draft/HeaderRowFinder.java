package io.salesbi.connectors.draft;

import io.salesbi.connectors.read.FileSample;
import io.salesbi.connectors.read.SampleCell;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the header among a file's first rows: the first row made only of labels (text that is neither a
 * number nor a date) that is about as wide as the data below it. Title rows above it hold one or a few cells (a merged
 * title keeps its text in the first cell only), meta lines such as DATEV's hold numbers, so neither is taken.
 */
final class HeaderRowFinder {

    /** A header must have at least this share of the typical data row's cell count as distinct labels. */
    private static final double MIN_WIDTH_SHARE = 0.6;

    private HeaderRowFinder() {}

    /** The index in {@code rows} of the header row; 0 when no row looks like one. */
    static int find(List<FileSample.Row> rows, int scanRows) {
        int typical = typicalWidth(rows);
        for (int i = 0; i < Math.min(scanRows, rows.size()); i++) {
            if (isHeader(rows.get(i), typical)) {
                return i;
            }
        }
        return 0;
    }

    private static boolean isHeader(FileSample.Row row, int typicalWidth) {
        Set<String> labels = new HashSet<>();
        for (SampleCell cell : row.cells()) {
            if (cell.isBlank()) {
                continue;
            }
            if (cell.kind() != SampleCell.Kind.TEXT
                    || ValueShapes.isNumber(cell.text())
                    || ValueShapes.isDate(cell.text())) {
                return false;
            }
            labels.add(cell.text().strip().toLowerCase(java.util.Locale.ROOT));
        }
        return labels.size() >= 2 && labels.size() >= Math.ceil(typicalWidth * MIN_WIDTH_SHARE);
    }

    /** The median count of non-blank cells per row: data rows outnumber titles and totals. */
    private static int typicalWidth(List<FileSample.Row> rows) {
        int[] widths = rows.stream()
                .mapToInt(
                        r -> (int) r.cells().stream().filter(c -> !c.isBlank()).count())
                .sorted()
                .toArray();
        return widths.length == 0 ? 0 : widths[widths.length / 2];
    }
}
