package io.salesbi.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An inbox folder is polled only when it holds a file its route would take. */
class InboxRoutesTest {

    @TempDir
    Path dir;

    @Test
    void aReadLockLeftByAKilledNightIsRemovedAndTheFileStays() throws Exception {
        Path costs = Files.createDirectories(dir.resolve("costs"));
        Files.writeString(costs.resolve("Kanalkosten.xlsx"), "x");
        Files.writeString(costs.resolve("Kanalkosten.xlsx.camelLock"), "");

        InboxRoutes.removeOrphanLocks(costs);
        InboxRoutes.removeOrphanLocks(dir.resolve("missing"));

        try (var files = Files.list(costs)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("Kanalkosten.xlsx");
        }
    }

    @Test
    void onlyADeliveredFileMakesAFolderWorthPolling() throws Exception {
        Path erp = dir.resolve("inbox/erp");
        InboxSettings settings = settings(null);

        // a missing folder is created, as the route would, and holds nothing
        assertThat(InboxRoutes.holdsFiles(erp, settings)).isFalse();
        assertThat(erp).isDirectory();

        // hidden files, reason files of earlier failures and sub-folders are not taken by the route
        Files.writeString(erp.resolve(".erp_order_lines_20260116.csv.swp"), "x");
        Files.writeString(erp.resolve("erp_order_lines_20260115.csv.reason.txt"), "Reason: ...");
        Files.createDirectories(erp.resolve("old"));
        Files.writeString(erp.resolve("old/erp_order_lines_20250101.csv"), "Beleg;Position");
        assertThat(InboxRoutes.holdsFiles(erp, settings)).isFalse();

        Files.writeString(erp.resolve("erp_order_lines_20260116.csv"), "Beleg;Position");
        assertThat(InboxRoutes.holdsFiles(erp, settings)).isTrue();
    }

    @Test
    void filesUnderATemporaryNameWaitUntilRenamed() throws Exception {
        Path erp = dir.resolve("inbox/erp");
        InboxSettings settings = settings(null);

        // given files a sender is still writing under a temporary name
        Files.createDirectories(erp);
        Files.writeString(erp.resolve("erp_order_lines_20260116.csv.tmp"), "Beleg;Position");
        Files.writeString(erp.resolve("erp_order_lines_20260117.csv.PART"), "Beleg;Position");

        // then the folder holds nothing to take
        assertThat(InboxRoutes.holdsFiles(erp, settings)).isFalse();

        // when one is renamed, it is taken
        Files.move(erp.resolve("erp_order_lines_20260116.csv.tmp"), erp.resolve("erp_order_lines_20260116.csv"));
        assertThat(InboxRoutes.holdsFiles(erp, settings)).isTrue();
    }

    @Test
    void withAReadyMarkerAFileIsTakenOnlyBesideItsMarker() throws Exception {
        Path erp = dir.resolve("inbox/erp");
        InboxFiles files = new InboxFiles(".ok");
        Files.createDirectories(erp);
        Path orders = Files.writeString(erp.resolve("erp_order_lines_20260116.csv"), "Beleg;Position");

        // without its marker the file waits, and a marker is never a file to load
        assertThat(files.takes(orders)).isFalse();
        assertThat(files.holdsFiles(erp)).isFalse();

        Path marker = Files.writeString(erp.resolve("erp_order_lines_20260116.csv.ok"), "");
        assertThat(files.markerOf(orders)).isEqualTo(marker);
        assertThat(files.takes(orders)).isTrue();
        assertThat(files.takes(marker)).isFalse();
        assertThat(files.holdsFiles(erp)).isTrue();
    }

    private InboxSettings settings(String readyMarker) {
        return new InboxSettings(
                dir.resolve("inbox"),
                dir.resolve("archive"),
                dir.resolve("error"),
                300,
                Duration.ofSeconds(10),
                readyMarker);
    }
}
