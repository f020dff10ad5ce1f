package io.salesbi.match.adhoc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads any list to match: CSV (delimiter , ; tab or | detected from the header line, UTF-8 with or without BOM,
 * Windows-1252 when the bytes are no UTF-8, values trimmed) or .xlsx (first sheet, streamed, the first
 * non-empty row is the header).
 */
public final class InputTableReader {

    private InputTableReader() {}

    public static InputTable read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") ? readXlsx(file) : readCsv(file);
    }

    /**
     * Reads the CSV from its bytes through a decoder (the text is never one string: at a million records that was a
     * second copy of the file on the heap) and keeps one instance per distinct value of a column (cities, streets,
     * postcodes and a company's repeated name share one string each), except in columns whose values are nearly all
     * distinct, such as the id: a 167 MB file of a million records took more than the default 1 GB heap before.
     */
    private static InputTable readCsv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        // a UTF-8 byte order mark; in Windows-1252 the same bytes are three characters of text, kept as before
        int start = charset == StandardCharsets.UTF_8
                        && bytes.length >= 3
                        && (bytes[0] & 0xFF) == 0xEF
                        && (bytes[1] & 0xFF) == 0xBB
                        && (bytes[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        int lineEnd = start;
        while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
            lineEnd++;
        }
        char delimiter = detectDelimiter(new String(bytes, start, lineEnd - start, charset));
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<Map<String, String>> distinct = new ArrayList<>();
        try (Reader reader =
                        new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), charset);
                CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList();
                    continue;
                }
                String[] values = record.values();
                for (int c = 0; c < values.length; c++) {
                    while (distinct.size() <= c) {
                        distinct.add(new HashMap<>());
                    }
                    Map<String, String> seen = distinct.get(c);
                    if (seen != null) {
                        values[c] = seen.computeIfAbsent(values[c], v -> v);
                        if (rows.size() == SHARING_SAMPLE && seen.size() > SHARING_SAMPLE * 9 / 10) {
                            distinct.set(c, null); // nearly all distinct: the map would cost more than it saves
                        }
                    }
                }
                rows.add(values);
            }
        }
        if (header == null) {
            throw new IOException(file + ": empty file, expected a header line");
        }
        return new InputTable(file.toString(), header, rows);
    }

    /** Rows after which a column whose values are nearly all distinct stops sharing them. */
    private static final int SHARING_SAMPLE = 10_000;

    /** True when the bytes are valid UTF-8, checked through a small buffer without decoding them into one string. */
    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        return !decoder.flush(out).isError();
    }

    static char detectDelimiter(String headerLine) {
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            long count = headerLine.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static InputTable readXlsx(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IOException(file + ": workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, new RowCollector(rows), new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException(file + ": not a readable .xlsx workbook: " + e.getMessage(), e);
        }
        List<String> header = null;
        List<String[]> data = new ArrayList<>();
        for (List<String> row : rows) {
            boolean empty = row.stream().allMatch(String::isBlank);
            if (empty) {
                continue;
            }
            if (header == null) {
                header = row.stream().map(String::strip).toList();
            } else {
                data.add(row.stream().map(String::strip).toArray(String[]::new));
            }
        }
        if (header == null) {
            throw new IOException(file + ": first sheet is empty, expected a header row");
        }
        return new InputTable(file.toString(), header, data);
    }

    /** Collects the cells of each row by column index, filling gaps with empty strings. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<List<String>> rows;
        private List<String> current;

        RowCollector(List<List<String>> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(current);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(cellReference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
