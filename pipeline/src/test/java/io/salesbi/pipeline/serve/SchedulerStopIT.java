package io.salesbi.pipeline.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyScheduler;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server while its scheduler runs a night lets the night finish before the warehouse closes. */
class SchedulerStopIT {

    private static final String EVERY_SECOND = "* * * * * *";

    @Test
    void closingDuringANightWaitsForItAndSchedulesNoOther(@TempDir Path home) throws Exception {
        new DemoDataGenerator(new GeneratorSettings(0.02, 9, home, LocalDate.of(2026, 1, 15))).generate();
        SalesbiSettings settings = SettingsLoader.defaults(home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            NightlyScheduler scheduler = NightlyScheduler.start(EVERY_SECOND, settings, warehouse);
            awaitNightLogs(home.resolve("logs"), 1);

            scheduler.close();

            try (Connection conn = warehouse.connect();
                    Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("select count(*) from ops.publish")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            assertThat(home.resolve("dashboards/index.html")).isNotEmptyFile();
            Thread.sleep(1_500);
            assertThat(nightLogs(home.resolve("logs"))).isEqualTo(1);
        }
    }

    private static void awaitNightLogs(Path logs, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (nightLogs(logs) < expected) {
            assertThat(System.nanoTime()).as("a night started within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long nightLogs(Path logs) throws Exception {
        if (!Files.isDirectory(logs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("night-"))
                    .count();
        }
    }
}
