package io.salesbi.pipeline.run;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.generate.DemoDataGenerator;
import io.salesbi.pipeline.generate.GeneratorSettings;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night with a few new order lines, run incrementally (matching skipped: no customer record changed), ends with
 * exactly the content of the same night run with {@code --full} on a copy of the same warehouse.
 */
class IncrementalNightIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void incrementalNightEqualsFullRebuild(@TempDir Path tmp) throws Exception {
        Path incremental = tmp.resolve("incremental");
        new DemoDataGenerator(new GeneratorSettings(0.02, 5, incremental, AS_OF)).generate();
        night(incremental, true);
        Path full = tmp.resolve("full");
        PathUtils.copyDirectory(incremental, full);
        List<String> newLines = onePercentAsNewOrders(incremental);
        for (Path site : List.of(incremental, full)) {
            Path inbox = site.resolve("inbox/erp");
            Files.createDirectories(inbox);
            Files.write(inbox.resolve("erp_order_lines_20260116.csv"), newLines, CP1252);
        }

        RunResult second = night(incremental, false);
        RunResult rebuilt = night(full, true);

        assertThat(second.steps()).filteredOn(s -> s.name().equals("matchCustomersStep")).singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("unchanged since the last match"));
        assertThat(rebuilt.steps()).filteredOn(s -> s.name().equals("matchCustomersStep")).singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("golden customers"));
        Map<String, String> incrementalContent = content(incremental);
        assertThat(incrementalContent).isEqualTo(content(full));
        try (Warehouse w = Warehouse.open(SettingsLoader.defaults(incremental).warehouse());
             Connection conn = w.connect()) {
            assertThat(NightlyRunIT.count(conn, "select count(*) from core.fact_order_line where document_no like 'N%'"))
                    .isPositive().isLessThanOrEqualTo(newLines.size() - 1);
        }
    }

    private static RunResult night(Path home, boolean full) throws Exception {
        SalesbiSettings settings = SettingsLoader.defaults(home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            RunResult r = new NightlyRun(settings, warehouse).execute(AS_OF, full);
            assertThat(r.status()).as(r.failure()).isEqualTo(BatchStatus.COMPLETED);
            return r;
        }
    }

    /** Every 100th line of the archived order lines file, under new document numbers. */
    private static List<String> onePercentAsNewOrders(Path home) throws Exception {
        Path archived;
        try (Stream<Path> s = Files.walk(home.resolve("archive/erp"))) {
            archived = s.filter(p -> p.getFileName().toString().contains("erp_order_lines")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(archived, CP1252);
        List<String> result = new ArrayList<>();
        result.add(lines.get(0));
        for (int i = 1; i < lines.size(); i += 100) {
            result.add("N" + lines.get(i));
        }
        return result;
    }

    private static Map<String, String> content(Path home) throws Exception {
        try (Warehouse warehouse = Warehouse.open(SettingsLoader.defaults(home).warehouse())) {
            return NightlyRunIT.checksums(warehouse);
        }
    }
}
