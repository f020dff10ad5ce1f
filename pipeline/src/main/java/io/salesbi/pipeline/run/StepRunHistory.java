package io.salesbi.pipeline.run;

import io.salesbi.pipeline.run.NightlyRun.StepResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/** The steps of a night as the warehouse recorded them ({@code ops.step_run}), in the order they ran. */
public final class StepRunHistory {

    private StepRunHistory() {}

    /** The steps of night {@code runId}; empty when there is no such night. */
    public static List<StepResult> steps(Connection conn, long runId) throws SQLException {
        List<StepResult> steps = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select step_name, status, rows_read, rows_written, rows_rejected,
                       date_diff('millisecond', started_at, finished_at), message
                from ops.step_run where run_id = ? order by started_at""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new StepResult(
                            rs.getString(1),
                            BatchStatus.valueOf(rs.getString(2)),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            Duration.ofMillis(rs.getLong(6)),
                            rs.getString(7)));
                }
            }
        }
        return steps;
    }

    /** The id of the latest night recorded, or 0 when none is. */
    public static long lastRunId(Connection conn) throws SQLException {
        return runId(conn, "max");
    }

    /** The id of the first night recorded, or 0 when none is. */
    public static long firstRunId(Connection conn) throws SQLException {
        return runId(conn, "min");
    }

    private static long runId(Connection conn, String aggregate) throws SQLException {
        try (PreparedStatement ps =
                        conn.prepareStatement("select coalesce(" + aggregate + "(run_id), 0) from ops.step_run");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
