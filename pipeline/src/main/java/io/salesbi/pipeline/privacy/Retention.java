package io.salesbi.pipeline.privacy;

import io.salesbi.pipeline.config.SalesbiSettings.RetentionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a night leaves behind no longer than configured ({@code retention:} in salesbi.yaml): archived files
 * (aged by the time they were archived, the stamp their name starts with), rejected files in the error folder with
 * their reason files (by last modification), quarantined rows (by the time their file was loaded) and the run history
 * (step records, file outcomes, night verdicts, the night log files, and the JDBC endpoint's audit trail ops.audit
 * by its logged_at). The loads themselves ({@code ops.file_load})
 * stay: they are the fingerprints that keep a file from being loaded twice and the lineage of the raw rows.
 * Each kind purged is recorded in {@code ops.retention_purge}.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final DateTimeFormatter ARCHIVE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What one kind lost. */
    public record Purged(String kind, int keepDays, LocalDateTime cutoff, long purged) {}

    private final RetentionConfig config;
    private final Path archive;
    private final Path error;
    private final Path logs;

    public Retention(RetentionConfig config, Path archive, Path error, Path logs) {
        this.config = config;
        this.archive = archive;
        this.error = error;
        this.logs = logs;
    }

    /** Purges everything older than its retention as of {@code now}; records and returns what went. */
    public List<Purged> purge(Connection conn, Long runId, LocalDateTime now) throws SQLException, IOException {
        List<Purged> purged = new ArrayList<>();
        if (config.archiveDays() != null) {
            LocalDateTime cutoff = now.minusDays(config.archiveDays());
            purged.add(new Purged("archive", config.archiveDays(), cutoff, deleteFiles(archive, cutoff, true)));
        }
        if (config.errorDays() != null) {
            LocalDateTime cutoff = now.minusDays(config.errorDays());
            purged.add(new Purged("error", config.errorDays(), cutoff, deleteFiles(error, cutoff, false)));
        }
        if (config.quarantineDays() != null) {
            LocalDateTime cutoff = now.minusDays(config.quarantineDays());
            long n = update(conn, """
                    delete from quarantine.rejected_row r
                    where coalesce((select f.finished_at from ops.file_load f where f.load_id = r.load_id),
                                   (select min(s.started_at) from ops.step_run s where s.run_id = r.run_id)) < ?""", cutoff);
            purged.add(new Purged("quarantine", config.quarantineDays(), cutoff, n));
        }
        if (config.runHistoryDays() != null) {
            LocalDateTime cutoff = now.minusDays(config.runHistoryDays());
            long n = update(
                    conn,
                    "delete from ops.file_outcome o where (select f.finished_at from ops.file_load f "
                            + "where f.load_id = o.load_id) < ?",
                    cutoff);
            n += update(conn, "delete from ops.night_outcome where decided_at < ?", cutoff);
            n += update(conn, "delete from ops.step_run where started_at < ?", cutoff);
            n += update(conn, "delete from ops.retention_purge where purged_at < ?", cutoff);
            // the mails of nights whose step records go: a night without them is never mailed again
            n += update(conn, "delete from ops.subscription_delivery where last_attempt_at < ?", cutoff);
            if (exists(conn, "ops", "audit")) {
                // the JDBC endpoint's audit trail: staff user names and addresses (never erased, docs/privacy.md)
                n += update(conn, "delete from ops.audit where logged_at < ?", cutoff);
            }
            n += deleteFiles(logs, cutoff, false);
            purged.add(new Purged("run_history", config.runHistoryDays(), cutoff, n));
        }
        try (PreparedStatement ps = conn.prepareStatement("insert into ops.retention_purge "
                + "(run_id, purged_at, kind, keep_days, cutoff, purged) values (?, ?, ?, ?, ?, ?)")) {
            for (Purged p : purged) {
                if (runId == null) {
                    ps.setNull(1, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(1, runId);
                }
                ps.setTimestamp(2, Timestamp.valueOf(now));
                ps.setString(3, p.kind());
                ps.setInt(4, p.keepDays());
                ps.setTimestamp(5, Timestamp.valueOf(p.cutoff()));
                ps.setLong(6, p.purged());
                ps.executeUpdate();
                log.info(
                        "Retention: {} older than {} days (before {}): {} purged",
                        p.kind(),
                        p.keepDays(),
                        p.cutoff().toLocalDate(),
                        p.purged());
            }
        }
        return purged;
    }

    private static boolean exists(Connection conn, String schema, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select count(*) from information_schema.tables "
                + "where table_catalog = current_database() and table_schema = ? and table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long update(Connection conn, String sql, LocalDateTime cutoff) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.valueOf(cutoff));
            return ps.executeUpdate();
        }
    }

    /** Deletes the files under {@code folder} older than {@code cutoff}; a reason file goes with its file. */
    private static long deleteFiles(Path folder, LocalDateTime cutoff, boolean byArchiveStamp) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".reason.txt"))
                    .sorted()
                    .toList();
        }
        long deleted = 0;
        for (Path f : files) {
            if (age(f, byArchiveStamp).isBefore(cutoff)) {
                Files.delete(f);
                Files.deleteIfExists(f.resolveSibling(f.getFileName() + ".reason.txt"));
                deleted++;
            }
        }
        return deleted;
    }

    /** When the file was archived (the stamp its archived name starts with), else when it was last changed. */
    private static LocalDateTime age(Path file, boolean byArchiveStamp) throws IOException {
        String name = file.getFileName().toString();
        if (byArchiveStamp && name.length() > 16 && name.charAt(15) == '_') {
            try {
                return LocalDateTime.parse(name.substring(0, 15), ARCHIVE_STAMP);
            } catch (DateTimeParseException notStamped) {
                // a file put there by hand: its modification time
            }
        }
        return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault());
    }
}
