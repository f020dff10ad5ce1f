package io.salesbi.match.steward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Appends a steward's labels to the overrides the matcher reads ({@link OverridesReader}): to a .csv file (created
 * with the header {@code record_1,record_2,decision,comment} when missing; an existing file keeps its own column
 * order), to the first sheet of an .xlsx file, or, for an overrides folder, to {@value #FOLDER_FILE} in it. Each
 * label is written when it is given, so a session cut short keeps what was labelled.
 */
public final class OverridesAppender {

    /** The file a session writes to when the overrides are a folder of files. */
    public static final String FOLDER_FILE = "match-review.csv";

    private static final List<String> HEADER = List.of("record_1", "record_2", "decision", "comment");

    private final Path file;

    /** @param overrides the overrides file or folder the matcher reads */
    public OverridesAppender(Path overrides) {
        this.file = Files.isDirectory(overrides) ? overrides.resolve(FOLDER_FILE) : overrides;
    }

    /** The file the labels go to. */
    public Path file() {
        return file;
    }

    /**
     * Appends one decided pair.
     *
     * @param match true for "same customer" (force_match), false for "different" (force_split)
     */
    public void append(String record1, String record2, boolean match, String comment) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            appendXlsx(record1, record2, match, comment);
        } else {
            appendCsv(record1, record2, match, comment);
        }
    }

    private void appendCsv(String record1, String record2, boolean match, String comment) throws IOException {
        List<String> header = HEADER;
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser =
                            CSVFormat.RFC4180.builder().setTrim(true).get().parse(reader)) {
                List<CSVRecord> first = parser.stream().limit(1).toList();
                if (!first.isEmpty()) {
                    header = new ArrayList<>(first.get(0).toList());
                    header.set(0, header.get(0).replace("\uFEFF", ""));
                }
            }
            if (!endsWithNewline(file)) {
                Files.writeString(file, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        }
        List<String> row = row(header, record1, record2, match, comment);
        try (Writer writer = Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                CSVPrinter printer = new CSVPrinter(
                        writer,
                        CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            if (fresh) {
                printer.printRecord(HEADER);
            }
            printer.printRecord(row);
        }
    }

    private void appendXlsx(String record1, String record2, boolean match, String comment) throws IOException {
        XSSFWorkbook workbook;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                workbook = new XSSFWorkbook(in);
            }
        } else {
            workbook = new XSSFWorkbook();
        }
        try (workbook) {
            Sheet sheet =
                    workbook.getNumberOfSheets() == 0 ? workbook.createSheet("Overrides") : workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (sheet.getPhysicalNumberOfRows() == 0 || headerRow == null) {
                headerRow = sheet.createRow(0);
                for (int c = 0; c < HEADER.size(); c++) {
                    headerRow.createCell(c).setCellValue(HEADER.get(c));
                }
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                Cell cell = headerRow.getCell(c);
                header.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            List<String> values = row(header, record1, record2, match, comment);
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int c = 0; c < values.size(); c++) {
                if (!values.get(c).isEmpty()) {
                    row.createCell(c).setCellValue(values.get(c));
                }
            }
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".overrides", ".xlsx");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                workbook.write(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The label in the file's own columns; "match"/"no_match" in a decision column, force_* in an action column. */
    private List<String> row(List<String> header, String record1, String record2, boolean match, String comment)
            throws IOException {
        int first = indexOf(header, "record_1");
        int second = indexOf(header, "record_2");
        int action = indexOf(header, "action");
        boolean actionColumn = action >= 0;
        if (action < 0) {
            action = indexOf(header, "decision");
        }
        if (first < 0 || second < 0 || action < 0) {
            throw new IOException(file + ": header " + header
                    + " lacks a column; expected record_1, record_2 and action (or decision) to append labels to");
        }
        List<String> row = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            row.add("");
        }
        row.set(first, record1);
        row.set(second, record2);
        row.set(action, actionColumn ? (match ? "force_match" : "force_split") : (match ? "match" : "no_match"));
        int note = indexOf(header, "comment");
        if (note >= 0 && comment != null) {
            row.set(note, comment);
        }
        return row;
    }

    private static int indexOf(List<String> header, String column) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().equalsIgnoreCase(column)) {
                return c;
            }
        }
        return -1;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return true;
            }
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }
}
