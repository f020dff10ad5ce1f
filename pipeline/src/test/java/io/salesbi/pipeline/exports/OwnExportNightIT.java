package io.salesbi.pipeline.exports;

import static io.salesbi.pipeline.exports.WarehouseRows.shopResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.dryrun.DryRun;
import io.salesbi.pipeline.ingest.SourceMappings;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A company's own web-shop export, taken to the KPIs by mapping files alone: line totals but no unit price, no
 * currency column, the shop's segments instead of sales channels, no debtor or product master (both derived from
 * the same file by two more mappings), a "Grand Total" row. Every expected figure is computed by hand from
 * {@code exports/shop/shop_orders-lineTotalsOnly-noCurrency-ownChannels-totalRow.csv} (see its README).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnExportNightIT {

    private static final String EXPORT = "shop_orders-lineTotalsOnly-noCurrency-ownChannels-totalRow.csv";
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    private Path home;
    private RunResult night;
    private List<List<Object>> predicted;

    @BeforeAll
    void runOneNight(@TempDir Path tmp) throws Exception {
        home = tmp.resolve("site");
        Path mappings = Files.createDirectories(home.resolve("mappings"));
        for (String m : List.of("shop_order_lines.yaml", "shop_customers.yaml", "shop_products.yaml")) {
            Files.copy(shopResource("mappings/" + m), mappings.resolve(m));
        }
        Files.copy(
                shopResource(EXPORT),
                Files.createDirectories(home.resolve("inbox/shop")).resolve(EXPORT));
        Files.writeString(home.resolve("salesbi.yaml"), "mappings: ./mappings\n");
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), home);
        predicted = dryRun(settings, home.resolve("inbox/shop").resolve(EXPORT));
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            night = new NightlyRun(settings, warehouse).execute(AS_OF, false);
        }
    }

    @Test
    void theNightCompletesAndTheFileIsArchivedOnceForAllThreeMappings() throws Exception {
        assertThat(night.status()).as(night.failure()).isEqualTo(BatchStatus.COMPLETED);
        try (Stream<Path> archived = Files.list(home.resolve("archive/shop"))) {
            assertThat(archived.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .endsWith(EXPORT);
        }
        assertThat(rows("select source, status, rows_delivered, rows_loaded, rows_rejected, rows_filtered"
                        + " from ops.file_load order by source"))
                .containsExactly(
                        List.of("shop_customers", "LOADED", 6L, 5L, 0L, 1L),
                        List.of("shop_order_lines", "LOADED", 6L, 5L, 0L, 1L),
                        List.of("shop_products", "LOADED", 6L, 5L, 0L, 1L));
    }

    @Test
    void everyRowOfTheFileIsAccountedForPerMapping() throws Exception {
        // 6 rows: 5 order lines and the Grand Total row; customer C-17 comes three times and product P-100 and
        // P-200 twice each in the file, so the earlier rows of each are superseded by the later ones
        assertThat(rows("select source, rows_delivered, rows_current, rows_quarantined, rows_filtered,"
                        + " rows_superseded from kpi.dq_file_rows order by source"))
                .containsExactly(
                        List.of("shop_customers", 6L, 3L, 0L, 1L, 2L),
                        List.of("shop_order_lines", 6L, 5L, 0L, 1L, 0L),
                        List.of("shop_products", 6L, 3L, 0L, 1L, 2L));
    }

    @Test
    void validatePredictsExactlyWhatTheNightLoadsQuarantinesFiltersAndSupersedes() throws Exception {
        assertThat(predicted)
                .isEqualTo(rows("select source, rows_delivered, rows_current, rows_quarantined,"
                        + " rows_filtered, rows_superseded from kpi.dq_file_rows order by source"));
    }

    @Test
    void revenueEqualsTheFilesSumOfLineTotalsToTheCent() throws Exception {
        assertThat(rows("select sum(net_revenue_eur) from kpi.sales_cube"))
                .containsExactly(List.of(new BigDecimal("3036.14")));
        assertThat(rows("select document_no, line_no, currency, sales_channel, net_price, list_price"
                        + " from staging.erp_order_line order by document_no, line_no"))
                .containsExactly(
                        List.of("CA-1001", 1, "EUR", "E-Shop", new BigDecimal("349.9900"), new BigDecimal("349.9900")),
                        List.of("CA-1001", 2, "EUR", "E-Shop", new BigDecimal("8.9900"), new BigDecimal("8.9900")),
                        List.of(
                                "CA-1002",
                                1,
                                "EUR",
                                "Außendienst",
                                new BigDecimal("333.3300"),
                                new BigDecimal("333.3300")),
                        List.of(
                                "CA-1003",
                                1,
                                "EUR",
                                "Außendienst",
                                new BigDecimal("750.0050"),
                                new BigDecimal("750.0050")),
                        List.of(
                                "CA-1004",
                                1,
                                "EUR",
                                "Innendienst",
                                new BigDecimal("8.9900"),
                                new BigDecimal("8.9900")));
    }

    @Test
    void channelPnlShowsMarginsWhereCostsAreKnownAndNotAvailableWhereNot() throws Exception {
        // WEB_SHOP: 1049.97 + 89.90; cost 3 x 266.67 + 10 x 7.19 = 871.91
        // FIELD_SALES: 333.33 + 1500.01; P-300 has no profit in the export, so no standard cost: margin n/a
        // INSIDE_SALES: 62.93; cost 7 x 7.19 = 50.33
        assertThat(rows("select channel_code, year, net_revenue_eur, cost_of_goods_eur, gross_margin_eur"
                        + " from kpi.channel_pnl_year order by channel_code"))
                .containsExactly(
                        Arrays.asList("FIELD_SALES", 2025, new BigDecimal("1833.34"), null, null),
                        List.of(
                                "INSIDE_SALES",
                                2025,
                                new BigDecimal("62.93"),
                                new BigDecimal("50.33"),
                                new BigDecimal("12.60")),
                        List.of(
                                "WEB_SHOP",
                                2025,
                                new BigDecimal("1139.87"),
                                new BigDecimal("871.91"),
                                new BigDecimal("267.96")));
    }

    @Test
    void customerValueHasEveryCustomerOfTheExport() throws Exception {
        assertThat(rows("select company_name, year, revenue_eur, gross_margin_eur from kpi.customer_value"
                        + " order by company_name"))
                .containsExactly(
                        Arrays.asList("Brandt Maschinenbau GmbH", 2025, new BigDecimal("2639.88"), null),
                        List.of("Hofmann Lebensmittel AG", 2025, new BigDecimal("333.33"), new BigDecimal("66.66")),
                        List.of("Krause Elektro KG", 2025, new BigDecimal("62.93"), new BigDecimal("12.60")));
    }

    /** What {@code salesbi validate} predicts for the export, in the columns of kpi.dq_file_rows, by mapping name. */
    private static List<List<Object>> dryRun(SalesbiSettings settings, Path export) throws Exception {
        List<SourceMapping> mappings;
        try (Warehouse schema = Warehouse.open(
                        Files.createTempDirectory("salesbi-schema").resolve("schema.duckdb"));
                Connection conn = schema.connect()) {
            mappings = SourceMappings.load(settings, conn).mappings();
        }
        DryRun.Result result = new DryRun(
                        settings.warehouse(), settings.home().resolve("reference"), settings.kpi(), AS_OF)
                .run(Map.of(export, mappings));
        return result.files().stream()
                .sorted(java.util.Comparator.comparing(v -> v.mapping().name()))
                .map(v -> List.<Object>of(
                        v.mapping().name(),
                        v.rowsDelivered(),
                        v.rowsCurrent(),
                        v.rowsQuarantined(),
                        v.rowsFiltered(),
                        v.rowsSuperseded()))
                .toList();
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        return WarehouseRows.of(SettingsLoader.defaults(home).warehouse(), sql);
    }
}
