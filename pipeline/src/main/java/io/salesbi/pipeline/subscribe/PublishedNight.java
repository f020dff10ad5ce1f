package io.salesbi.pipeline.subscribe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The newest night whose pages are ready to mail: published ({@code ops.publish}), its pages rendered (its
 * {@code renderDashboardsStep} completed) and judged ({@code ops.night_outcome}), so that the mail can say whether it
 * ended with warnings. Data freshness is the published data-quality summary's newest source file date.
 *
 * @param runId          the night
 * @param asOf           the business date the night ran for
 * @param publishedAt    when managers started to see its numbers, as ops.publish records it
 * @param withWarnings   whether the night ended COMPLETED_WITH_WARNINGS (a file rejected, rows quarantined)
 * @param newestFileDate the newest date a loaded source file carries, or null when no file is dated
 * @param lastLoadAt     when the last file was loaded, as ops.file_load records it, or null
 */
public record PublishedNight(
        long runId,
        LocalDate asOf,
        LocalDateTime publishedAt,
        boolean withWarnings,
        LocalDate newestFileDate,
        LocalDateTime lastLoadAt) {

    private static final String LATEST = """
            select p.run_id, p.as_of_date, p.published_at, o.outcome
            from ops.publish p
            join ops.step_run s
                on s.run_id = p.run_id and s.step_name = 'renderDashboardsStep' and s.status = 'COMPLETED'
            join ops.night_outcome o on o.run_id = p.run_id
            order by p.run_id desc
            limit 1""";

    /** The newest night ready to mail, or empty when none is. */
    public static Optional<PublishedNight> latest(Connection conn) throws SQLException {
        long runId;
        LocalDate asOf;
        LocalDateTime publishedAt;
        boolean warnings;
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(LATEST)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            runId = rs.getLong(1);
            asOf = rs.getObject(2, LocalDate.class);
            publishedAt = rs.getObject(3, LocalDateTime.class);
            warnings = !"COMPLETED".equals(rs.getString(4));
        }
        LocalDate newestFileDate = null;
        LocalDateTime lastLoadAt = null;
        // the figures as the night published them (the pages show the same), not the live view
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select newest_file_date, last_load_at from kpi_snapshot.dq_summary")) {
            if (rs.next()) {
                newestFileDate = rs.getObject(1, LocalDate.class);
                lastLoadAt = rs.getObject(2, LocalDateTime.class);
            }
        }
        return Optional.of(new PublishedNight(runId, asOf, publishedAt, warnings, newestFileDate, lastLoadAt));
    }
}
