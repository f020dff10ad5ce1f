package io.salesbi.match.steward;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads steward overrides from a .csv or .xlsx file, or from every such file in a folder (in name order). A file
 * needs the columns {@code record_1} and {@code record_2} and either {@code action} or {@code decision}; rows
 * whose decision is empty (pairs not yet reviewed) are skipped. The review list this matcher exports is such a
 * file, so a filled-in review list can be dropped into the overrides folder as it is.
 * Decisions: force_match, match, same, yes, ja → force_match; force_split, split, no_match, different, no,
 * nein → force_split; unsure, ?, skip, unklar → no decision (skipped like an empty one).
 */
public final class OverridesReader {

    private OverridesReader() {}

    public static List<Override> read(Path path) throws IOException {
        if (path == null || !Files.exists(path)) {
            return List.of();
        }
        if (!Files.isDirectory(path)) {
            return readFile(path);
        }
        List<Override> overrides = new ArrayList<>();
        try (Stream<Path> files = Files.list(path)) {
            for (Path file :
                    files.filter(OverridesReader::isOverrideFile).sorted().toList()) {
                overrides.addAll(readFile(file));
            }
        }
        return overrides;
    }

    private static boolean isOverrideFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith("~$") && (name.endsWith(".csv") || name.endsWith(".xlsx"));
    }

    private static List<Override> readFile(Path file) throws IOException {
        List<List<String>> rows =
                file.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsxRows(file) : csvRows(file);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> header = new HashMap<>();
        for (int c = 0; c < rows.get(0).size(); c++) {
            header.put(rows.get(0).get(c).strip().toLowerCase(Locale.ROOT), c);
        }
        Integer first = header.get("record_1");
        Integer second = header.get("record_2");
        Integer action = header.containsKey("action") ? header.get("action") : header.get("decision");
        Integer comment = header.get("comment");
        if (first == null || second == null || action == null) {
            throw new IOException(file + ": header " + rows.get(0)
                    + " lacks a column; expected record_1, record_2 and action (or decision)");
        }
        List<Override> overrides = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).isEmpty()) {
                continue;
            }
            List<String> row = rows.get(r);
            String decision = cell(row, action);
            if (decision.isEmpty() || isUnsure(decision)) {
                continue;
            }
            Override.Action parsed = parseAction(decision);
            if (parsed == null) {
                throw new IOException(file + ", line " + (r + 1) + ", column " + (action + 1) + ": decision '"
                        + decision + "', expected force_match/match/yes, force_split/no_match/no or unsure");
            }
            String a = cell(row, first);
            String b = cell(row, second);
            if (a.isEmpty() || b.isEmpty()) {
                throw new IOException(file + ", line " + (r + 1) + ": record_1 '" + a + "' / record_2 '" + b
                        + "', expected two record keys");
            }
            String note = comment == null ? "" : cell(row, comment);
            overrides.add(
                    new Override(parsed, a, b, file.getFileName().toString(), r + 1, note.isEmpty() ? null : note));
        }
        return overrides;
    }

    /** A steward's "don't know": the pair stays undecided, like an empty decision. */
    public static boolean isUnsure(String decision) {
        return switch (decision.strip().toLowerCase(Locale.ROOT).replace(' ', '_')) {
            case "unsure", "?", "skip", "unknown", "unklar", "weiss_nicht", "weiß_nicht" -> true;
            default -> false;
        };
    }

    public static Override.Action parseAction(String decision) {
        return switch (decision.strip()
                .toLowerCase(Locale.ROOT)
                .replace(' ', '_')
                .replace('-', '_')) {
            case "force_match", "match", "same", "yes", "ja", "y", "j", "merge" -> Override.Action.FORCE_MATCH;
            case "force_split", "split", "no_match", "nomatch", "different", "no", "nein", "n", "keep_apart" ->
                Override.Action.FORCE_SPLIT;
            default -> null;
        };
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() && row.get(column) != null ? row.get(column).strip() : "";
    }

    private static List<List<String>> csvRows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser =
                        CSVFormat.RFC4180.builder().setTrim(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                if (rows.isEmpty() && !values.isEmpty()) {
                    values.set(0, values.get(0).replace("\uFEFF", ""));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** Review lists are small (one row per pair in the review band), so the whole workbook is read at once. */
    private static List<List<String>> xlsxRows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
