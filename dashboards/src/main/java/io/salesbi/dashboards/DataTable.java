package io.salesbi.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query result kept column-wise compact, the shape inlined into the pages as JSON: {@code {cols:[..], rows:[[..]]}}.
 * Values are normalized to JSON-friendly types: numbers stay numbers, dates and timestamps become ISO strings.
 */
record DataTable(List<String> cols, List<List<Object>> rows) {

    static DataTable query(Connection conn, String sql) throws SQLException {
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                cols.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(cols.size());
                for (int i = 1; i <= cols.size(); i++) {
                    row.add(normalize(rs.getObject(i)));
                }
                rows.add(row);
            }
            return new DataTable(List.copyOf(cols), rows);
        } catch (SQLException e) {
            throw new SQLException("dashboard query failed: " + e.getMessage() + "\n" + sql, e.getSQLState(), e);
        }
    }

    static DataTable empty() {
        return new DataTable(List.of(), List.of());
    }

    private static Object normalize(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return value.toString();
        }
        if (value instanceof java.math.BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        return value;
    }

    int index(String column) {
        int i = cols.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("column '" + column + "' not in " + cols);
        }
        return i;
    }

    /** Rows as maps, for the few server-side computations; the pages get the compact form. */
    List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> record = new java.util.LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                record.put(cols.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /**
     * The form inlined into a page: text columns that repeat (at most one distinct value per two rows, such as
     * region, segment, channel, or a customer's name over the years) are sent once in {@code dict} and referenced
     * by index, which halves the size of the cube and customer tables.
     */
    Map<String, Object> forScript() {
        Map<String, List<Object>> dict = new java.util.LinkedHashMap<>();
        List<Map<Object, Integer>> codes = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Map<Object, Integer> code = dictionaryFor(i);
            codes.add(code);
            if (code != null) {
                dict.put(cols.get(i), new ArrayList<>(code.keySet()));
            }
        }
        List<List<Object>> encoded = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> out = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                out.add(
                        codes.get(i) == null || value == null
                                ? value
                                : codes.get(i).get(value));
            }
            encoded.add(out);
        }
        Map<String, Object> script = new java.util.LinkedHashMap<>();
        script.put("cols", cols);
        script.put("dict", dict);
        script.put("rows", encoded);
        return script;
    }

    private Map<Object, Integer> dictionaryFor(int column) {
        Map<Object, Integer> code = new java.util.LinkedHashMap<>();
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value != null && !(value instanceof String)) {
                return null;
            }
            if (value != null) {
                code.putIfAbsent(value, code.size());
            }
        }
        return !code.isEmpty() && code.size() * 2 <= rows.size() ? code : null;
    }

    List<Object> distinct(String column) {
        int i = index(column);
        return rows.stream()
                .map(r -> r.get(i))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
