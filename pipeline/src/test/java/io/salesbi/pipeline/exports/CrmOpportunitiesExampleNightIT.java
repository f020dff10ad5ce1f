package io.salesbi.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The example {@code mappings/examples/crm-opportunities}: a Salesforce-style Opportunity report (UTF-8 with BOM,
 * no currency, IsWon 1 or empty, the product in Product__c, two footer lines) whose won opportunities become order
 * lines, its accounts debtors and its products the product master. Every figure is computed by hand from
 * {@code Opportunities_Report_20250930.csv} in that folder (see its README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmOpportunitiesExampleNightIT {

    private ExampleNight night;

    @BeforeAll
    void runOneNight(@TempDir Path tmp) throws Exception {
        night = ExampleNight.run("crm-opportunities", tmp, LocalDate.of(2026, 1, 15));
    }

    @Test
    void revenuePerYearAndLeadSourceChannelIsTheWonAmounts() throws Exception {
        // 2024: Trade Show 18,500.00; Web 7,240.50
        // 2025: Partner Referral 22,000.00; Phone Inquiry 3,315.25; no lead source ("Other") 1,480.00
        // lost (9,900.00) and open (12,000.00) opportunities are filtered; the won one without a product (640.00)
        // is quarantined
        assertThat(night.result().status()).as(night.result().failure()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.rows("select year, channel_code, sum(net_revenue_eur), cast(sum(order_lines) as bigint)"
                        + " from kpi.sales_cube group by all order by year, channel_code"))
                .containsExactly(
                        List.of(2024, "FIELD_SALES", new BigDecimal("18500.00"), 1L),
                        List.of(2024, "WEB_SHOP", new BigDecimal("7240.50"), 1L),
                        List.of(2025, "DISTRIBUTOR", new BigDecimal("22000.00"), 1L),
                        List.of(2025, "FIELD_SALES", new BigDecimal("1480.00"), 1L),
                        List.of(2025, "INSIDE_SALES", new BigDecimal("3315.25"), 1L));
    }

    @Test
    void everyRowOfTheReportIsAccountedForPerMapping() throws Exception {
        // 10 rows: 8 opportunities and 2 footer lines (the empty line before them is no row);
        // 3 accounts and 3 products (one opportunity has none)
        assertThat(night.rows("select source, rows_delivered, rows_current, rows_quarantined, rows_filtered,"
                        + " rows_superseded from kpi.dq_file_rows order by source"))
                .containsExactly(
                        List.of("crm_accounts_as_debtors", 10L, 3L, 0L, 2L, 5L),
                        List.of("crm_products", 10L, 3L, 0L, 3L, 4L),
                        List.of("crm_won_order_lines", 10L, 5L, 1L, 4L, 0L));
        assertThat(night.rows("select source, row_number, column_name from quarantine.rejected_row"))
                .containsExactly(List.of("crm_won_order_lines", 9L, "Product__c"));
    }

    @Test
    void validatePredictsWhatTheNightLoads() throws Exception {
        assertThat(night.predicted())
                .isEqualTo(night.rows("select source, rows_delivered, rows_current,"
                        + " rows_quarantined, rows_filtered, rows_superseded from kpi.dq_file_rows order by source"));
    }

    @Test
    void productsGetTheirCategoryFromTheirName() throws Exception {
        assertThat(night.rows("select product_no, product_category from staging.erp_product order by product_no"))
                .containsExactly(
                        List.of("PLC control unit PC-40", "Steuerungstechnik"),
                        List.of("Service contract Gold", "Service"),
                        List.of("Servo drive SD-200", "Antriebstechnik"));
    }
}
