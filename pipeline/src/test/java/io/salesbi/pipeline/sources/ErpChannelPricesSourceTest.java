package io.salesbi.pipeline.sources;

import static io.salesbi.pipeline.matching.TestWarehouse.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.ingest.FileIngestor;
import io.salesbi.pipeline.ingest.FileLoadResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.JobParameters;
import io.salesbi.sql.SqlScripts;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ERP price list per sales channel, a source added by CONTRIBUTING's recipe (mapping, validation script, this
 * test): a real file through the bundled mapping into the raw table the warehouse made from it, then the night's
 * validation, with every delivered row accounted for.
 */
class ErpChannelPricesSourceTest {

    private static final Charset ERP = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void aPriceListIsStagedPerProductChannelAndDateAndItsBadRowsQuarantined() throws Exception {
        Path products = dir.resolve("erp_products_20260105.csv");
        Files.writeString(products, """
                Artikel;Bezeichnung;Warengruppe;Listenpreis;Standardkosten;Einheit
                P-100;Hydraulikpumpe HP-4;Pumpen;120,00;70,00;Stk
                P-200;Dichtungssatz DS-2;Dichtungen;48,00;21,00;Satz
                """, ERP);
        // rows (file line = row number): 2 staged; 3 replaced by 4 (same product, channel and date, later row);
        // 4, 5 (channel by ERP spelling) and 6 (by code) staged; 7 unknown product; 8 unknown channel; 9 price 0;
        // 10 without Artikel, refused by the reader (required field)
        Path prices = dir.resolve("erp_channel_prices_20260105.csv");
        Files.writeString(prices, """
                Artikel;Vertriebskanal;Gueltig ab;Listenpreis
                P-100;Außendienst;01.01.2026;120,00
                P-100;E-Shop;01.01.2026;108,00
                P-100;E-Shop;01.01.2026;105,50
                P-200;EDI;01.01.2026;45,50
                P-200;FIELD_SALES;01.01.2026;48,00
                P-999;Außendienst;01.01.2026;10,00
                P-100;Telefonverkauf;01.01.2026;99,00
                P-200;Innendienst;01.03.2026;0,00
                ;Innendienst;01.01.2026;12,00
                """, ERP);

        try (Warehouse warehouse = Warehouse.open(dir.resolve("warehouse.duckdb"))) {
            FileIngestor ingestor = new FileIngestor(warehouse, 1);
            assertThat(ingestor.ingest(products, bundled("erp_products")).status())
                    .isEqualTo(FileLoadResult.Status.LOADED);
            FileLoadResult loaded = ingestor.ingest(prices, bundled("erp_channel_prices"));
            assertThat(loaded.status()).isEqualTo(FileLoadResult.Status.LOADED);
            assertThat(List.of(loaded.rowsDelivered(), loaded.rowsLoaded(), loaded.rowsRejected()))
                    .containsExactly(9L, 8L, 1L);

            try (Connection conn = warehouse.connect()) {
                JobParameters.set(conn, Map.of("run_id", "1"));
                SqlScripts.runScript(conn, "sql/validate/10_erp_product.sql");
                SqlScripts.runScript(conn, "sql/validate/15_erp_channel_price.sql");

                assertThat(rows(
                                conn,
                                "select table_name, mapping from ops.mapped_raw_table"
                                        + " where table_name = 'raw.erp_channel_price'"))
                        .containsExactly("raw.erp_channel_price|erp_channel_prices");
                assertThat(rows(
                                conn,
                                "select product_no, channel, valid_from, list_price, _row_number"
                                        + " from staging.erp_channel_price order by product_no, channel"))
                        .containsExactly(
                                "P-100|FIELD_SALES|2026-01-01|120.0000|2",
                                "P-100|WEB_SHOP|2026-01-01|105.5000|4",
                                "P-200|EDI|2026-01-01|45.5000|5",
                                "P-200|FIELD_SALES|2026-01-01|48.0000|6");
                assertThat(rows(
                                conn,
                                "select stage, source, source_file, row_number, column_name, raw_value, rule, message"
                                        + " from quarantine.rejected_row where source_file = '"
                                        + prices.getFileName() + "' order by row_number"))
                        .containsExactly(
                                "validate|erp|erp_channel_prices_20260105.csv|7|product_no|P-999"
                                        + "|erp_channel_price.unknown_product|price of P-999 in Außendienst from"
                                        + " 01.01.2026 names no product of the product master; expected a validated"
                                        + " Artikel (erp_products)",
                                "validate|erp|erp_channel_prices_20260105.csv|8|sales_channel|Telefonverkauf"
                                        + "|erp_channel_price.unknown_channel|price of P-100 has Vertriebskanal"
                                        + " Telefonverkauf; expected one of Außendienst (FIELD_SALES), Innendienst"
                                        + " (INSIDE_SALES), E-Shop (WEB_SHOP), EDI (EDI), Handelspartner"
                                        + " (DISTRIBUTOR), Marktplatz (MARKETPLACE)",
                                "validate|erp|erp_channel_prices_20260105.csv|9|list_price|0.0000"
                                        + "|erp_channel_price.invalid_price|price of P-200 in Innendienst from"
                                        + " 01.03.2026 is 0.0000; expected a price above 0",
                                "ingest|erp_channel_prices|erp_channel_prices_20260105.csv|10|Artikel||required"
                                        + "|a value is required in column Artikel");
                // every delivered row accounted for: 4 current + 4 quarantined + 1 superseded = 9
                assertThat(rows(
                                conn,
                                "select rows_delivered, rows_current, rows_quarantined, rows_filtered,"
                                        + " rows_superseded from kpi.dq_file_rows where load_id = "
                                        + loaded.loadId()))
                        .containsExactly("9|4|4|0|1");
            }
        }
    }

    private static SourceMapping bundled(String name) {
        return MappingLoader.loadBundled().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
