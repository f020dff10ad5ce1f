package io.salesbi.sql;

import static io.salesbi.sql.TestWarehouse.doubleValue;
import static io.salesbi.sql.TestWarehouse.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every KPI of the fixture {@code three-customers-two-years.sql}, computed by hand. The valid order lines, in EUR
 * (list / net / cost of goods = quantity x standard cost):
 * <pre>
 * D1/1  2024-03-10 C1 P1 Antriebstechnik   FIELD_SALES  10 x 100 / 90      1000 /  900 / 600
 * D2/1  2024-05-05 C2 P1 Antriebstechnik   WEB_SHOP      5 x 100 / 100      500 /  500 / 300
 * D2/2  2024-05-05 C2 P2 Sensorik          WEB_SHOP     10 x 50 / 45        500 /  450 / 200
 * D3/1  2025-01-15 C1 P1 Antriebstechnik   FIELD_SALES  20 x 100 / 80      2000 / 1600 / 1200 (re-delivery wins)
 * D3/2  2025-01-15 C1 P3 Steuerungstechnik FIELD_SALES   2 x 200 / 150      400 /  300 / 240
 * D4/1  2025-01-20 C2 P2 Sensorik          EDI          40 x 50 / 40       2000 / 1600 / 800
 * D5/1  2025-03-10 C3 P1 Antriebstechnik   INSIDE_SALES 10 x 125 / 100 USD at 1.25: 1000 / 800 / 600
 * D6/1  2025-01-25 -- P2 Sensorik          INSIDE_SALES  2 x 50 / 50        100 /  100 / 40 (debtor 100004 unmatched)
 * D12/1 2025-02-20 C2 P3 Steuerungstechnik INSIDE_SALES  1 x 200 / 200      200 /  200 / 120
 * CN1   2025-02-10 C2 credit note on D4 (EDI, Sensorik): -100
 * </pre>
 * C1 was Elektrotechnik / Nord until 2024-12-31 and is Maschinenbau / Nord from 2025-01-01 (SCD2); C2 is
 * Maschinenbau / Nord, C3 Chemie &amp; Pharma / Süd.
 */
class KpiFixtureTest {

    @TempDir
    static Path dir;

    static Connection conn;

    @BeforeAll
    static void loadFixtureAndRunJob() throws Exception {
        conn = TestWarehouse.migrated(dir);
        FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
        FixtureWarehouse.runValidateAndConsolidate(conn);
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    @Test
    void validateRejectsEachBrokenRowWithItsRuleAndReason() throws Exception {
        assertThat(rows(conn, """
                select source, source_file, row_number, column_name, raw_value, rule
                from quarantine.rejected_row order by rule, row_number"""))
                .containsExactly(
                        List.of(
                                "crm",
                                "crm_activities_20250630.csv",
                                "7",
                                "activity_date",
                                "2025-08-01",
                                "activity.invalid_date"),
                        List.of(
                                "costs",
                                "Kanalkosten.xlsx",
                                "5",
                                "channel",
                                "Telefonverkauf",
                                "channel_cost.unknown_channel"),
                        List.of(
                                "erp",
                                "erp_order_lines_20250630.csv",
                                "13",
                                "document_date",
                                "2025-07-15",
                                "order_line.future_date"),
                        List.of(
                                "erp",
                                "erp_order_lines_20250630.csv",
                                "15",
                                "currency",
                                "CHF",
                                "order_line.missing_fx_rate"),
                        List.of(
                                "erp",
                                "erp_order_lines_20250630.csv",
                                "12",
                                "net_price",
                                "200.0000",
                                "order_line.net_above_list"),
                        List.of(
                                "erp",
                                "erp_order_lines_20250630.csv",
                                "14",
                                "quantity",
                                "0.000",
                                "order_line.non_positive_quantity"),
                        List.of(
                                "erp",
                                "erp_order_lines_20250630.csv",
                                "11",
                                "product_no",
                                "P9",
                                "order_line.unknown_product"));
        assertThat(TestWarehouse.single(
                        conn, "select message from quarantine.rejected_row where rule = 'order_line.net_above_list'"))
                .isEqualTo("order line D8/1 has net price 200.0000 above 1.5 x list price 100.0000");
        assertThat(TestWarehouse.single(
                        conn, "select quantity from staging.erp_order_line where document_no = 'D3' and line_no = 1"))
                .isEqualTo("20.000");
    }

    @Test
    void dimCustomerKeepsLastYearsSegment() throws Exception {
        assertThat(rows(conn, """
                select customer_id, valid_from, valid_to, is_current, industry, sales_region, has_owner
                from core.dim_customer order by customer_id, valid_from"""))
                .containsExactly(
                        List.of("C1", "1900-01-01", "2024-12-31", "false", "Elektrotechnik", "Nord", "true"),
                        List.of("C1", "2025-01-01", "9999-12-31", "true", "Maschinenbau", "Nord", "true"),
                        List.of("C2", "1900-01-01", "9999-12-31", "true", "Maschinenbau", "Nord", "false"),
                        List.of("C3", "1900-01-01", "9999-12-31", "true", "Chemie & Pharma", "Süd", "true"));
    }

    @Test
    void marketShareUsesTheSegmentValidOnTheDocumentDate() throws Exception {
        // Maschinenbau/Nord 2024: only C2 (C1 was Elektrotechnik) 500 + 450 = 950; 2025: C1 1900 + C2 (1600 - 100 +
        // 200) 1700
        assertThat(rows(conn, """
                select industry, region, year, own_revenue_eur, market_volume_eur, largest_competitor, white_space_eur
                from kpi.market_share order by industry, region, year"""))
                .containsExactly(
                        List.of("Chemie & Pharma", "Süd", "2025", "800.00", "40000.00", "K4", "39200.00"),
                        List.of("Elektrotechnik", "Nord", "2024", "900.00", "50000.00", "K5", "49100.00"),
                        List.of("Maschinenbau", "Nord", "2024", "950.00", "100000.00", "K1", "99050.00"),
                        List.of("Maschinenbau", "Nord", "2025", "3600.00", "120000.00", "K2", "116400.00"));
        String row = "from kpi.market_share where industry = 'Maschinenbau' and year = 2025";
        assertThat(doubleValue(conn, "select market_share " + row)).isCloseTo(3600.0 / 120000, within(1e-12));
        assertThat(doubleValue(conn, "select market_share_prev_year " + row)).isCloseTo(950.0 / 100000, within(1e-12));
        assertThat(doubleValue(conn, "select share_change_pp " + row)).isCloseTo((0.03 - 0.0095) * 100, within(1e-9));
        assertThat(doubleValue(conn, "select largest_competitor_share " + row)).isCloseTo(0.35, within(1e-12));
        assertThat(doubleValue(conn, "select relative_market_share " + row)).isCloseTo(0.03 / 0.35, within(1e-12));
        assertThat(
                        TestWarehouse.single(
                                conn,
                                "select market_share_prev_year from kpi.market_share where year = 2024 and industry = 'Maschinenbau'"))
                .isNull();
    }

    @Test
    void channelPnlAllocatesTheSharedPoolByRevenue() throws Exception {
        // 2025-01: revenue FIELD 1900, EDI 1600, INSIDE 100 = 3600; shared pool 400 -> 211.11 / 177.78 / 11.11;
        // WEB_SHOP has only its direct cost 100. Credit note -100 in 2025-02 on EDI.
        assertThat(rows(conn, """
                select channel_code, channel_name_de, year, month, net_revenue_eur, cost_of_goods_eur, gross_margin_eur,
                    direct_channel_cost_eur, allocated_cost_eur, contribution_margin_eur
                from kpi.channel_pnl order by year, month, channel_code"""))
                .containsExactly(
                        List.of(
                                "FIELD_SALES",
                                "Außendienst",
                                "2024",
                                "3",
                                "900.00",
                                "600.00",
                                "300.00",
                                "0.00",
                                "0.00",
                                "300.00"),
                        List.of(
                                "WEB_SHOP",
                                "E-Shop",
                                "2024",
                                "5",
                                "950.00",
                                "500.00",
                                "450.00",
                                "0.00",
                                "0.00",
                                "450.00"),
                        List.of(
                                "EDI",
                                "EDI / E-Procurement",
                                "2025",
                                "1",
                                "1600.00",
                                "800.00",
                                "800.00",
                                "0.00",
                                "177.78",
                                "622.22"),
                        List.of(
                                "FIELD_SALES",
                                "Außendienst",
                                "2025",
                                "1",
                                "1900.00",
                                "1440.00",
                                "460.00",
                                "500.00",
                                "211.11",
                                "-251.11"),
                        List.of(
                                "INSIDE_SALES",
                                "Innendienst",
                                "2025",
                                "1",
                                "100.00",
                                "40.00",
                                "60.00",
                                "0.00",
                                "11.11",
                                "48.89"),
                        List.of("WEB_SHOP", "E-Shop", "2025", "1", "0.00", "0.00", "0.00", "100.00", "0.00", "-100.00"),
                        List.of(
                                "EDI",
                                "EDI / E-Procurement",
                                "2025",
                                "2",
                                "-100.00",
                                "0.00",
                                "-100.00",
                                "0.00",
                                "0.00",
                                "-100.00"),
                        List.of(
                                "INSIDE_SALES",
                                "Innendienst",
                                "2025",
                                "2",
                                "200.00",
                                "120.00",
                                "80.00",
                                "0.00",
                                "0.00",
                                "80.00"),
                        List.of(
                                "INSIDE_SALES",
                                "Innendienst",
                                "2025",
                                "3",
                                "800.00",
                                "600.00",
                                "200.00",
                                "0.00",
                                "0.00",
                                "200.00"));
        assertThat(doubleValue(
                        conn, "select roi from kpi.channel_pnl where channel_code = 'FIELD_SALES' and year = 2025"))
                .isCloseTo(-251.11 / (500 + 211.11), within(1e-12));
        assertThat(doubleValue(conn, "select roi from kpi.channel_pnl where channel_code = 'WEB_SHOP' and year = 2025"))
                .isCloseTo(-1.0, within(1e-12));
        assertThat(TestWarehouse.single(
                        conn, "select roi from kpi.channel_pnl where channel_code = 'INSIDE_SALES' and month = 3"))
                .isNull();
    }

    @Test
    void channelPnlAllocatesByOrdersWhenConfigured() throws Exception {
        // 2025-01 order documents: D3 (FIELD), D4 (EDI), D6 (INSIDE) -> 400 / 3 = 133.33 each
        TestWarehouse.execute(
                conn, "update ops.parameter set value = 'orders' where name = 'channel_cost_allocation_key'");
        try {
            assertThat(rows(conn, """
                    select channel_code, allocated_cost_eur from kpi.channel_pnl
                    where year = 2025 and month = 1 order by channel_code"""))
                    .containsExactly(
                            List.of("EDI", "133.33"),
                            List.of("FIELD_SALES", "133.33"),
                            List.of("INSIDE_SALES", "133.33"),
                            List.of("WEB_SHOP", "0.00"));
        } finally {
            TestWarehouse.execute(
                    conn, "update ops.parameter set value = 'revenue' where name = 'channel_cost_allocation_key'");
        }
    }

    @Test
    void channelPnlYearSumsTheMonths() throws Exception {
        assertThat(rows(conn, """
                select channel_code, year, net_revenue_eur, cost_of_goods_eur, gross_margin_eur, direct_channel_cost_eur,
                    allocated_cost_eur, contribution_margin_eur
                from kpi.channel_pnl_year where year = 2025 order by channel_code"""))
                .containsExactly(
                        List.of("EDI", "2025", "1500.00", "800.00", "700.00", "0.00", "177.78", "522.22"),
                        List.of("FIELD_SALES", "2025", "1900.00", "1440.00", "460.00", "500.00", "211.11", "-251.11"),
                        List.of("INSIDE_SALES", "2025", "1100.00", "760.00", "340.00", "0.00", "11.11", "328.89"),
                        List.of("WEB_SHOP", "2025", "0.00", "0.00", "0.00", "100.00", "0.00", "-100.00"));
        assertThat(doubleValue(conn, "select roi from kpi.channel_pnl_year where channel_code = 'EDI' and year = 2025"))
                .isCloseTo(522.22 / 177.78, within(1e-12));
    }

    @Test
    void customerValueCountsCostToServeAndClassifiesAbc() throws Exception {
        // 2025 cost to serve: C1 2 visits x 450 + 5 tickets x 60 = 1200; C2 1 ticket = 60; C3 1 special delivery = 250.
        // ABC by revenue 2025 (total 4400, A below 3520 before, B below 4180): C1 (0 before) A, C2 (1900) A, C3 (3600)
        // B.
        // ABC by contribution 2025: only C2 (720) is positive -> A; C1 -740 and C3 -50 are C.
        // 2024 (no drivers): revenue C2 950 A, C1 900 (950 before < 1480) A; contribution C2 450 A, C1 300 (450 < 600)
        // A.
        assertThat(rows(conn, """
                select customer_id, company_name, industry, sales_region, year, revenue_eur, gross_margin_eur,
                    cost_to_serve_eur, contribution_eur, abc_revenue, abc_contribution, a_by_revenue_c_by_contribution
                from kpi.customer_value order by year, customer_id"""))
                .containsExactly(
                        List.of(
                                "C1",
                                "Alpha Maschinenbau GmbH",
                                "Elektrotechnik",
                                "Nord",
                                "2024",
                                "900.00",
                                "300.00",
                                "0.00",
                                "300.00",
                                "A",
                                "A",
                                "false"),
                        List.of(
                                "C2",
                                "Beta Maschinen AG",
                                "Maschinenbau",
                                "Nord",
                                "2024",
                                "950.00",
                                "450.00",
                                "0.00",
                                "450.00",
                                "A",
                                "A",
                                "false"),
                        List.of(
                                "C1",
                                "Alpha Maschinenbau GmbH",
                                "Maschinenbau",
                                "Nord",
                                "2025",
                                "1900.00",
                                "460.00",
                                "1200.00",
                                "-740.00",
                                "A",
                                "C",
                                "true"),
                        List.of(
                                "C2",
                                "Beta Maschinen AG",
                                "Maschinenbau",
                                "Nord",
                                "2025",
                                "1700.00",
                                "780.00",
                                "60.00",
                                "720.00",
                                "A",
                                "A",
                                "false"),
                        List.of(
                                "C3",
                                "Gamma Chemie GmbH",
                                "Chemie & Pharma",
                                "Süd",
                                "2025",
                                "800.00",
                                "200.00",
                                "250.00",
                                "-50.00",
                                "B",
                                "C",
                                "false"));
    }

    @Test
    void customerValueMeasuresWalletTrendRecencyAndServiceModel() throws Exception {
        // wallet: C1 and C3 from the CRM; C2 from the market: 2024 100000 / 1 customer in Maschinenbau/Nord (C1 was
        // Elektrotechnik), 2025 120000 / 2. Open wallet >= 100000 is high potential: only C1.
        // days: 2024 to 2024-12-31, 2025 to the as-of date 2025-06-30.
        assertThat(rows(conn, """
                select customer_id, year, wallet_eur, revenue_prev_year_eur, last_order_date, days_since_last_order,
                    value_segment, potential_segment, service_model, wallet_source
                from kpi.customer_value order by year, customer_id"""))
                .containsExactly(
                        Arrays.asList(
                                "C1",
                                "2024",
                                "200000.00",
                                null,
                                "2024-03-10",
                                "296",
                                "high",
                                "high",
                                "personal",
                                "crm"),
                        Arrays.asList(
                                "C2",
                                "2024",
                                "100000.00",
                                null,
                                "2024-05-05",
                                "240",
                                "high",
                                "low",
                                "hybrid",
                                "market"),
                        Arrays.asList(
                                "C1",
                                "2025",
                                "200000.00",
                                "900.00",
                                "2025-01-15",
                                "166",
                                "low",
                                "high",
                                "hybrid",
                                "crm"),
                        Arrays.asList(
                                "C2",
                                "2025",
                                "60000.00",
                                "950.00",
                                "2025-02-20",
                                "130",
                                "high",
                                "low",
                                "hybrid",
                                "market"),
                        Arrays.asList(
                                "C3", "2025", "50000.00", null, "2025-03-10", "112", "low", "low", "digital", "crm"));
        String c2 = "from kpi.customer_value where customer_id = 'C2' and year = 2025";
        assertThat(doubleValue(conn, "select share_of_wallet " + c2)).isCloseTo(1700.0 / 60000, within(1e-12));
        assertThat(doubleValue(conn, "select revenue_trend " + c2)).isCloseTo(1700.0 / 950 - 1, within(1e-12));
        assertThat(doubleValue(
                        conn,
                        "select share_of_wallet from kpi.customer_value where customer_id = 'C1' and year = 2025"))
                .isCloseTo(1900.0 / 200000, within(1e-12));
        assertThat(TestWarehouse.single(conn, "select revenue_trend from kpi.customer_value where customer_id = 'C3'"))
                .isNull();
    }

    @Test
    void walletIsNeverBelowRevenueAndAnEstimateBelowItIsFlagged() throws Exception {
        // as in the fixture every estimate is above the revenue: the wallet is the estimate, no flag
        assertThat(rows(conn, """
                select customer_id, year, wallet_estimate_eur, wallet_eur, wallet_below_revenue
                from kpi.customer_value order by year, customer_id"""))
                .containsExactly(
                        List.of("C1", "2024", "200000.00", "200000.00", "false"),
                        List.of("C2", "2024", "100000.00", "100000.00", "false"),
                        List.of("C1", "2025", "200000.00", "200000.00", "false"),
                        List.of("C2", "2025", "60000.00", "60000.00", "false"),
                        List.of("C3", "2025", "50000.00", "50000.00", "false"));

        // given the CRM estimates Gamma's wallet at 500 EUR, below its 2025 revenue of 800 EUR
        conn.setAutoCommit(false);
        try {
            try (var statement = conn.createStatement()) {
                statement.execute("update core.customer_golden set wallet_estimate_eur = 500 where customer_id = 'C3'");
            }
            // then the wallet is the revenue (800), the share exactly 100 %, the open wallet 0 (low potential) and
            // the row is flagged for the data-quality page
            assertThat(rows(conn, """
                    select wallet_estimate_eur, wallet_eur, share_of_wallet, wallet_below_revenue, potential_segment
                    from kpi.customer_value where customer_id = 'C3' and year = 2025""")).containsExactly(List.of("500.00", "800.00", "1.0", "true", "low"));
            assertThat(doubleValue(conn, "select max(share_of_wallet) from kpi.customer_value"))
                    .isEqualTo(1.0);
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    @Test
    void salesCubeSplitsRevenueByEveryFilter() throws Exception {
        assertThat(rows(conn, """
                select year, sales_region, industry, channel_code, product_category, net_revenue_eur, list_revenue_eur,
                    cost_of_goods_eur, order_lines
                from kpi.sales_cube order by year, sales_region, industry, channel_code, product_category"""))
                .containsExactly(
                        List.of(
                                "2024",
                                "Nord",
                                "Elektrotechnik",
                                "FIELD_SALES",
                                "Antriebstechnik",
                                "900.00",
                                "1000.00",
                                "600.00",
                                "1"),
                        List.of(
                                "2024",
                                "Nord",
                                "Maschinenbau",
                                "WEB_SHOP",
                                "Antriebstechnik",
                                "500.00",
                                "500.00",
                                "300.00",
                                "1"),
                        List.of(
                                "2024",
                                "Nord",
                                "Maschinenbau",
                                "WEB_SHOP",
                                "Sensorik",
                                "450.00",
                                "500.00",
                                "200.00",
                                "1"),
                        List.of(
                                "2025",
                                "(unmapped)",
                                "(unmapped)",
                                "INSIDE_SALES",
                                "Sensorik",
                                "100.00",
                                "100.00",
                                "40.00",
                                "1"),
                        List.of("2025", "Nord", "Maschinenbau", "EDI", "Sensorik", "1500.00", "2000.00", "800.00", "1"),
                        List.of(
                                "2025",
                                "Nord",
                                "Maschinenbau",
                                "FIELD_SALES",
                                "Antriebstechnik",
                                "1600.00",
                                "2000.00",
                                "1200.00",
                                "1"),
                        List.of(
                                "2025",
                                "Nord",
                                "Maschinenbau",
                                "FIELD_SALES",
                                "Steuerungstechnik",
                                "300.00",
                                "400.00",
                                "240.00",
                                "1"),
                        List.of(
                                "2025",
                                "Nord",
                                "Maschinenbau",
                                "INSIDE_SALES",
                                "Steuerungstechnik",
                                "200.00",
                                "200.00",
                                "120.00",
                                "1"),
                        List.of(
                                "2025",
                                "Süd",
                                "Chemie & Pharma",
                                "INSIDE_SALES",
                                "Antriebstechnik",
                                "800.00",
                                "1000.00",
                                "600.00",
                                "1"));
    }

    @Test
    void dataQualityViewsCountRejectsFilesAndOwners() throws Exception {
        assertThat(rows(conn, "select source, stage, rule, rows from kpi.dq_quarantine order by rule"))
                .containsExactly(
                        List.of("crm", "validate", "activity.invalid_date", "1"),
                        List.of("costs", "validate", "channel_cost.unknown_channel", "1"),
                        List.of("erp", "validate", "order_line.future_date", "1"),
                        List.of("erp", "validate", "order_line.missing_fx_rate", "1"),
                        List.of("erp", "validate", "order_line.net_above_list", "1"),
                        List.of("erp", "validate", "order_line.non_positive_quantity", "1"),
                        List.of("erp", "validate", "order_line.unknown_product", "1"));
        // 5 source records in 3 golden customers; C2 has no owner; 4 files loaded, 1 failed
        assertThat(rows(conn, """
                select source_records, golden_customers, duplicates_merged, rows_quarantined, files_loaded, files_failed,
                    customers_without_owner, last_load_at, newest_file_date
                from kpi.dq_summary"""))
                .containsExactly(List.of("5", "3", "2", "7", "4", "1", "1", "2025-06-30 01:00:04.0", "2025-06-30"));
        assertThat(
                        rows(
                                conn,
                                "select source, last_file_name, days_since_last_load, files_loaded from kpi.dq_freshness order by source"))
                .containsExactly(
                        List.of("crm", "crm_accounts_20250101.csv", "0", "2"),
                        List.of("erp", "erp_order_lines_20250630.csv", "0", "2"));
        // the ERP delivers account_owner for none of its 3 records, the CRM for both of its 2
        assertThat(rows(conn, """
                select source_system, records, filled, completeness from kpi.dq_completeness
                where field = 'account_owner' order by source_system""")).containsExactly(List.of("crm", "2", "2", "1.0"), List.of("erp", "3", "0", "0.0"));
    }

    @Test
    void priceRealizationComparesNetWithListPerChannelAndCategory() throws Exception {
        assertThat(rows(conn, """
                select channel_code, product_category, year, list_revenue_eur, net_revenue_eur
                from kpi.price_realization order by year, channel_code, product_category"""))
                .containsExactly(
                        List.of("FIELD_SALES", "Antriebstechnik", "2024", "1000.00", "900.00"),
                        List.of("WEB_SHOP", "Antriebstechnik", "2024", "500.00", "500.00"),
                        List.of("WEB_SHOP", "Sensorik", "2024", "500.00", "450.00"),
                        List.of("EDI", "Sensorik", "2025", "2000.00", "1600.00"),
                        List.of("FIELD_SALES", "Antriebstechnik", "2025", "2000.00", "1600.00"),
                        List.of("FIELD_SALES", "Steuerungstechnik", "2025", "400.00", "300.00"),
                        List.of("INSIDE_SALES", "Antriebstechnik", "2025", "1000.00", "800.00"),
                        List.of("INSIDE_SALES", "Sensorik", "2025", "100.00", "100.00"),
                        List.of("INSIDE_SALES", "Steuerungstechnik", "2025", "200.00", "200.00"));
        assertThat(doubleValue(conn, """
                select price_realization from kpi.price_realization
                where channel_code = 'FIELD_SALES' and product_category = 'Steuerungstechnik'""")).isCloseTo(300.0 / 400, within(1e-12));
    }

    @Test
    void channelMixAndMigrationFollowTheMainChannel() throws Exception {
        // 2025: C1 field sales only, C2 EDI + inside sales, C3 inside sales only; 2024: C1 field, C2 web shop
        assertThat(rows(
                        conn,
                        "select year, channels_used, customers from kpi.channel_mix order by year, channels_used"))
                .containsExactly(List.of("2024", "1", "2"), List.of("2025", "1", "2"), List.of("2025", "2", "1"));
        // C2 moved from the web shop (950) to EDI (1600 of its 1800 order revenue)
        assertThat(rows(conn, """
                select customer_id, company_name, year, previous_main_channel, main_channel, previous_revenue_eur, revenue_eur
                from kpi.channel_migration"""))
                .containsExactly(List.of("C2", "Beta Maschinen AG", "2025", "WEB_SHOP", "EDI", "950.00", "1800.00"));
    }

    @Test
    void customerConcentrationIsTheTopCustomersShareAndTheHerfindahlIndex() throws Exception {
        // 2024: C1 900, C2 950 = 1850; top 950/1850 = 0.5135; top 20 % of 2 = ceil(0.4) = 1 customer, the same;
        //   hhi = (900^2 + 950^2) / 1850^2 = 1,712,500 / 3,422,500 = 0.5004
        // 2025: C1 1900 (D3), C2 1800 (D4 1600 + D12 200; the credit note does not count), C3 800 = 4500
        //   (D6's debtor is unmatched); top 1900/4500 = 0.4222; hhi = 7,490,000 / 20,250,000 = 0.3699
        assertThat(rows(conn, """
                select year, customers, revenue_eur, top_customer_share, top_20pct_share, hhi
                from kpi.customer_concentration order by year"""))
                .containsExactly(
                        List.of("2024", "2", "1850.00", "0.5135", "0.5135", "0.5004"),
                        List.of("2025", "3", "4500.00", "0.4222", "0.4222", "0.3699"));
    }

    @Test
    void crossSellGapIsWhatTheIndustryPeersBuy() throws Exception {
        // Maschinenbau buyers since 2023-06-30: C1 {Antrieb, Steuerung}, C2 {Antrieb, Sensorik, Steuerung}:
        // C1's only peer C2 buys Sensorik (share 1/1 > 0.5); C3 has no peer in Chemie & Pharma
        assertThat(
                        rows(
                                conn,
                                "select customer_id, company_name, industry, product_category, peer_buyer_share from kpi.cross_sell_gap"))
                .containsExactly(List.of("C1", "Alpha Maschinenbau GmbH", "Maschinenbau", "Sensorik", "1.0"));
    }

    @Test
    void buyingCenterShowsContactsAndBlindSpotsOfKeyAccounts() throws Exception {
        TestWarehouse.execute(conn, "update ops.parameter set value = '2' where name = 'key_account_top_n'");
        try {
            // top 2 by 2025 revenue: C1 1900, C2 1700; C2 has no CRM account, so every role is a blind spot
            assertThat(rows(conn, """
                    select customer_id, role, contacts, last_touchpoint_date from kpi.buying_center
                    order by customer_id, role"""))
                    .containsExactly(
                            Arrays.asList("C1", "decision_maker", "1", "2025-03-01"),
                            Arrays.asList("C1", "influencer", "0", null),
                            Arrays.asList("C1", "purchaser", "2", "2025-05-01"),
                            Arrays.asList("C1", "user", "0", null),
                            Arrays.asList("C2", "decision_maker", "0", null),
                            Arrays.asList("C2", "influencer", "0", null),
                            Arrays.asList("C2", "purchaser", "0", null),
                            Arrays.asList("C2", "user", "0", null));
        } finally {
            TestWarehouse.execute(conn, "update ops.parameter set value = '20' where name = 'key_account_top_n'");
        }
    }

    @Test
    void touchpointsCountActivitiesPerPhaseAndChannel() throws Exception {
        assertThat(
                        rows(
                                conn,
                                "select year, journey_phase, channel, touchpoints from kpi.touchpoints order by year, journey_phase, channel"))
                .containsExactly(
                        List.of("2024", "usage", "Webinar", "1"),
                        List.of("2025", "need_recognition", "Visit", "1"),
                        List.of("2025", "new_demand", "Trade Fair", "1"),
                        List.of("2025", "purchase", "E-Mail", "1"),
                        List.of("2025", "purchase", "Phone", "1"));
    }
}
