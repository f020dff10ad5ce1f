package io.salesbi.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
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

    @Test
    void opsParameterShowsTheEffectiveSourcePrecedence(@TempDir Path dir) throws Exception {
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"));
                Connection conn = warehouse.connect()) {
            // seeded by V68: the order 20_dim_customer.sql falls back to
            assertThat(sourcePrecedence(conn)).isEqualTo("crm,erp,excel");
            assertThat(JobParameters.undeclared(conn, Map.of("source_precedence", "erp,crm")))
                    .isEmpty();

            JobParameters.write(conn, Map.of("source_precedence", "erp,crm"), 1, LocalDate.of(2026, 1, 31), false);
            assertThat(sourcePrecedence(conn)).isEqualTo("erp,crm");

            // a night whose configuration no longer says it is back at the default
            JobParameters.write(conn, Map.of(), 2, LocalDate.of(2026, 1, 31), false);
            assertThat(sourcePrecedence(conn)).isEqualTo("crm,erp,excel");
        }
    }

    private static String sourcePrecedence(Connection conn) throws Exception {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select value from ops.parameter where name = 'source_precedence'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
