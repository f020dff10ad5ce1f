package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams every row of a delivered file without a mapping, with the readers' own sniffing and streaming parsers: all
 * rows of a CSV file, all rows of every sheet of an xlsx workbook (hidden rows included). For looking through archived
 * files for a person's data; a file is never held in memory as a whole.
 */
public final class FileScanner {

    /** Receives the rows in file order. */
    @FunctionalInterface
    public interface RowVisitor {
        /**
         * @param sheet  the sheet name, null for CSV
         * @param number 1-based row number (Excel) or line number where the record starts (CSV)
         * @param cells  the cells from the first column on
         */
        void row(String sheet, long number, List<SampleCell> cells);
    }

    /** How a file was read: its format and, for CSV, its encoding and delimiter. */
    public record Scanned(FileFormat format, Charset charset, Character delimiter) {}

    private final ReaderSettings settings = ReaderSettings.defaults();

    /** Visits every non-blank row of {@code file}; xls workbooks are not supported (rejected as unsupported). */
    public Scanned scan(Path file, RowVisitor visitor) throws FileRejectedException {
        FileFormat format = SourceFileReaders.spreadsheetByContent(file, SourceFileReaders.formatByExtension(file));
        String name = file.getFileName().toString();
        return switch (format) {
            case CSV -> csv(file, name, visitor);
            case XLSX -> {
                XlsxFileReader reader = new XlsxFileReader(settings);
                for (String sheet : reader.sheetNames(file)) {
                    reader.streamSheet(file, sheet, null, Locale.ROOT, s -> new Visiting(s, visitor));
                }
                yield new Scanned(format, null, null);
            }
            case XLS ->
                throw new FileRejectedException(
                        "unsupported", "File " + name + " is an xls workbook; only CSV and xlsx files are scanned");
        };
    }

    private static Scanned csv(Path file, String name, RowVisitor visitor) throws FileRejectedException {
        try {
            CsvLayout layout = CsvSniffer.sniff(file, null, null);
            try (CSVParser parser = layout.open(file)) {
                long lineAfterPrevious = 0;
                for (CSVRecord record : parser) {
                    long line = lineAfterPrevious + 1;
                    lineAfterPrevious = parser.getCurrentLineNumber();
                    List<SampleCell> cells =
                            record.stream().map(SampleCell::ofText).toList();
                    if (!cells.stream().allMatch(SampleCell::isBlank)) {
                        visitor.row(null, line, cells);
                    }
                }
            }
            return new Scanned(FileFormat.CSV, layout.charset(), layout.delimiter());
        } catch (UncheckedIOException e) {
            throw new FileRejectedException(
                    "malformed",
                    "File " + name + " cannot be read as CSV: " + e.getCause().getMessage(),
                    e);
        } catch (IOException e) {
            throw new FileRejectedException("unreadable", "File " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Hands every row of a sheet on, hidden ones too: personal data in a hidden row is still held. */
    private static final class Visiting implements SheetRows {

        private final String sheet;
        private final RowVisitor visitor;
        private ExcelValues values;

        Visiting(String sheet, RowVisitor visitor) {
            this.sheet = sheet;
            this.visitor = visitor;
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
            if (row.isBlank()) {
                return;
            }
            List<SampleCell> cells = new ArrayList<>(row.width());
            for (int c = 0; c < row.width(); c++) {
                cells.add(SheetSampler.cell(values, row, c));
            }
            visitor.row(sheet, rowNumber, cells);
        }
    }
}
