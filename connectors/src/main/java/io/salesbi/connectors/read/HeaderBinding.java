package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.HeaderNames;
import io.salesbi.connectors.mapping.SourceMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each mapped field sits in a file: the column index per field, found by matching the file's header cells
 * against the mapping's column names and aliases.
 *
 * @param columnOf       per field of the mapping, the 0-based column index in the file, -1 when the file lacks it
 * @param headers        the header cells of the file as delivered
 * @param unknownColumns non-empty headers the mapping does not name
 * @param missingColumns optional mapped columns the file lacks
 */
record HeaderBinding(int[] columnOf, List<String> headers, List<String> unknownColumns, List<String> missingColumns) {

    /** How many of the mapping's fields a row of cells names; used to tell the header from title rows. */
    static int matches(List<String> cells, SourceMapping mapping) {
        Map<String, Integer> index = index(cells);
        int found = 0;
        for (FieldMapping field : mapping.fields()) {
            if (field.readsColumn() && columnOf(field, index) >= 0) {
                found++;
            }
        }
        return found;
    }

    /** Whether a row of cells is the header: it names every required field, and at least two fields (or all). */
    static boolean isHeader(List<String> cells, SourceMapping mapping) {
        Map<String, Integer> index = index(cells);
        int found = 0;
        int reading = 0;
        for (FieldMapping field : mapping.fields()) {
            if (!field.readsColumn()) {
                continue;
            }
            reading++;
            if (columnOf(field, index) >= 0) {
                found++;
            } else if (field.required()) {
                return false;
            }
        }
        return found >= Math.min(2, reading);
    }

    /** Binds a header; a missing required column or, with unknown-columns reject, an extra column rejects the file. */
    static HeaderBinding bind(String fileName, String sheet, List<String> cells, SourceMapping mapping)
            throws FileRejectedException {
        Map<String, Integer> index = index(cells);
        int[] columnOf = new int[mapping.fields().size()];
        List<String> missingRequired = new ArrayList<>();
        List<String> missingOptional = new ArrayList<>();
        boolean[] mapped = new boolean[cells.size()];
        for (int i = 0; i < columnOf.length; i++) {
            FieldMapping field = mapping.fields().get(i);
            if (!field.readsColumn()) {
                columnOf[i] = -1;
                continue;
            }
            columnOf[i] = columnOf(field, index);
            if (columnOf[i] >= 0) {
                mapped[columnOf[i]] = true;
            } else if (field.required()) {
                missingRequired.add(field.column());
            } else {
                missingOptional.add(field.column());
            }
        }
        String where = sheet == null ? "File " + fileName : "File " + fileName + ", sheet " + sheet;
        if (!missingRequired.isEmpty()) {
            throw new FileRejectedException(
                    "missing_column",
                    where + ": required column"
                            + (missingRequired.size() > 1 ? "s " : " ") + quoted(missingRequired)
                            + " not found in the header "
                            + quoted(nonEmpty(cells)));
        }
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String header = cells.get(c);
            if (!mapped[c] && header != null && !header.isBlank()) {
                unknown.add(header);
            }
        }
        if (!unknown.isEmpty() && mapping.unknownColumns() == SourceMapping.UnknownColumns.REJECT) {
            throw new FileRejectedException(
                    "unknown_column",
                    where + ": column" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown) + " not in mapping "
                            + mapping.name() + ", which rejects unknown columns");
        }
        return new HeaderBinding(columnOf, List.copyOf(cells), List.copyOf(unknown), List.copyOf(missingOptional));
    }

    /** The header text of a field's column, for rejections. */
    String headerOf(int field) {
        int column = columnOf[field];
        return column >= 0 ? headers.get(column) : null;
    }

    /** The highest column index any field is read from, -1 when none. */
    int lastMappedColumn() {
        return Arrays.stream(columnOf).max().orElse(-1);
    }

    private static int columnOf(FieldMapping field, Map<String, Integer> index) {
        Integer column = index.get(HeaderNames.normalize(field.column()));
        for (int a = 0; column == null && a < field.aliases().size(); a++) {
            column = index.get(HeaderNames.normalize(field.aliases().get(a)));
        }
        return column == null ? -1 : column;
    }

    private static Map<String, Integer> index(List<String> cells) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String name = HeaderNames.normalize(cells.get(c));
            if (!name.isEmpty()) {
                index.putIfAbsent(name, c);
            }
        }
        return index;
    }

    private static List<String> nonEmpty(List<String> cells) {
        return cells.stream().filter(c -> c != null && !c.isBlank()).toList();
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList().toString();
    }
}
