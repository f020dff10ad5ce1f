package io.salesbi.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobParametersTest {

    @Test
    void aMisspelledKpiKeyIsReportedWithASuggestionAndKnownKeysPass(@TempDir Path dir) throws Exception {
        Map<String, String> kpi = new LinkedHashMap<>();
        kpi.put("cost_per_vist_eur", "450");
        kpi.put("cost_per_support_ticket_eur", "60");
        kpi.put("home_currency", "EUR");

        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"));
                Connection conn = warehouse.connect()) {
            assertThat(JobParameters.undeclared(conn, kpi))
                    .singleElement()
                    .asString()
                    .startsWith("kpi.cost-per-vist-eur is not a parameter of the KPIs (did you mean "
                            + "'cost-per-visit-eur'?); known: [");
        }
    }
}
