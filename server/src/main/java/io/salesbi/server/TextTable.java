package io.salesbi.server;

import java.util.List;

/** Renders rows as a plain aligned text table: header, a dashed rule, then the rows; columns separated by " | ". */
final class TextTable {

    private TextTable() {}

    static String render(List<String> header, List<Boolean> rightAligned, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        line(table, header, widths, List.of());
        for (int i = 0; i < widths.length; i++) {
            table.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        table.append('\n');
        for (List<String> row : rows) {
            line(table, row, widths, rightAligned);
        }
        return table.toString();
    }

    private static void line(StringBuilder table, List<String> cells, int[] widths, List<Boolean> rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            String padding = " ".repeat(widths[i] - cell.length());
            boolean right = i < rightAligned.size() && rightAligned.get(i);
            line.append(i == 0 ? "" : " | ").append(right ? padding + cell : cell + padding);
        }
        table.append(line.toString().stripTrailing()).append('\n');
    }
}
