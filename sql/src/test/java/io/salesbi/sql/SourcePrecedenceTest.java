package io.salesbi.sql;

import static io.salesbi.sql.TestWarehouse.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which source leads a golden customer's history is declared ({@code source-precedence} in salesbi.yaml, the
 * parameter {@code source_precedence}), no longer the alphabet's {@code min(source_system)}.
 */
class SourcePrecedenceTest {

    private static final String DIM_CUSTOMER = """
            select customer_id, valid_from, valid_to, is_current, industry, sales_region, has_owner
            from core.dim_customer order by customer_id, valid_from""";

    @TempDir
    Path dir;

    @Test
    void theErpLeadsWhenDeclaredFirst() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            // given C1 delivered by the CRM as Elektrotechnik (2024-01-01) then Maschinenbau (2025-01-01), and by the
            // ERP once as Maschinenbau (2025-01-01); the ERP declared first
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            TestWarehouse.execute(
                    conn,
                    "insert or replace into ops.parameter (name, value) "
                            + "values ('source_precedence', 'erp,crm,excel')");

            FixtureWarehouse.runValidateAndConsolidate(conn);

            // then C1's history is the ERP's single snapshot: one version, no Elektrotechnik year (with the CRM
            // first, the default, C1 has two versions: KpiFixtureTest.dimCustomerKeepsLastYearsSegment)
            assertThat(rows(conn, DIM_CUSTOMER))
                    .containsExactly(
                            List.of("C1", "1900-01-01", "9999-12-31", "true", "Maschinenbau", "Nord", "true"),
                            List.of("C2", "1900-01-01", "9999-12-31", "true", "Maschinenbau", "Nord", "false"),
                            List.of("C3", "1900-01-01", "9999-12-31", "true", "Chemie & Pharma", "Süd", "true"));
        }
    }
}
