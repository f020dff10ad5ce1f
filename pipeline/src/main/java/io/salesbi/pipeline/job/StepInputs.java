package io.salesbi.pipeline.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The content checksum of what a step last worked on ({@code ops.step_input}), to skip unchanged work. */
final class StepInputs {

    private StepInputs() {}

    static String previous(Connection conn, String step) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("select input_checksum from ops.step_input where step_name = ?")) {
            ps.setString(1, step);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Recorded in the step's own transaction, so it holds exactly when the step's output was committed. */
    static void record(Connection conn, String step, String checksum, long runId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "insert or replace into ops.step_input (step_name, input_checksum, run_id) values (?, ?, ?)")) {
            ps.setString(1, step);
            ps.setString(2, checksum);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }
}
