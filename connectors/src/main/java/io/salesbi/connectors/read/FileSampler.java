package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the first rows of a file without a mapping, with the same sniffing and streaming parsers the readers use, so
 * that a mapping drafted from the sample reads the file the same way.
 */
public final class FileSampler {

    private final ReaderSettings settings;

    public FileSampler() {
        this(ReaderSettings.defaults());
    }

    FileSampler(ReaderSettings settings) {
        this.settings = settings;
    }

    /**
     * The first {@code maxRows} non-blank rows of {@code file}.
     *
     * @param sheet spreadsheets: the sheet name; null for the first sheet. Ignored for CSV.
     */
    public FileSample sample(Path file, String sheet, int maxRows) throws FileRejectedException {
        FileFormat format = SourceFileReaders.spreadsheetByContent(file, SourceFileReaders.formatByExtension(file));
        String name = file.getFileName().toString();
        return switch (format) {
            case CSV -> csv(file, name, maxRows);
            case XLSX -> {
                XlsxFileReader reader = new XlsxFileReader(settings);
                FileSample sample = sheet(
                        name,
                        format,
                        reader.streamSheet(file, sheet, 0, Locale.ROOT, s -> new SheetSampler(s, maxRows)));
                List<String> names = reader.sheetNames(file);
                yield names.size() < 2
                        ? sample
                        : new FileSample(
                                name,
                                format,
                                sample.sheet(),
                                null,
                                null,
                                sample.rows(),
                                List.of("the workbook has the sheets " + names + "; --sheet chooses one"));
            }
            case XLS ->
                sheet(
                        name,
                        format,
                        new XlsFileReader(settings)
                                .streamSheet(file, sheet, 0, Locale.ROOT, s -> new SheetSampler(s, maxRows)));
        };
    }

    private static FileSample sheet(String name, FileFormat format, SheetSampler sampler) {
        return new FileSample(name, format, sampler.sheet(), null, null, sampler.rows(), List.of());
    }

    private static FileSample csv(Path file, String name, int maxRows) throws FileRejectedException {
        try {
            CsvLayout layout = CsvSniffer.sniff(file, null, null);
            List<FileSample.Row> rows = new ArrayList<>();
            try (CSVParser parser = layout.open(file)) {
                long lineAfterPrevious = 0;
                for (CSVRecord record : parser) {
                    long line = lineAfterPrevious + 1;
                    lineAfterPrevious = parser.getCurrentLineNumber();
                    List<SampleCell> cells =
                            record.stream().map(SampleCell::ofText).toList();
                    if (cells.stream().allMatch(SampleCell::isBlank)) {
                        continue;
                    }
                    rows.add(new FileSample.Row(line, cells));
                    if (rows.size() >= maxRows) {
                        break;
                    }
                }
            }
            return new FileSample(
                    name,
                    FileFormat.CSV,
                    null,
                    layout.charset(),
                    layout.delimiter(),
                    List.copyOf(rows),
                    layout.warnings());
        } catch (UncheckedIOException e) {
            throw new FileRejectedException(
                    "malformed",
                    "File " + name + " cannot be read as CSV in " + "its first " + maxRows + " rows: "
                            + e.getCause().getMessage(),
                    e);
        } catch (IOException e) {
            throw new FileRejectedException("unreadable", "File " + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
