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
 */
public final class ContentChecksums {

    private ContentChecksums() {
    }

    /** Relation name to "rows:checksum" for every table and view of {@code schema}. */
    public static Map<String, String> of(Connection conn, String schema) throws SQLException {
        List<String> relations = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "select table_name from information_schema.tables where table_schema = '" + schema + "' order by 1")) {
            while (rs.next()) {
                relations.add(rs.getString(1));
            }
        }
        Map<String, String> sums = new TreeMap<>();
        for (String r : relations) {
            String q = "select count(*)::varchar || ':' || coalesce(sum(hash(t)::hugeint), 0)::varchar from "
                    + schema + "." + r + " t";
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(q)) {
                rs.next();
                sums.put(schema + "." + r, rs.getString(1));
            }
        }
        return sums;
    }
}
