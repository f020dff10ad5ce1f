package io.salesbi.pipeline.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Order-independent content checksums of every table and view in a schema (row count plus the sum of the row
 * hashes), to prove that two nights left the same content: idempotency, restarts, incremental against full.
 * Columns named {@code *_at} are wall-clock stamps of when something happened (a file loaded, a night published)
 * and are left out: two nights over the same data differ in them by design.
 */
public final class ContentChecksums {

    private ContentChecksums() {}

    /** Relation name to "rows:checksum" for every table and view of {@code schema}. */
    public static Map<String, String> of(Connection conn, String schema) throws SQLException {
        List<String> relations = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = '"
                        + schema + "' order by 1")) {
            while (rs.next()) {
                relations.add(rs.getString(1));
            }
        }
        Map<String, String> sums = new TreeMap<>();
        for (String r : relations) {
            String q = "select count(*)::varchar || ':' || coalesce(sum(hash(" + rowExpression(conn, schema, r)
                    + ")::hugeint), 0)::varchar from " + schema + "." + r + " t";
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery(q)) {
                rs.next();
                sums.put(schema + "." + r, rs.getString(1));
            }
        }
        return sums;
    }

    private static String rowExpression(Connection conn, String schema, String relation) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs =
                        st.executeQuery("select column_name from information_schema.columns where table_schema = '"
                                + schema + "' and table_name = '" + relation + "' order by ordinal_position")) {
            while (rs.next()) {
                String c = rs.getString(1);
                if (!c.endsWith("_at")) {
                    columns.add("t.\"" + c.replace("\"", "\"\"") + "\"");
                }
            }
        }
        return columns.isEmpty() ? "0" : "row(" + String.join(", ", columns) + ")";
    }
}
