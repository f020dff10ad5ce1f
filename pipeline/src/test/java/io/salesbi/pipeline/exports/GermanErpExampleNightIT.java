package io.salesbi.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The example {@code mappings/examples/german-erp}: a German ERP's debtor master and order-line export (Windows-1252,
 * {@code ;}, decimal comma, dd.MM.yyyy, its own channel names, a "Summe" row), the order lines also read as the
 * product master. Every figure is computed by hand from the fixtures in that folder (see its README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GermanErpExampleNightIT {

    private ExampleNight night;

    @BeforeAll
    void runOneNight(@TempDir Path tmp) throws Exception {
        night = ExampleNight.run("german-erp", tmp, LocalDate.of(2026, 1, 15));
    }

    @Test
    void revenuePerYearAndChannelIsTheSumOfTheNetValuesToTheCent() throws Exception {
        // 2024 Außendienst: 4.496,40 + 866,25; Innendienst: 385,00 (Währung empty: EUR by default)
        // 2025 E-Shop: 5.491,00 + 394,25; AD (Außendienst): 1.249,00; Großhandel: 907,81
        // 4500023 (debtor 10009, not in the debtor master, 192,50) is quarantined; "Summe" is filtered
        assertThat(night.result().status()).as(night.result().failure()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.rows(
                        "select year, channel_code, sum(net_revenue_eur), cast(sum(order_lines) as bigint) from kpi.sales_cube"
                                + " group by all order by year, channel_code"))
                .containsExactly(
                        List.of(2024, "FIELD_SALES", new BigDecimal("5362.65"), 2L),
                        List.of(2024, "INSIDE_SALES", new BigDecimal("385.00"), 1L),
                        List.of(2025, "DISTRIBUTOR", new BigDecimal("907.81"), 1L),
                        List.of(2025, "FIELD_SALES", new BigDecimal("1249.00"), 1L),
                        List.of(2025, "WEB_SHOP", new BigDecimal("5885.25"), 2L));
    }

    @Test
    void everyRowOfBothFilesIsAccountedForPerMapping() throws Exception {
        // Auftragspositionen: 8 lines and the Summe row; 4 products on 8 lines, so 4 earlier lines are superseded
        assertThat(night.rows("select source, rows_delivered, rows_current, rows_quarantined, rows_filtered,"
                        + " rows_superseded from kpi.dq_file_rows order by source"))
                .containsExactly(
                        List.of("german_erp_debtors", 3L, 3L, 0L, 0L, 0L),
                        List.of("german_erp_order_lines", 9L, 7L, 1L, 1L, 0L),
                        List.of("german_erp_products", 9L, 4L, 0L, 1L, 4L));
        assertThat(night.rows("select source, rule, raw_value from quarantine.rejected_row order by source, rule"))
                .containsExactly(List.of("erp", "order_line.unknown_debtor", "10009"));
    }

    @Test
    void validatePredictsWhatTheNightLoads() throws Exception {
        assertThat(night.predicted())
                .isEqualTo(night.rows("select source, rows_delivered, rows_current,"
                        + " rows_quarantined, rows_filtered, rows_superseded from kpi.dq_file_rows order by source"));
    }

    @Test
    void listPricesAndDiscountsComeFromTheExportAndMarginsAreNotAvailable() throws Exception {
        assertThat(night.rows("select document_no, line_no, currency, sales_channel, list_price, discount_pct,"
                        + " line_amount from staging.erp_order_line where document_no in ('4500013', '4500022')"
                        + " order by document_no"))
                .containsExactly(
                        List.of(
                                "4500013",
                                10,
                                "EUR",
                                "Innendienst",
                                new BigDecimal("38.5000"),
                                new BigDecimal("0.0000"),
                                new BigDecimal("385.0000")),
                        List.of(
                                "4500022",
                                10,
                                "EUR",
                                "Handelspartner",
                                new BigDecimal("4.1500"),
                                new BigDecimal("12.5000"),
                                new BigDecimal("907.8100")));
        assertThat(night.rows("select product_no, product_category, list_price, standard_cost from staging.erp_product"
                        + " order by product_no"))
                .containsExactly(
                        Arrays.asList("A-2001", "Antriebstechnik", new BigDecimal("1249.0000"), null),
                        Arrays.asList("C-4010", "Steuerungstechnik", new BigDecimal("2890.0000"), null),
                        Arrays.asList("S-3100", "Sensorik", new BigDecimal("38.5000"), null),
                        Arrays.asList("V-5005", "Verbindungstechnik", new BigDecimal("4.1500"), null));
    }
}
