package io.salesbi.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a completed night was an honest success: a file whose rows were mostly quarantined in any stage (parsing
 * or validation), or a file rejected as a whole, counts as rejected; a night whose delivered rows all ended in
 * quarantine reaches nothing new in the KPIs. Either ends the night with warnings. Decided after the job, in SQL
 * ({@code night_outcome.sql}), and kept in {@code ops.file_outcome} and {@code ops.night_outcome}.
 *
 * @param warnings      whether the night ends COMPLETED_WITH_WARNINGS
 * @param message       what the warnings are, in one line; null without warnings
 * @param rejectedFiles the files the night counts as rejected, in load order
 */
public record NightVerdict(boolean warnings, String message, List<RejectedFile> rejectedFiles) {

    private static final Logger log = LoggerFactory.getLogger(NightVerdict.class);

    /** A night without a verdict: it failed, or ran before verdicts were kept. */
    public static final NightVerdict NONE = new NightVerdict(false, null, List.of());

    /** A file the night counts as rejected, and the rule that quarantined most of its rows. */
    public record RejectedFile(
            long loadId,
            String source,
            String fileName,
            long rowsDelivered,
            long rowsQuarantined,
            double maxRejectRatio,
            String topRule,
            long topRuleRows,
            String rules) {

        /** One line for the alert and the log, e.g. "orders.csv (erp_order_lines): 3 of 3 rows quarantined ...". */
        public String describe() {
            if (rowsDelivered == 0) {
                return String.format(Locale.ROOT, "%s (%s): rejected as a whole, %s", fileName, source, topRule);
            }
            return String.format(
                    Locale.ROOT,
                    "%s (%s): %d of %d rows quarantined (%.0f %%, limit %.0f %%); " + "rule %s: %d rows%s",
                    fileName,
                    source,
                    rowsQuarantined,
                    rowsDelivered,
                    100.0 * rowsQuarantined / rowsDelivered,
                    100 * maxRejectRatio,
                    topRule,
                    topRuleRows,
                    rules != null && rules.contains(";") ? " (" + rules + ")" : "");
        }
    }

    /** Judges night {@code runId}'s files, replacing an earlier verdict on the same night, and returns the verdict. */
    public static NightVerdict decide(Connection conn, long runId) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.execute("create or replace temp table outcome_night as select " + runId + "::bigint as run_id");
            st.execute(script());
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(autoCommit);
        }
        NightVerdict verdict = read(conn, runId);
        verdict.rejectedFiles().forEach(f -> log.warn("Night {} rejects {}", runId, f.describe()));
        if (verdict.warnings()) {
            log.warn("Night {} completed with warnings: {}", runId, verdict.message());
        }
        return verdict;
    }

    /** Whether night {@code runId} was judged (has a row in {@code ops.night_outcome}). */
    public static boolean isDecided(Connection conn, long runId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select 1 from ops.night_outcome where run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The verdict kept for night {@code runId}, or {@link #NONE}. */
    public static NightVerdict read(Connection conn, long runId) throws SQLException {
        String outcome;
        String message;
        try (PreparedStatement ps =
                conn.prepareStatement("select outcome, message from ops.night_outcome where run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return NONE;
                }
                outcome = rs.getString(1);
                message = rs.getString(2);
            }
        }
        List<RejectedFile> rejected = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select load_id, source, file_name, rows_delivered, rows_quarantined, max_reject_ratio, top_rule,
                    coalesce(top_rule_rows, 0), rules
                from ops.file_outcome where run_id = ? and rejected order by load_id""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rejected.add(new RejectedFile(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getDouble(6),
                            rs.getString(7),
                            rs.getLong(8),
                            rs.getString(9)));
                }
            }
        }
        return new NightVerdict("COMPLETED_WITH_WARNINGS".equals(outcome), message, List.copyOf(rejected));
    }

    private static String script() {
        try (InputStream in = NightVerdict.class.getResourceAsStream("night_outcome.sql")) {
            if (in == null) {
                throw new IllegalStateException("night_outcome.sql is missing from the salesbi jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read night_outcome.sql from the salesbi jar", e);
        }
    }
}
