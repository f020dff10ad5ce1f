package io.salesbi.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.config.SalesbiSettings.RetentionConfig;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention with the clock set forward: an installation whose files and rows are of known age, purged as of
 * 2026-06-10 with 90 days for everything (cutoff 2026-03-12): what is older goes, what is younger stays, and each
 * kind's count is recorded.
 */
class RetentionIT {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 10, 3, 0);
    private static final LocalDateTime OLD = LocalDateTime.of(2026, 1, 1, 2, 0);
    private static final LocalDateTime RECENT = LocalDateTime.of(2026, 6, 1, 2, 0);

    @TempDir
    Path home;

    @Test
    void whatIsOlderThanItsRetentionIsPurgedAndCounted() throws Exception {
        Path archive = home.resolve("archive");
        Path error = home.resolve("error");
        Path logs = home.resolve("logs");
        file(archive.resolve("crm/20260101-020000_crm_contacts.csv"), RECENT); // old by its archive stamp
        file(archive.resolve("crm/20260601-020000_crm_contacts.csv"), RECENT);
        file(archive.resolve("crm/put-here-by-hand.csv"), OLD); // no stamp: by modification time
        file(error.resolve("erp/bad.csv"), OLD);
        file(error.resolve("erp/bad.csv.reason.txt"), OLD);
        file(error.resolve("erp/bad-too.csv"), RECENT);
        file(error.resolve("erp/bad-too.csv.reason.txt"), RECENT);
        file(logs.resolve("night-20260101-020000.jsonl"), OLD);
        file(logs.resolve("night-20260601-020000.jsonl"), RECENT);
        try (Warehouse warehouse = Warehouse.open(home.resolve("warehouse/salesbi.duckdb"));
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            st.execute("""
                    insert into ops.file_load (load_id, run_id, source, file_name, file_hash, status, started_at, finished_at)
                    values (1, 1, 'crm_contacts', 'old.csv', 'h1', 'LOADED', '2026-01-01 02:00', '2026-01-01 02:01'),
                           (2, 2, 'crm_contacts', 'new.csv', 'h2', 'LOADED', '2026-06-01 02:00', '2026-06-01 02:01')""");
            st.execute("""
                    insert into quarantine.rejected_row (load_id, run_id, stage, source, source_file, row_number, rule, message)
                    values (1, 1, 'ingest', 'crm_contacts', 'old.csv', 2, 'r', 'm'),
                           (1, 1, 'ingest', 'crm_contacts', 'old.csv', 3, 'r', 'm'),
                           (1, 1, 'validate', 'crm_contacts', 'old.csv', 4, 'r', 'm'),
                           (2, 2, 'ingest', 'crm_contacts', 'new.csv', 2, 'r', 'm'),
                           (null, 2, 'validate', 'crm_contacts', 'new.csv', 5, 'r', 'm')""");
            st.execute("""
                    insert into ops.step_run (run_id, step_name, status, started_at)
                    values (1, 'ingestFilesStep', 'COMPLETED', '2026-01-01 02:00'),
                           (1, 'validateRowsStep', 'COMPLETED', '2026-01-01 02:02'),
                           (2, 'ingestFilesStep', 'COMPLETED', '2026-06-01 02:00')""");
            st.execute("""
                    insert into ops.night_outcome (run_id, outcome, files_taken, files_rejected, rows_delivered,
                        rows_passed, decided_at)
                    values (1, 'COMPLETED', 1, 0, 10, 7, '2026-01-01 02:10'),
                           (2, 'COMPLETED', 1, 0, 10, 9, '2026-06-01 02:10')""");
            st.execute("""
                    insert into ops.file_outcome (load_id, run_id, source, file_name, rows_delivered, rows_quarantined,
                        rejected)
                    values (1, 1, 'crm_contacts', 'old.csv', 10, 3, false),
                           (2, 2, 'crm_contacts', 'new.csv', 10, 2, false)""");
            // the JDBC endpoint's audit trail: staff user names, kept as run history
            st.execute("""
                    insert into ops.audit (logged_at, event, login, client_address, outcome)
                    values ('2026-01-05 08:00', 'login', 'anna', '10.0.0.7', 'ok'),
                           ('2026-06-05 08:00', 'login', 'anna', '10.0.0.7', 'ok')""");

            List<Retention.Purged> purged =
                    new Retention(new RetentionConfig(90, 90, 90, 90), archive, error, logs).purge(conn, 3L, NOW);

            LocalDateTime cutoff = LocalDateTime.of(2026, 3, 12, 3, 0);
            assertThat(purged)
                    .containsExactly(
                            new Retention.Purged("archive", 90, cutoff, 2),
                            new Retention.Purged("error", 90, cutoff, 1),
                            new Retention.Purged("quarantine", 90, cutoff, 3),
                            // 1 file outcome, 1 night verdict, 2 step records, 1 audit event, 1 log file
                            new Retention.Purged("run_history", 90, cutoff, 6));
            assertThat(files(home))
                    .containsExactly(
                            "archive/crm/20260601-020000_crm_contacts.csv",
                            "error/erp/bad-too.csv",
                            "error/erp/bad-too.csv.reason.txt",
                            "logs/night-20260601-020000.jsonl");
            assertThat(rows(st, "select load_id, row_number from quarantine.rejected_row order by all"))
                    .containsExactly("2 2", "null 5");
            assertThat(rows(st, "select run_id, step_name from ops.step_run")).containsExactly("2 ingestFilesStep");
            assertThat(rows(st, "select run_id from ops.night_outcome")).containsExactly("2");
            assertThat(rows(st, "select load_id from ops.file_outcome")).containsExactly("2");
            assertThat(rows(st, "select cast(logged_at as varchar) from ops.audit"))
                    .containsExactly("2026-06-05 08:00:00");
            // the loads stay: they keep a file from being loaded twice
            assertThat(rows(st, "select load_id from ops.file_load order by 1")).containsExactly("1", "2");
            assertThat(
                            rows(
                                    st,
                                    "select run_id, kind, keep_days, cast(cutoff as varchar), purged from ops.retention_purge order by kind"))
                    .containsExactly(
                            "3 archive 90 2026-03-12 03:00:00 2",
                            "3 error 90 2026-03-12 03:00:00 1",
                            "3 quarantine 90 2026-03-12 03:00:00 3",
                            "3 run_history 90 2026-03-12 03:00:00 6");
        }
    }

    @Test
    void withoutRetentionNothingIsPurged() throws Exception {
        Path archive = home.resolve("archive");
        file(archive.resolve("crm/20200101-020000_crm_contacts.csv"), OLD);
        try (Warehouse warehouse = Warehouse.open(home.resolve("warehouse/salesbi.duckdb"));
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            assertThat(new Retention(RetentionConfig.keepAll(), archive, home.resolve("error"), home.resolve("logs"))
                            .purge(conn, 1L, NOW))
                    .isEmpty();
            assertThat(files(home.resolve("archive"))).containsExactly("crm/20200101-020000_crm_contacts.csv");
            assertThat(rows(st, "select count(*) from ops.retention_purge")).containsExactly("0");
        }
    }

    private static void file(Path file, LocalDateTime modified) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x\n");
        Files.setLastModifiedTime(
                file, FileTime.from(modified.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().contains("warehouse"))
                    .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)).replace("T", " "));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }
}
