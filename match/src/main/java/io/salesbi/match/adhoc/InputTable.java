package io.salesbi.match.adhoc;

import java.util.List;

/** A table read from a CSV or .xlsx file: the header and the rows, every value a string (empty for blank). */
public record InputTable(String source, List<String> header, List<String[]> rows) {

    /** The index of a column by its exact name, or by its name ignoring case and surrounding spaces; -1 if none. */
    public int column(String name) {
        int exact = header.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().equalsIgnoreCase(name.strip())) {
                return c;
            }
        }
        return -1;
    }

    /** All values of one column. */
    public String[] values(int column) {
        String[] values = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            values[r] = column < row.length ? row[column] : "";
        }
        return values;
    }
}
