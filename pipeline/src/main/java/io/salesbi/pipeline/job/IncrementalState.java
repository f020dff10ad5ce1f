package io.salesbi.pipeline.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * How this night's SQL built what it builds incrementally ({@code ops.incremental_state}, written by the scripts):
 * "order lines validated incrementally: 4,950 rows" for the step summary and the run history.
 */
final class IncrementalState {

    private IncrementalState() {}

    /** How {@code subject} was built by night {@code runId}, or "" when that night did not build it. */
    static String describe(Connection conn, long runId, String subject, String what) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "select mode, rows_processed from ops.incremental_state where run_id = ? and subject = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? String.format(
                                Locale.ROOT,
                                "%s %s: %,d rows",
                                what,
                                "full".equals(rs.getString(1)) ? "in full" : "incrementally",
                                rs.getLong(2))
                        : "";
            }
        }
    }
}
