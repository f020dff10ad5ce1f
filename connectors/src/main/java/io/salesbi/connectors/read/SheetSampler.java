package io.salesbi.connectors.read;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Keeps the first non-blank rows of a sheet as {@link SampleCell}s and then asks the parser to stop. */
final class SheetSampler implements SheetRows {

    private final String sheet;
    private final int maxRows;
    private final List<FileSample.Row> rows = new ArrayList<>();
    private ExcelValues values;

    SheetSampler(String sheet, int maxRows) {
        this.sheet = sheet;
        this.maxRows = maxRows;
    }

    String sheet() {
        return sheet;
    }

    List<FileSample.Row> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void useValues(ExcelValues excelValues) {
        this.values = excelValues;
    }

    @Override
    public int lastUsefulColumn(int maxColumns) {
        return maxColumns - 1;
    }

    @Override
    public void row(long rowNumber, boolean hidden, CellRow row) {
        if (row.isBlank() || hidden) {
            return;
        }
        List<SampleCell> cells = new ArrayList<>(row.width());
        for (int c = 0; c < row.width(); c++) {
            cells.add(cell(row, c));
        }
        rows.add(new FileSample.Row(rowNumber, List.copyOf(cells)));
    }

    @Override
    public boolean wantsMore() {
        return rows.size() < maxRows;
    }

    private SampleCell cell(CellRow row, int column) {
        return cell(values, row, column);
    }

    /** A spreadsheet cell as a sample shows it: text, a number in plain notation, an ISO date, a boolean. */
    static SampleCell cell(ExcelValues values, CellRow row, int column) {
        return switch (row.kind(column)) {
            case BLANK -> SampleCell.BLANK;
            case TEXT -> SampleCell.ofText(row.text(column));
            case ERROR -> new SampleCell(SampleCell.Kind.ERROR, row.text(column));
            case BOOLEAN -> new SampleCell(SampleCell.Kind.BOOLEAN, row.number(column) != 0 ? "TRUE" : "FALSE");
            case ISO_DATE -> new SampleCell(SampleCell.Kind.DATE, row.text(column));
            case NUMBER -> number(values, row, column);
        };
    }

    private static SampleCell number(ExcelValues values, CellRow row, int column) {
        double number = row.number(column);
        if (values.isDateFormatted(row, column)) {
            LocalDateTime dateTime = values.serialDateOrNull(number);
            if (dateTime != null) {
                String iso = dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        ? dateTime.toLocalDate().toString()
                        : dateTime.toString();
                return new SampleCell(SampleCell.Kind.DATE, iso);
            }
        }
        return new SampleCell(SampleCell.Kind.NUMBER, ExcelValues.plain(number));
    }
}
