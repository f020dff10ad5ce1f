package io.salesbi.connectors.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sheet of a workbook a mapping reads: the one it names, or else the n-th ({@code sheet-index}, 0-based)
 * counting only sheets a person sees as data. Hidden sheets (helper tables, old versions) and sheets holding a pivot
 * table (a summary of rows that are elsewhere) are passed over with a note; a sheet the mapping names is read even
 * so, with a warning. Shared by the xlsx and xls readers.
 */
final class SheetChoice {

    private final String sheetName;
    private final Integer sheetIndex;
    private final List<String> notes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int dataSheets;

    /** The sheet by name, else by 0-based index among the visible sheets without pivot tables. */
    SheetChoice(String sheetName, Integer sheetIndex) {
        this.sheetName = sheetName;
        this.sheetIndex = sheetIndex;
    }

    /** Whether this sheet, the next in workbook order, is the one to read. */
    boolean isWanted(String name, boolean hidden, boolean pivot) {
        names.add(name + (hidden ? " (hidden)" : "") + (pivot ? " (pivot table)" : ""));
        if (sheetName != null) {
            if (!name.strip().equalsIgnoreCase(sheetName.strip())) {
                return false;
            }
            if (hidden) {
                notes.add("sheet '" + name + "' is hidden in the workbook; read because the mapping names it");
            }
            if (pivot) {
                notes.add("sheet '" + name + "' holds a pivot table, a summary of other rows; read because the "
                        + "mapping names it");
            }
            return true;
        }
        if (hidden || pivot) {
            notes.add("sheet '" + name + "' was skipped: " + (hidden ? "it is hidden" : "it holds a pivot table"));
            return false;
        }
        return dataSheets++ == (sheetIndex == null ? 0 : sheetIndex);
    }

    /** The notes on sheets passed over or read although hidden, for the file's warnings. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Why no sheet was chosen, naming the sheets seen. */
    FileRejectedException notFound(String fileName) {
        return new FileRejectedException(
                "missing_sheet",
                "File " + fileName + ": sheet "
                        + (sheetName != null
                                ? "'" + sheetName + "'"
                                : "number " + ((sheetIndex == null ? 0 : sheetIndex) + 1)
                                        + " (counting visible sheets without pivot tables)")
                        + " not found; the workbook has " + names);
    }
}
