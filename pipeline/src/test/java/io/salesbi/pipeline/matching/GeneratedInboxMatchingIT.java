package io.salesbi.pipeline.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.match.*;
import io.salesbi.match.quality.MatchQuality;
import io.salesbi.match.quality.WarehouseMatchQuality;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly matcher on a small generated inbox, measured against the generator's ground truth: sources that
 * overlap, spellings that vary, look-alike companies in the same city and neighbours sharing a postcode. A
 * second night, seeded with the first night's customers, must keep the quality.
 */
class GeneratedInboxMatchingIT {

    private static final double SCALE = 0.1;
    private static final long SEED = 11;
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @TempDir
    Path home;

    @Test
    void matchesAGeneratedInboxWithPairwiseF1OfAtLeast097OnTwoNights() throws Exception {
        new DemoDataGenerator(new GeneratorSettings(SCALE, SEED, home, AS_OF)).generate();
        SalesbiSettings settings = SettingsLoader.defaults(home);
        Path truth = home.resolve("truth/customer_truth.csv");

        MatchQuality first;
        MatchQuality second;
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            assertThat(new NightlyRun(settings, warehouse).execute(AS_OF, true).ok())
                    .isTrue();
            try (Connection conn = warehouse.connect()) {
                first = WarehouseMatchQuality.of(conn, truth, "entity_id");
            }
            assertThat(new NightlyRun(settings, warehouse).execute(AS_OF, true).ok())
                    .isTrue();
            try (Connection conn = warehouse.connect()) {
                second = WarehouseMatchQuality.of(conn, truth, "entity_id");
            }
        }

        System.out.println("Generated inbox, first night" + System.lineSeparator() + first.report());
        System.out.println("Generated inbox, second night" + System.lineSeparator() + second.report());
        assertThat(first.records()).isGreaterThan(400);
        assertThat(first.f1()).isGreaterThanOrEqualTo(0.97);
        assertThat(second.f1()).isGreaterThanOrEqualTo(0.97);
    }
}
