package io.salesbi.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.generator.NewOrderLines;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A night with a few new order lines, run incrementally (standardizing and matching skipped: no customer source
 * changed; order lines validated and consolidated incrementally), ends with exactly the content of the same night run
 * with {@code --full} on a copy of the same warehouse.
 */
class IncrementalNightIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @Test
    void incrementalNightEqualsFullRebuild(@TempDir Path tmp) throws Exception {
        Path incremental = tmp.resolve("incremental");
        new DemoDataGenerator(new GeneratorSettings(0.02, 5, incremental, AS_OF)).generate();
        night(incremental, true);
        Path full = tmp.resolve("full");
        PathUtils.copyDirectory(incremental, full);
        int newLines = NewOrderLines.deliver(incremental, 0.01);
        NewOrderLines.deliver(full, 0.01);

        RunResult second = night(incremental, false);
        RunResult rebuilt = night(full, true);

        assertThat(second.steps())
                .filteredOn(s -> s.name().equals("matchCustomersStep"))
                .singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("unchanged since the last match"));
        assertThat(second.steps())
                .filteredOn(s -> s.name().equals("standardizeCustomersStep"))
                .singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("standardized customer records kept"));
        assertThat(second.steps())
                .filteredOn(s -> s.name().equals("validateRowsStep"))
                .singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("order lines validated incrementally"));
        assertThat(second.steps())
                .filteredOn(s -> s.name().equals("consolidateStep"))
                .singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("order line facts built incrementally"));
        assertThat(rebuilt.steps())
                .filteredOn(s -> s.name().equals("validateRowsStep"))
                .singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("order lines validated in full"));
        assertThat(rebuilt.steps())
                .filteredOn(s -> s.name().equals("matchCustomersStep"))
                .singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("golden customers"));
        Map<String, String> incrementalContent = content(incremental);
        assertThat(incrementalContent).isEqualTo(content(full));
        try (Warehouse w = Warehouse.open(SettingsLoader.defaults(incremental).warehouse());
                Connection conn = w.connect()) {
            assertThat(NightlyRunIT.count(
                            conn, "select count(*) from core.fact_order_line where document_no like 'N%'"))
                    .isPositive()
                    .isLessThanOrEqualTo(newLines);
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

    private static Map<String, String> content(Path home) throws Exception {
        try (Warehouse warehouse = Warehouse.open(SettingsLoader.defaults(home).warehouse())) {
            return NightlyRunIT.checksums(warehouse);
        }
    }
}
