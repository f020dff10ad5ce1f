package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At the size of demo scale 1 (2,600 customers, 3 years) every page stays within the 3 MB the issue allows. */
class DashboardScaleOneTest {

    static final String SCALE_ONE = "fixtures/kpi-scale-one-2600-customers.sql";
    private static final long MAX_PAGE_BYTES = 3L * 1024 * 1024;

    @TempDir
    Path out;

    @Test
    void everyPageStaysUnderThreeMegabytes() throws Exception {
        List<Path> pages;
        try (Connection conn = KpiFixture.open(SCALE_ONE)) {
            pages = new DashboardGenerator(new DashboardSettings(out, Locale.GERMAN, KpiFixture.GENERATED_AT))
                    .generate(conn);
        }

        assertThat(pages)
                .hasSize(10)
                .allSatisfy(page -> assertThat(Files.size(page))
                        .as(page.getFileName().toString())
                        .isLessThanOrEqualTo(MAX_PAGE_BYTES));
    }
}
