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
 * The example {@code mappings/examples/webshop-orders}: a Shopify-style orders export (one row per line item, the
 * order's status, currency and billing address on its first row only, timestamps with a -0500 offset, unit prices
 * only, no channel), read by three mappings into order lines, customers and products. Every figure is computed by
 * hand from {@code orders_export_1.csv} in that folder (see its README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebshopOrdersExampleNightIT {

    private ExampleNight night;

    @BeforeAll
    void runOneNight(@TempDir Path tmp) throws Exception {
        night = ExampleNight.run("webshop-orders", tmp, LocalDate.of(2026, 1, 15));
    }

    @Test
    void revenuePerYearIsQuantityTimesPriceOfTheLinesOfPaidOrders() throws Exception {
        // 2024: #1001 (2024-12-31 21:30 -0500, 02:30 UTC on 2025-01-01, so the shop's date decides) 2 x 189.90
        //       + 24.95 + 189.90 = 594.65
        // 2025: #1002 3 x 24.95 = 74.85; #1003 5 x 79.00 = 395.00; #1005 2 x 79.00 = 158.00 (its custom engraving
        //       has no SKU: quarantined); #1004 is voided: both its lines are filtered
        assertThat(night.result().status()).as(night.result().failure()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.rows("select year, channel_code, sum(net_revenue_eur), cast(sum(order_lines) as bigint)"
                        + " from kpi.sales_cube group by all order by year, channel_code"))
                .containsExactly(
                        List.of(2024, "WEB_SHOP", new BigDecimal("594.65"), 3L),
                        List.of(2025, "WEB_SHOP", new BigDecimal("627.85"), 3L));
    }

    @Test
    void everyRowOfTheExportIsAccountedForPerMapping() throws Exception {
        // 9 rows: 5 orders' first rows and 4 continuation rows; 3 customers, 3 SKUs and one custom item
        assertThat(night.rows("select source, rows_delivered, rows_current, rows_quarantined, rows_filtered,"
                        + " rows_superseded from kpi.dq_file_rows order by source"))
                .containsExactly(
                        List.of("webshop_customers", 9L, 3L, 0L, 4L, 2L),
                        List.of("webshop_order_lines", 9L, 6L, 1L, 2L, 0L),
                        List.of("webshop_products", 9L, 3L, 0L, 1L, 5L));
        assertThat(night.rows("select source, row_number, column_name from quarantine.rejected_row"))
                .containsExactly(List.of("webshop_order_lines", 10L, "Lineitem sku"));
    }

    @Test
    void validatePredictsWhatTheNightLoads() throws Exception {
        assertThat(night.predicted())
                .isEqualTo(night.rows("select source, rows_delivered, rows_current,"
                        + " rows_quarantined, rows_filtered, rows_superseded from kpi.dq_file_rows order by source"));
    }

    @Test
    void orderFieldsOfTheFirstRowAreFilledDownAndLinesNumberedPerOrder() throws Exception {
        assertThat(night.rows("select document_no, line_no, document_date, currency, product_no, list_price"
                        + " from staging.erp_order_line order by document_no, line_no"))
                .containsExactly(
                        List.of("#1001", 1, LocalDate.of(2024, 12, 31), "EUR", "TW-200", new BigDecimal("219.0000")),
                        List.of("#1001", 2, LocalDate.of(2024, 12, 31), "EUR", "BS-32", new BigDecimal("24.9500")),
                        List.of("#1001", 3, LocalDate.of(2024, 12, 31), "EUR", "TW-200", new BigDecimal("219.0000")),
                        List.of("#1002", 1, LocalDate.of(2025, 1, 15), "EUR", "BS-32", new BigDecimal("24.9500")),
                        List.of("#1003", 1, LocalDate.of(2025, 2, 2), "EUR", "SS-12", new BigDecimal("89.0000")),
                        List.of("#1005", 1, LocalDate.of(2025, 3, 1), "EUR", "SS-12", new BigDecimal("89.0000")));
        assertThat(night.rows("select debtor_no, name1, postcode, city from staging.erp_debtor order by debtor_no"))
                .containsExactly(
                        List.of("bestellung@seidel-kfz.example", "Seidel Kfz-Technik e.K.", "34117", "Kassel"),
                        List.of(
                                "einkauf@hartmann-werkzeugbau.example",
                                "Hartmann Werkzeugbau GmbH",
                                "42651",
                                "Solingen"),
                        List.of("info@wendt-metallbau.example", "Wendt Metallbau GmbH", "18055", "Rostock"));
    }
}
