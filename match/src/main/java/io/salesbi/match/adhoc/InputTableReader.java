package io.salesbi.match.adhoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static InputTable readCsv(Path file) throws IOException {
        String text = decode(Files.readAllBytes(file));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        char delimiter = detectDelimiter(firstLine);
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (Reader reader = new StringReader(text);
                CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList();
                } else {
                    rows.add(record.values());
                }
            }
        }
        if (header == null) {
            throw new IOException(file + ": empty file, expected a header line");
        }
        return new InputTable(file.toString(), header, rows);
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

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
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
