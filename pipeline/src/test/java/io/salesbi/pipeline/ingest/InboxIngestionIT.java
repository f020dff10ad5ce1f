package io.salesbi.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.ingest.FileLoadResult.Status;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox routes on real files and a real DuckDB warehouse. */
class InboxIngestionIT {

    private static final String HEADER = "Debitor,Year,Visits,Support Tickets,Special Deliveries\n";

    @TempDir
    Path home;

    private Warehouse warehouse;
    private InboxSettings settings;
    private List<SourceMapping> mappings;

    @BeforeEach
    void openWarehouse() throws Exception {
        warehouse = Warehouse.open(home.resolve("warehouse/test.duckdb"));
        settings = new InboxSettings(
                home.resolve("inbox"), home.resolve("archive"), home.resolve("error"), 300, Duration.ofSeconds(60));
        mappings = List.of(MappingLoader.load(
                Path.of(getClass().getResource("/ingest/service_drivers.yaml").toURI())));
        Files.createDirectories(settings.inbox().resolve("service"));
    }

    @AfterEach
    void close() throws Exception {
        warehouse.close();
    }

    private List<FileLoadResult> drain(long runId) throws Exception {
        return drain(new FileIngestor(warehouse, runId));
    }

    private List<FileLoadResult> drain(FileIngestor ingestor) throws Exception {
        return new InboxIngestion(settings, mappings).drain(ingestor);
    }

    private Path deliver(String name, String content) throws Exception {
        Path tmp = home.resolve(name + ".tmp");
        Files.writeString(tmp, content);
        Path target = settings.inbox().resolve("service").resolve(name);
        Files.move(tmp, target);
        target.toFile().setLastModified(System.currentTimeMillis() - 5_000);
        return target;
    }

    @Test
    void goodFileIsLoadedWithLineageAndArchived() throws Exception {
        deliver("service_drivers_20260101.csv", HEADER + "000101,2025,12,3,1\n000102,2025,4,,0\n");

        List<FileLoadResult> results = drain(1);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.LOADED);
            assertThat(r.rowsDelivered()).isEqualTo(2);
            assertThat(r.rowsLoaded()).isEqualTo(2);
        });
        assertThat(rows("select debtor_no, year, visits, support_tickets, _source_file, _row_number "
                        + "from raw.service_driver order by debtor_no"))
                .containsExactly(
                        "000101|2025|12|3|service_drivers_20260101.csv|2",
                        "000102|2025|4|null|service_drivers_20260101.csv|3");
        assertThat(filesIn(settings.archive().resolve("service")))
                .singleElement()
                .satisfies(n -> assertThat(n).endsWith("_service_drivers_20260101.csv"));
        assertThat(filesIn(settings.inbox().resolve("service"))).isEmpty();
    }

    @Test
    void sameContentUnderANewNameIsSkippedNotDoubled() throws Exception {
        String content = HEADER + "000101,2025,12,3,1\n";
        deliver("service_drivers_20260101.csv", content);
        drain(1);
        deliver("service_drivers_20260102.csv", content);

        List<FileLoadResult> second = drain(2);

        assertThat(second).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.DUPLICATE);
            assertThat(r.message()).contains("service_drivers_20260101.csv");
        });
        assertThat(rows("select count(*) from raw.service_driver")).containsExactly("1");
        assertThat(filesIn(settings.archive().resolve("service"))).hasSize(2);
    }

    @Test
    void badRowsGoToQuarantineAndTheRestLoads() throws Exception {
        deliver(
                "service_drivers_20260103.csv",
                HEADER + "000101,2025,12,3,1\n000102,2025,viele,1,0\n" + "000103,2025,2,1,0\n");

        FileLoadResult r = drain(1).get(0);

        assertThat(r.status()).isEqualTo(Status.LOADED);
        assertThat(r.rowsDelivered()).isEqualTo(r.rowsLoaded() + r.rowsRejected());
        assertThat(r.rowsRejected()).isEqualTo(1);
        assertThat(rows("select source_file, row_number, column_name, raw_value, stage from quarantine.rejected_row"))
                .containsExactly("service_drivers_20260103.csv|3|Visits|viele|ingest");
        assertThat(rows("select count(*) from raw.service_driver")).containsExactly("2");
    }

    @Test
    void brokenFileGoesToErrorWithAReasonAndOthersStillLoad() throws Exception {
        deliver("service_drivers_a.csv", "Debitor,Year\n000101,2025\n");
        deliver("service_drivers_b.csv", HEADER + "000101,2025,12,3,1\n");

        List<FileLoadResult> results = drain(1);

        assertThat(results)
                .extracting(FileLoadResult::fileName, FileLoadResult::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("service_drivers_a.csv", Status.FAILED),
                        org.assertj.core.groups.Tuple.tuple("service_drivers_b.csv", Status.LOADED));
        Path error = settings.error().resolve("service");
        assertThat(filesIn(error))
                .containsExactlyInAnyOrder("service_drivers_a.csv", "service_drivers_a.csv.reason.txt");
        assertThat(Files.readString(error.resolve("service_drivers_a.csv.reason.txt")))
                .contains("service_drivers_a.csv")
                .contains("Visits");
        assertThat(rows("select status, reason_code from ops.file_load where file_name = 'service_drivers_a.csv'"))
                .singleElement()
                .satisfies(s -> assertThat(s).startsWith("FAILED|"));
        assertThat(rows("select count(*) from raw.service_driver")).containsExactly("1");
    }

    @Test
    void fileWithoutAMappingIsRejectedWithTheExpectedPatterns() throws Exception {
        deliver("tickets.csv", HEADER);

        FileLoadResult r = drain(1).get(0);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.reasonCode()).isEqualTo("no_mapping");
        assertThat(r.message()).contains("tickets.csv").contains("service_drivers*.csv");
        assertThat(filesIn(settings.error().resolve("service"))).contains("tickets.csv");
    }

    @Test
    void fileStillBeingWrittenIsNotPickedUp() throws Exception {
        Path growing = settings.inbox().resolve("service").resolve("service_drivers_growing.csv");
        Files.writeString(growing, HEADER);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int i = 0;
            while (writing.get()) {
                try {
                    Files.writeString(growing, "0001" + (i++ % 10) + ",2025,1,1,1\n", StandardOpenOption.APPEND);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        });
        writer.start();
        try {
            List<FileLoadResult> results = drain(1);

            assertThat(results).isEmpty();
            assertThat(Files.exists(growing)).isTrue();
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(rows("select count(*) from raw.service_driver")).containsExactly("0");
    }

    @Test
    void fileThatChangesWhileItIsLoadedStaysInTheInboxAndLoadsTheNextNight() throws Exception {
        // given a file to which the sender appends a line while the night reads it
        Path file = deliver("service_drivers_20260104.csv", HEADER + "000101,2025,12,3,1\n000102,2025,4,,0\n");
        FileIngestor firstNight = new FileIngestor(warehouse, 1);
        AtomicBoolean appended = new AtomicBoolean();
        firstNight.onReadFinished(f -> {
            if (appended.compareAndSet(false, true)) {
                appendLine(f, "000103,2025,7,0,2\n");
            }
        });

        // when the first night takes it
        List<FileLoadResult> first = drain(firstNight);

        // then nothing of it is kept, the history says why, and the file waits in the inbox
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.reasonCode()).isEqualTo(FileIngestor.FILE_CHANGED);
            assertThat(r.message()).contains("service_drivers_20260104.csv").contains("changed while it was loaded");
        });
        assertThat(rows("select status, reason_code, rows_delivered, rows_loaded, rows_rejected from ops.file_load"))
                .containsExactly("FAILED|file_changed|0|0|0");
        assertThat(rows("select count(*) from raw.service_driver")).containsExactly("0");
        assertThat(rows("select count(*) from quarantine.rejected_row")).containsExactly("0");
        assertThat(filesIn(settings.inbox().resolve("service"))).containsExactly("service_drivers_20260104.csv");
        assertThat(filesIn(settings.error().resolve("service"))).isEmpty();
        assertThat(filesIn(settings.archive().resolve("service"))).isEmpty();

        // when the next night finds it unchanged
        file.toFile().setLastModified(System.currentTimeMillis() - 5_000);
        List<FileLoadResult> second = drain(2);

        // then it loads with all three rows, under the hash of what was loaded, and is archived
        assertThat(second).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.LOADED);
            assertThat(r.rowsDelivered()).isEqualTo(3);
            assertThat(r.rowsLoaded()).isEqualTo(3);
            assertThat(r.fileHash()).isNotEqualTo(first.get(0).fileHash());
        });
        assertThat(rows("select run_id, status, rows_delivered, rows_loaded, rows_rejected from ops.file_load "
                        + "order by load_id"))
                .containsExactly("1|FAILED|0|0|0", "2|LOADED|3|3|0");
        assertThat(rows("select count(*) from raw.service_driver")).containsExactly("3");
        assertThat(filesIn(settings.inbox().resolve("service"))).isEmpty();
        assertThat(filesIn(settings.archive().resolve("service")))
                .singleElement()
                .satisfies(n -> assertThat(n).endsWith("_service_drivers_20260104.csv"));
    }

    @Test
    void partialAndTemporaryFilesWaitUntilRenamed() throws Exception {
        // given a file still being copied under a .part name and one under a .tmp name
        Path part = deliver("service_drivers_20260105.csv.part", HEADER + "000101,2025,12,3,1\n");
        deliver("service_drivers_20260106.csv.tmp", HEADER + "000102,2025,4,,0\n");

        // when a night runs, then neither is taken nor recorded
        assertThat(drain(1)).isEmpty();
        assertThat(rows("select count(*) from ops.file_load")).containsExactly("0");
        assertThat(filesIn(settings.inbox().resolve("service")))
                .containsExactly("service_drivers_20260105.csv.part", "service_drivers_20260106.csv.tmp");

        // when the sender renames the finished file, then the next night loads it
        Path done = Files.move(part, part.resolveSibling("service_drivers_20260105.csv"));
        done.toFile().setLastModified(System.currentTimeMillis() - 5_000);
        assertThat(drain(2))
                .extracting(FileLoadResult::fileName, FileLoadResult::status, FileLoadResult::rowsLoaded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("service_drivers_20260105.csv", Status.LOADED, 1L));
        assertThat(filesIn(settings.inbox().resolve("service"))).containsExactly("service_drivers_20260106.csv.tmp");
    }

    @Test
    void withAReadyMarkerAFileWaitsForItsMarkerWhichIsRemovedOnceLoaded() throws Exception {
        // given an installation whose senders write orders.csv.done when orders.csv is complete
        settings = new InboxSettings(
                settings.inbox(), settings.archive(), settings.error(), 300, Duration.ofSeconds(60), ".done");
        deliver("service_drivers_20260107.csv", HEADER + "000101,2025,12,3,1\n000102,2025,4,,0\n");

        // when a night runs before the marker is there, then the file waits
        assertThat(drain(1)).isEmpty();
        assertThat(filesIn(settings.inbox().resolve("service"))).containsExactly("service_drivers_20260107.csv");

        // when the marker arrives, then the next night loads the file and removes the marker
        deliver("service_drivers_20260107.csv.done", "");
        assertThat(drain(2)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.LOADED);
            assertThat(r.rowsLoaded()).isEqualTo(2);
        });
        assertThat(rows("select file_name, status, rows_delivered, rows_loaded from ops.file_load"))
                .containsExactly("service_drivers_20260107.csv|LOADED|2|2");
        assertThat(filesIn(settings.inbox().resolve("service"))).isEmpty();
        assertThat(filesIn(settings.archive().resolve("service")))
                .singleElement()
                .satisfies(n -> assertThat(n).endsWith("_service_drivers_20260107.csv"));
    }

    @Test
    void fileInAnotherEncodingThanDeclaredGoesToErrorNamingBothEncodings() throws Exception {
        // given a DOS code page 850 export for a mapping that declares UTF-8
        Path tmp = home.resolve("cp850.tmp");
        Files.write(
                tmp,
                (HEADER.strip() + ",Bemerkung\n000101,2025,12,3,1,Rückruf erwünscht\n000102,2025,4,,0,Köln\n")
                        .getBytes(java.nio.charset.Charset.forName("IBM850")));
        Path file = Files.move(tmp, settings.inbox().resolve("service").resolve("service_drivers_cp850.csv"));
        file.toFile().setLastModified(System.currentTimeMillis() - 5_000);

        // when the night takes it
        FileLoadResult r = drain(1).get(0);

        // then no row is loaded, and the history, the error folder and the reason file say why
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.reasonCode()).isEqualTo("encoding");
        assertThat(r.message())
                .startsWith("File service_drivers_cp850.csv: mapping service_drivers declares UTF-8, "
                        + "but line 2, byte 21 (0x81) is not valid UTF-8; the file looks like DOS code page 850/437 (IBM850; "
                        + "line 2, byte 21 is 0x81: 'R\uFFFDckruf' in windows-1252, 'Rückruf' in IBM850)");
        assertThat(rows("select status, reason_code, rows_delivered, rows_loaded, rows_rejected from ops.file_load"))
                .containsExactly("FAILED|encoding|0|0|0");
        assertThat(rows("select count(*) from raw.service_driver")).containsExactly("0");
        assertThat(filesIn(settings.inbox().resolve("service"))).isEmpty();
        Path error = settings.error().resolve("service");
        assertThat(filesIn(error)).containsExactly("service_drivers_cp850.csv", "service_drivers_cp850.csv.reason.txt");
        assertThat(Files.readString(error.resolve("service_drivers_cp850.csv.reason.txt")))
                .contains("Reason:  encoding")
                .contains("declares UTF-8")
                .contains("IBM850");
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> rows(String sql) throws Exception {
        List<String> result = new ArrayList<>();
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                result.add(b.toString());
            }
        }
        return result;
    }

    private static List<String> filesIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
