package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads CSV exports (RFC 4180, quoted line breaks) with Commons CSV: detects encoding and delimiter when the mapping
 * does not give them, finds the header, and parses each mapped cell into its typed value. Rows are streamed; memory
 * does not grow with the file.
 */
final class CsvFileReader implements SourceFileReader {

    private final ReaderSettings settings;

    CsvFileReader(ReaderSettings settings) {
        this.settings = settings;
    }

    @Override
    public ReadSummary read(Path file, SourceMapping mapping, RowSink sink) throws FileRejectedException {
        String name = file.getFileName().toString();
        try {
            CsvLayout layout = CsvSniffer.sniff(file, mapping);
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(layout.bomLength());
                InputStreamReader reader = new InputStreamReader(in, layout.charset().newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(layout.delimiter())
                        .setIgnoreEmptyLines(false).get();
                try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                    return new Pass(name, mapping, sink, parser, layout).run();
                }
            }
        } catch (SinkFailure e) {
            throw e.original();
        } catch (IOException e) {
            throw new FileRejectedException("unreadable", "File " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** One pass over one file: header first, then the data rows. */
    private final class Pass {
        private final String name;
        private final SourceMapping mapping;
        private final CSVParser parser;
        private final CsvLayout layout;
        private final RowTally tally;
        private final FieldValueParser[] parsers;
        private long lineAfterPrevious;

        Pass(String name, SourceMapping mapping, RowSink sink, CSVParser parser, CsvLayout layout) {
            this.name = name;
            this.mapping = mapping;
            this.parser = parser;
            this.layout = layout;
            this.tally = new RowTally(name, null, mapping, sink);
            this.parsers = mapping.fields().stream().map(f -> new FieldValueParser(f, mapping.locale()))
                    .toArray(FieldValueParser[]::new);
        }

        ReadSummary run() throws FileRejectedException {
            layout.warnings().forEach(tally::warn);
            Iterator<CSVRecord> records = parser.iterator();
            HeaderBinding binding = findHeader(records);
            int width = binding.headers().size();
            Object[] values = new Object[parsers.length];
            long line;
            while ((line = nextLine()) > 0 && hasNext(records, line)) {
                CSVRecord record = records.next();
                lineAfterPrevious = parser.getCurrentLineNumber();
                if (isBlank(record)) {
                    continue;
                }
                tally.delivered();
                if (record.size() != width) {
                    tally.reject(line, null, abbreviate(record), "field_count", "expected " + width
                            + " fields as in the header, found " + record.size()
                            + " (delimiter '" + printable(layout.delimiter()) + "', unbalanced quotes?)");
                    continue;
                }
                if (convert(line, record, binding, values)) {
                    tally.accept(line, values);
                    values = new Object[parsers.length];
                } else if (mapping.computedInSql()) {
                    tally.passOnRejected(line, values);
                    values = new Object[parsers.length];
                }
            }
            return tally.finish(binding);
        }

        private boolean convert(long line, CSVRecord record, HeaderBinding binding, Object[] values) {
            boolean ok = true;
            for (int f = 0; f < parsers.length; f++) {
                int column = binding.columnOf()[f];
                String raw = column < 0 ? null : record.get(column);
                try {
                    values[f] = parsers[f].parse(raw);
                } catch (ValueException e) {
                    tally.reject(line, binding.headerOf(f), raw, e.rule(), e.getMessage());
                    ok = false;
                    continue;
                }
                if (values[f] == null && parsers[f].field().required() && !parsers[f].field().computed()) {
                    tally.reject(line, parsers[f].field().column(), raw, "required",
                            "a value is required in column " + parsers[f].field().column());
                    ok = false;
                }
            }
            return ok;
        }

        private HeaderBinding findHeader(Iterator<CSVRecord> records) throws FileRejectedException {
            List<String> best = List.of();
            int bestMatches = -1;
            long line;
            while ((line = nextLine()) > 0 && hasNext(records, line)) {
                CSVRecord record = records.next();
                lineAfterPrevious = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (mapping.headerRow() != null) {
                    if (line >= mapping.headerRow()) {
                        return HeaderBinding.bind(name, null, cells, mapping);
                    }
                    continue;
                }
                if (HeaderBinding.isHeader(cells, mapping)) {
                    return HeaderBinding.bind(name, null, cells, mapping);
                }
                int matches = HeaderBinding.matches(cells, mapping);
                if (matches > bestMatches) {
                    best = cells;
                    bestMatches = matches;
                }
                if (record.getRecordNumber() >= settings.headerScanRows()) {
                    break;
                }
            }
            if (bestMatches < 0) {
                throw new FileRejectedException("empty", "File " + name + " contains no header line");
            }
            return HeaderBinding.bind(name, null, best, mapping);
        }

        /** The 1-based line the next record starts on: the line after the previous record ended. */
        private long nextLine() {
            return lineAfterPrevious + 1;
        }

        private boolean hasNext(Iterator<CSVRecord> records, long line) throws FileRejectedException {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                throw parseFailure(line, e.getCause());
            }
        }

        private FileRejectedException parseFailure(long line, IOException cause) {
            if (cause instanceof CharacterCodingException) {
                return new FileRejectedException("encoding", "File " + name + ", line " + line
                        + " or below: bytes that are not valid " + layout.charset()
                        + " (is the file in another encoding than the mapping says?)", cause);
            }
            return new FileRejectedException("malformed", "File " + name + ", from line " + line
                    + ": the CSV structure is broken (" + cause.getMessage() + ")", cause);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.toList());
        String joined = String.join("|", cells);
        return joined.length() > 500 ? joined.substring(0, 500) + "…" : joined;
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }
}
