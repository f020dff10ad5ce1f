package io.salesbi.pipeline.exports;

import static io.salesbi.pipeline.exports.WarehouseRows.shopResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Files;
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
 * Master data may be missing: the web-shop export taken with one mapping only, its lines carrying the customer's name
 * and city and the product's name and group. Debtors and products are derived from the lines; without a standard
 * cost, margins are "not available" (null), never a reason to drop revenue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleMappingExportIT {

    private static final String EXPORT = "shop_orders-lineTotalsOnly-noCurrency-ownChannels-totalRow.csv";

    private Path home;
    private RunResult night;

    @BeforeAll
    void runOneNight(@TempDir Path tmp) throws Exception {
        home = tmp.resolve("site");
        Path mappings = Files.createDirectories(home.resolve("mappings"));
        Files.copy(shopResource("single-mapping/shop_orders.yaml"), mappings.resolve("shop_orders.yaml"));
        Files.copy(
                shopResource(EXPORT),
                Files.createDirectories(home.resolve("inbox/shop")).resolve(EXPORT));
        Files.writeString(home.resolve("salesbi.yaml"), "mappings: ./mappings\n");
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            night = new NightlyRun(settings, warehouse).execute(LocalDate.of(2026, 1, 15), false);
        }
    }

    @Test
    void debtorsAndProductsAreDerivedFromTheOrderLines() throws Exception {
        assertThat(night.status()).as(night.failure()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rows("select debtor_no, name1, city from staging.erp_debtor order by 1"))
                .containsExactly(
                        List.of("C-17", "Brandt Maschinenbau GmbH", "Stuttgart"),
                        List.of("C-23", "Hofmann Lebensmittel AG", "Hamburg"),
                        List.of("C-31", "Krause Elektro KG", "Leipzig"));
        assertThat(rows("select product_no, product_name, product_category, standard_cost from staging.erp_product"
                        + " order by 1"))
                .containsExactly(
                        Arrays.asList("P-100", "Servo drive 2 kW", "Antriebstechnik", null),
                        Arrays.asList("P-200", "Proximity sensor M12", "Sensorik", null),
                        Arrays.asList("P-300", "PLC starter kit", "Steuerungstechnik", null));
    }

    @Test
    void revenueReachesTheKpisToTheCentWithMarginsNotAvailable() throws Exception {
        assertThat(rows("select sum(net_revenue_eur), count(cost_of_goods_eur) from kpi.sales_cube"))
                .containsExactly(List.of(new BigDecimal("3036.14"), 0L));
        assertThat(rows("select channel_code, net_revenue_eur, gross_margin_eur from kpi.channel_pnl_year"
                        + " order by 1"))
                .containsExactly(
                        Arrays.asList("FIELD_SALES", new BigDecimal("1833.34"), null),
                        Arrays.asList("INSIDE_SALES", new BigDecimal("62.93"), null),
                        Arrays.asList("WEB_SHOP", new BigDecimal("1139.87"), null));
        assertThat(rows("select company_name, revenue_eur, gross_margin_eur, abc_revenue, abc_contribution"
                        + " from kpi.customer_value order by 1"))
                .containsExactly(
                        Arrays.asList("Brandt Maschinenbau GmbH", new BigDecimal("2639.88"), null, "A", null),
                        Arrays.asList("Hofmann Lebensmittel AG", new BigDecimal("333.33"), null, "B", null),
                        Arrays.asList("Krause Elektro KG", new BigDecimal("62.93"), null, "C", null));
        assertThat(rows("select rows_delivered, rows_current, rows_quarantined, rows_filtered, rows_superseded"
                        + " from kpi.dq_file_rows"))
                .containsExactly(List.of(6L, 5L, 0L, 1L, 0L));
    }

    private List<List<Object>> rows(String sql) throws Exception {
        return WarehouseRows.of(SettingsLoader.defaults(home).warehouse(), sql);
    }
}
