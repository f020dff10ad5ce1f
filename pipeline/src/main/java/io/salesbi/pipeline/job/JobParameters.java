package io.salesbi.pipeline.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Hands the night's parameters to the SQL layer through {@code ops.parameter}: the seeded defaults, then the
 * configuration on top, then the night's own (as-of date, run id, whether it rebuilds in full).
 */
public final class JobParameters {

    private JobParameters() {
    }

    static void write(Connection conn, Map<String, String> parameters, NightContext night) throws SQLException {
        write(conn, parameters, night.runId(), night.asOf(), night.full());
    }

    /** The parameters of a night with the given run id and as-of date (also used by the validate dry run). */
    public static void write(Connection conn, Map<String, String> parameters, long runId, java.time.LocalDate asOf,
                             boolean full) throws SQLException {
        try (var st = conn.createStatement()) {
            st.execute("insert or replace into ops.parameter (name, value) select name, value from ops.parameter_default");
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "insert or replace into ops.parameter (name, value) values (?, ?)")) {
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                set(ps, p.getKey(), p.getValue());
            }
            set(ps, "as_of_date", asOf.toString());
            set(ps, "run_id", Long.toString(runId));
            set(ps, "full_rebuild", Boolean.toString(full));
        }
    }

    private static void set(PreparedStatement ps, String name, String value) throws SQLException {
        ps.setString(1, name);
        ps.setString(2, value);
        ps.executeUpdate();
    }
}
