package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssertionsTest {

    @TempDir
    Path dir;

    @Test
    void consistentWarehousePassesEveryCheck() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);

            assertThat(Assertions.check(conn)).isEmpty();
        }
    }

    @Test
    void lostOrderLineAndTooManyUnmappedLinesFailWithClearMessages() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            // given D1/1 (900.00 EUR) lost after consolidation and a tolerance below the 1 unmapped of 8 lines
            TestWarehouse.execute(conn,
                    "delete from core.fact_order_line where document_no = 'D1'",
                    "update ops.parameter set value = '0.1' where name = 'max_unmapped_order_line_share'");

            assertThat(Assertions.check(conn)).containsExactly(
                    new AssertionFailure("sql/assert/10_revenue_reconciles.sql",
                            "net revenue in kpi.sales_cube is 5450.00 EUR but the validated order lines and credit notes"
                                    + " sum to 6350.00 EUR (difference -900.00 EUR)"),
                    new AssertionFailure("sql/assert/20_order_lines_mapped.sql",
                            "9 validated order lines but 8 in core.fact_order_line: lines were lost for want of a product or channel"),
                    new AssertionFailure("sql/assert/20_order_lines_mapped.sql",
                            "1 of 8 order lines (12.5 %) belong to debtors matched to no golden customer, more than the"
                                    + " tolerated 10.0 %; e.g. debtor 100004"));
        }
    }

    @Test
    void misspelledOrMissingParameterFails() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            TestWarehouse.execute(conn,
                    "update ops.parameter set value = 'umsatz' where name = 'channel_cost_allocation_key'",
                    "delete from ops.parameter where name = 'cost_per_visit_eur'");

            assertThat(Assertions.check(conn)).containsExactly(
                    new AssertionFailure("sql/assert/40_parameters.sql", "parameter cost_per_visit_eur is empty; expected a number >= 0"),
                    new AssertionFailure("sql/assert/40_parameters.sql",
                            "parameter channel_cost_allocation_key is 'umsatz'; expected revenue, orders or customers"));
        }
    }
}
