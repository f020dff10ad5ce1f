package io.salesbi.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An inbox folder is polled only when it holds a file its route would take. */
class InboxRoutesTest {

    @TempDir
    Path dir;

    @Test
    void onlyADeliveredFileMakesAFolderWorthPolling() throws Exception {
        Path erp = dir.resolve("inbox/erp");

        // a missing folder is created, as the route would, and holds nothing
        assertThat(InboxRoutes.holdsFiles(erp)).isFalse();
        assertThat(erp).isDirectory();

        // hidden files, reason files of earlier failures and sub-folders are not taken by the route
        Files.writeString(erp.resolve(".erp_order_lines_20260116.csv.swp"), "x");
        Files.writeString(erp.resolve("erp_order_lines_20260115.csv.reason.txt"), "Reason: ...");
        Files.createDirectories(erp.resolve("old"));
        Files.writeString(erp.resolve("old/erp_order_lines_20250101.csv"), "Beleg;Position");
        assertThat(InboxRoutes.holdsFiles(erp)).isFalse();

        Files.writeString(erp.resolve("erp_order_lines_20260116.csv"), "Beleg;Position");
        assertThat(InboxRoutes.holdsFiles(erp)).isTrue();
    }
}
