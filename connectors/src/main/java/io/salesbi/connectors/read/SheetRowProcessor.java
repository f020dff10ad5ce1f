package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import java.util.List;

/**
 * What happens to each row a spreadsheet parser finds: title rows are skipped until the header (given, or detected as
 * the first row naming every required column, so a merged group-header row above it is not taken), then each data
 * row is converted and handed to the tally. Shared by the xlsx and xls readers.
 */
final class SheetRowProcessor implements SheetRows {

    private final String fileName;
    private final String sheet;
    private final SourceMapping mapping;
    private final ReaderSettings settings;
    private final RowTally tally;
    private final FieldValueParser[] parsers;
    private ExcelValues values;
    private HeaderBinding binding;
    private int lastMappedColumn;
    private List<String> bestCandidate;
    private int bestMatches = -1;
    private long rowsSeen;
    private long hiddenRowsSkipped;

    SheetRowProcessor(String fileName, String sheet, SourceMapping mapping, ReaderSettings settings, RowSink sink) {
        this.fileName = fileName;
        this.sheet = sheet;
        this.mapping = mapping;
        this.settings = settings;
        this.tally = new RowTally(fileName, sheet, mapping, sink);
        this.parsers = mapping.fields().stream()
                .map(f -> new FieldValueParser(f, mapping.locale()))
                .toArray(FieldValueParser[]::new);
    }

    @Override
    public void note(String warning) {
        tally.warn(warning);
    }

    @Override
    public void useValues(ExcelValues excelValues) {
        this.values = excelValues;
    }

    /** The highest column worth keeping: before the header every column, after it only mapped ones. */
    @Override
    public int lastUsefulColumn(int maxColumns) {
        return binding == null ? maxColumns - 1 : lastMappedColumn;
    }

    /** Whether the header is found; the parser may stop early when the sheet then has nothing more to give. */
    boolean headerFound() {
        return binding != null;
    }

    @Override
    public void row(long rowNumber, boolean hidden, CellRow row) throws FileRejectedException {
        if (binding == null) {
            findHeader(rowNumber, row);
            return;
        }
        if (row.isBlank()) {
            return;
        }
        if (hidden && !mapping.includeHiddenRows()) {
            hiddenRowsSkipped++;
            return;
        }
        tally.delivered();
        Object[] converted = new Object[parsers.length];
        boolean ok = true;
        for (int f = 0; f < parsers.length; f++) {
            int column = binding.columnOf()[f];
            try {
                converted[f] = column >= 0 ? values.value(row, column, parsers[f]) : parsers[f].parse(null);
            } catch (ValueException e) {
                tally.reject(
                        rowNumber,
                        binding.headerOf(f),
                        column >= 0 ? values.raw(row, column) : null,
                        e.rule(),
                        e.getMessage());
                ok = false;
                continue;
            }
            if (converted[f] == null
                    && parsers[f].field().required()
                    && !parsers[f].field().computed()) {
                tally.reject(
                        rowNumber,
                        parsers[f].field().column(),
                        column >= 0 ? values.raw(row, column) : null,
                        "required",
                        "a value is required in column " + parsers[f].field().column());
                ok = false;
            }
        }
        if (ok) {
            tally.accept(rowNumber, converted);
        } else if (mapping.computedInSql()) {
            tally.passOnRejected(rowNumber, converted);
        }
    }

    private void findHeader(long rowNumber, CellRow row) throws FileRejectedException {
        rowsSeen++;
        bindHeader(rowNumber, row);
        if (binding != null) {
            lastMappedColumn = binding.lastMappedColumn();
        }
    }

    private void bindHeader(long rowNumber, CellRow row) throws FileRejectedException {
        if (mapping.headerRow() != null) {
            if (rowNumber >= mapping.headerRow()) {
                binding = HeaderBinding.bind(fileName, sheet, row.asHeader(), mapping);
            }
            return;
        }
        List<String> cells = row.asHeader();
        if (HeaderBinding.isHeader(cells, mapping)) {
            binding = HeaderBinding.bind(fileName, sheet, cells, mapping);
            return;
        }
        int matches = HeaderBinding.matches(cells, mapping);
        if (matches > bestMatches) {
            bestMatches = matches;
            bestCandidate = cells;
        }
        if (rowsSeen >= settings.headerScanRows()) {
            throw noHeader();
        }
    }

    /** Ends the sheet: an unfound header rejects the file, else the summary with the reject-ratio check. */
    ReadSummary finish() throws FileRejectedException {
        if (binding == null) {
            throw noHeader();
        }
        if (hiddenRowsSkipped > 0) {
            tally.warn(hiddenRowsSkipped + " hidden rows were skipped");
        }
        return tally.finish(binding);
    }

    private FileRejectedException noHeader() throws FileRejectedException {
        if (bestCandidate == null) {
            return new FileRejectedException(
                    "empty", "File " + fileName + ", sheet " + sheet + ": no header row found, the sheet is empty");
        }
        try {
            HeaderBinding.bind(fileName, sheet, bestCandidate, mapping);
        } catch (FileRejectedException missingColumn) {
            return missingColumn;
        }
        return new FileRejectedException(
                "missing_column",
                "File " + fileName + ", sheet " + sheet + ": no header row found in the first " + rowsSeen + " rows");
    }
}
