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
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference vocabularies are data: the installation's reference/ folder is written with the defaults on the first
 * night; a product group the file does not know is quarantined naming the known ones; once the steward adds it to
 * reference/product_groups.csv, the next night takes the product and its order lines without any file delivered
 * again.
 */
class ReferenceVocabulariesIT {

    private static final String EXPORT = "shop_orders-lineTotalsOnly-noCurrency-ownChannels-totalRow.csv";
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @TempDir
    Path home;

    @Test
    void anUnknownProductGroupIsQuarantinedUntilTheStewardAddsItToTheReferenceFile() throws Exception {
        Path mappings = Files.createDirectories(home.resolve("mappings"));
        for (String m : List.of("shop_order_lines.yaml", "shop_customers.yaml", "shop_products.yaml")) {
            Files.copy(shopResource("mappings/" + m), mappings.resolve(m));
        }
        // P-300 (the order line of 1,500.01) is in a group the defaults do not know
        String export = Files.readString(shopResource(EXPORT))
                .replace("PLC starter kit,Steuerungstechnik", "PLC starter kit,Robotik");
        Files.writeString(Files.createDirectories(home.resolve("inbox/shop")).resolve(EXPORT), export);
        Files.writeString(home.resolve("salesbi.yaml"), "mappings: ./mappings\n");
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), home);

        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            new NightlyRun(settings, warehouse).execute(AS_OF, false);
            assertThat(home.resolve("reference/product_groups.csv"))
                    .content()
                    .startsWith("product_group,name_en,sort_order\nAntriebstechnik,Drive technology,1\n");
            assertThat(value(
                            warehouse,
                            "select message from quarantine.rejected_row" + " where rule = 'product.unknown_category'"))
                    .isEqualTo("product P-300 has Warengruppe Robotik;"
                            + " expected one of Antriebstechnik, Steuerungstechnik, Sensorik, Verbindungstechnik, Ersatzteile,"
                            + " Service, Sonstige (reference/product_groups.csv, which the steward can extend)");
            assertThat(value(warehouse, "select cast(sum(net_revenue_eur) as varchar) from kpi.sales_cube"))
                    .isEqualTo("1536.13");

            Files.writeString(
                    home.resolve("reference/product_groups.csv"), "Robotik,Robotics,8\n", StandardOpenOption.APPEND);
            new NightlyRun(settings, warehouse).execute(AS_OF, false);

            assertThat(value(warehouse, "select count(*) from quarantine.rejected_row"))
                    .as(
                            value(
                                    warehouse,
                                    "select string_agg(stage || ' ' || rule || ' ' || message, '; ') from quarantine.rejected_row"))
                    .isEqualTo("0");
            assertThat(value(warehouse, "select cast(sum(net_revenue_eur) as varchar) from kpi.sales_cube"))
                    .isEqualTo("3036.14");
            assertThat(value(
                            warehouse,
                            "select cast(sum(net_revenue_eur) as varchar) from kpi.sales_cube"
                                    + " where product_category = 'Robotik'"))
                    .isEqualTo("1500.01");
        }
    }
}
