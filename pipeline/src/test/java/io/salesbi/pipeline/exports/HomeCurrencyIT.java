package io.salesbi.pipeline.exports;

import static io.salesbi.pipeline.exports.WarehouseRows.shopResource;
import static io.salesbi.pipeline.exports.WarehouseRows.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation whose home currency is not the euro (a UK web shop): its export names no currency, so its lines are
 * in the home currency, the currency the KPIs report in; no exchange rate is needed and none is invented.
 */
class HomeCurrencyIT {

    private static final String EXPORT = "shop_orders-lineTotalsOnly-noCurrency-ownChannels-totalRow.csv";

    @TempDir
    Path home;

    @Test
    void linesWithoutCurrencyAreInTheHomeCurrencyAndNeedNoExchangeRate() throws Exception {
        Path mappings = Files.createDirectories(home.resolve("mappings"));
        Files.copy(shopResource("single-mapping/shop_orders.yaml"), mappings.resolve("shop_orders.yaml"));
        Files.copy(
                shopResource(EXPORT),
                Files.createDirectories(home.resolve("inbox/shop")).resolve(EXPORT));
        Files.writeString(home.resolve("salesbi.yaml"), "mappings: ./mappings\nhome-currency: gbp\n");
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), home);

        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            new NightlyRun(settings, warehouse).execute(LocalDate.of(2026, 1, 15), false);

            assertThat(value(warehouse, "select string_agg(distinct currency, ',') from staging.erp_order_line"))
                    .isEqualTo("GBP");
            assertThat(value(warehouse, "select count(*) from quarantine.rejected_row"))
                    .isEqualTo("0");
            assertThat(value(warehouse, "select cast(sum(net_revenue_eur) as varchar) from kpi.sales_cube"))
                    .isEqualTo("3036.14");
            assertThat(value(
                            warehouse,
                            "select cast(min(rate_per_eur) as varchar) || '/' || max(rate_per_eur)"
                                    + " from core.fact_order_line"))
                    .isEqualTo("1.000000/1.000000");
        }
    }
}
