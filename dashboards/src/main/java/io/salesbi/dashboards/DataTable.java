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
        return query(conn, sql, null, null);
    }

    /** The rows whose {@code keyColumn} value {@code keep} accepts (all rows when keyColumn is null). */
    static DataTable query(Connection conn, String sql, String keyColumn, java.util.function.Predicate<Object> keep)
            throws SQLException {
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                cols.add(meta.getColumnLabel(i));
            }
            int key = keyColumn == null ? -1 : cols.indexOf(keyColumn) + 1;
            if (keyColumn != null && key == 0) {
                throw new IllegalArgumentException("column '" + keyColumn + "' not in " + cols + "\n" + sql);
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                if (key > 0 && !keep.test(rs.getObject(key))) {
                    continue;
                }
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
     * The form inlined into a page, column by column: {@code {cols, dict, n, columns}} with {@code n} rows and one
     * array per column. A column that repeats (region, segment, channel, year, a customer's name over the years or
     * its sources) is sent once in {@code dict} and referenced by index where that is shorter; a column whose
     * neighbouring rows repeat (sorted keys) is sent as runs {@code {"runs": [value, count, value, count, ...]}}.
     * At scale 1 this is a third smaller than rows of values (issue #17 item 10: every page at most 2 MB).
     */
    Map<String, Object> forScript() {
        Map<String, List<Object>> dict = new java.util.LinkedHashMap<>();
        List<Object> columns = new ArrayList<>(cols.size());
        for (int i = 0; i < cols.size(); i++) {
            Map<Object, Integer> code = dictionaryFor(i);
            if (code != null) {
                dict.put(cols.get(i), new ArrayList<>(code.keySet()));
            }
            List<Object> values = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                Object value = row.get(i);
                values.add(code == null || value == null ? value : code.get(value));
            }
            columns.add(runsIfShorter(values));
        }
        Map<String, Object> script = new java.util.LinkedHashMap<>();
        script.put("cols", cols);
        script.put("dict", dict);
        script.put("n", rows.size());
        script.put("columns", columns);
        return script;
    }

    /** The values as runs ({@code [value, count, ...]}) when there are fewer than 40 runs per 100 values. */
    private static Object runsIfShorter(List<Object> values) {
        List<Object> runs = new ArrayList<>();
        for (Object value : values) {
            int last = runs.size() - 2;
            if (last >= 0 && Objects.equals(runs.get(last), value)) {
                runs.set(last + 1, (Integer) runs.get(last + 1) + 1);
            } else {
                runs.add(value);
                runs.add(1);
            }
        }
        return runs.size() * 5 < values.size() * 4 ? Map.of("runs", runs) : values;
    }

    /**
     * Codes for a column whose values repeat enough that sending each distinct value once and an index per row is
     * shorter than the values themselves (text or numbers of one type), or null.
     */
    private Map<Object, Integer> dictionaryFor(int column) {
        Map<Object, Integer> code = new java.util.LinkedHashMap<>();
        Class<?> type = null;
        long plain = 0;
        long coded = 0;
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value == null) {
                continue;
            }
            if (type == null) {
                type = value.getClass();
            } else if (type != value.getClass()) {
                return null;
            }
            int length = jsonLength(value);
            Integer index = code.get(value);
            if (index == null) {
                index = code.size();
                code.put(value, index);
                coded += length;
            }
            plain += length;
            coded += String.valueOf(index).length() + 1;
        }
        return code.isEmpty() || type == Boolean.class || coded * 10 > plain * 9 ? null : code;
    }

    /** About the characters a value takes in the page's JSON, with its comma. */
    private static int jsonLength(Object value) {
        return value instanceof String text
                ? text.length() + 3
                : String.valueOf(value).length() + 1;
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
