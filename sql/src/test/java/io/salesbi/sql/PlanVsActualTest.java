package io.salesbi.sql;

import static io.salesbi.sql.TestWarehouse.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sales plan from raw rows to kpi.plan_vs_actual, on the fixture {@code three-customers-two-years.sql} (as-of date
 * 2025-06-30) with a plan delivered in two files; every figure computed by hand. Actual 2025 lines with a region (EUR,
 * net / cost of goods):
 * <pre>
 * 2025-01-15 C1 Nord FIELD_SALES  Antriebstechnik 1600 / 1200, Steuerungstechnik 300 / 240  -> Jan 1900, DB I 460
 * 2025-01-20 C2 Nord EDI          Sensorik 1600 / 800
 * 2025-02-10 C2 Nord EDI          credit note on Sensorik -100 / 0
 * 2025-02-20 C2 Nord INSIDE_SALES Steuerungstechnik 200 / 120 (no plan row: not shown)
 * 2025-03-10 C3 Süd  INSIDE_SALES Antriebstechnik 800 / 600
 * </pre>
 * The plan (file 40, then file 41 re-delivering February of field sales in the north):
 * <pre>
 * FIELD_SALES  Nord all      Jan 2000 (DB 500), Feb 800 -> 1000 (250), Mar 1000 (250), Jul 1000 (250): year 5000
 * EDI          Nord Sensorik Jan 1500, Feb 100 (no DB plan): year 1600
 * INSIDE_SALES Süd  all      Mar 1000 (DB 300)
 * </pre>
 */
class PlanVsActualTest {

    @TempDir
    static Path dir;

    static Connection conn;

    @BeforeAll
    static void loadFixtureAndPlan() throws Exception {
        conn = TestWarehouse.migrated(dir);
        FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
        TestWarehouse.execute(
                conn,
                "insert into ref.region values ('Nord', 'North', false, 1), ('Süd', 'South', false, 2)",
                "insert into ref.product_group values ('Antriebstechnik', 'Drive technology', 1), "
                        + "('Steuerungstechnik', 'Control technology', 2), ('Sensorik', 'Sensors', 3)",
                """
                insert into raw.sales_plan (_load_id, _source_file, _file_hash, _sheet, _row_number, plan_month, channel,
                    region, product_group, revenue_plan, contribution_plan) values
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 2, '2025-01-01', 'Außendienst', 'Nord', null, 2000, 500),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 3, '2025-02-01', 'FIELD_SALES', 'nord', '', 800, 200),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 4, '2025-03-01', 'Außendienst', 'Nord', null, 1000, 250),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 5, '2025-07-01', 'Außendienst', 'Nord', null, 1000, 250),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 6, '2025-01-01', 'EDI', 'Nord', 'sensorik', 1500, null),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 7, '2025-02-15', 'edi', 'Nord', 'Sensorik', 100, null),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 8, '2025-03-01', 'Innendienst', 'Süd', null, 1000, 300),
                    -- rejected, one rule each
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 9, '2025-03-01', 'Telefonverkauf', 'Nord', null, 10, null),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 10, '2025-03-01', 'Innendienst', 'Mitte', null, 10, null),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 11, '2025-03-01', 'Innendienst', 'Nord', 'Schrauben', 10, null),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 12, null, 'Innendienst', 'Nord', null, 10, null),
                    (40, 'Absatzplan_2025.xlsx', 'p40', 'Plan', 13, '2025-04-01', 'Innendienst', 'Nord', null, -5, null),
                    -- the later delivery wins for its key
                    (41, 'Absatzplan_2025_v2.xlsx', 'p41', 'Plan', 2, '2025-02-01', 'Außendienst', 'Nord', null, 1000, 250)
                """);
        FixtureWarehouse.runValidateAndConsolidate(conn);
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    @Test
    void validationRejectsEachBrokenPlanRowWithItsRule() throws Exception {
        assertThat(rows(conn, """
                select source, source_file, row_number, column_name, raw_value, rule
                from quarantine.rejected_row where rule like 'sales_plan.%' order by row_number"""))
                .containsExactly(
                        List.of(
                                "plan",
                                "Absatzplan_2025.xlsx",
                                "9",
                                "channel",
                                "Telefonverkauf",
                                "sales_plan.unknown_channel"),
                        List.of("plan", "Absatzplan_2025.xlsx", "10", "region", "Mitte", "sales_plan.unknown_region"),
                        List.of(
                                "plan",
                                "Absatzplan_2025.xlsx",
                                "11",
                                "product_group",
                                "Schrauben",
                                "sales_plan.unknown_product_group"),
                        List.of(
                                "plan",
                                "Absatzplan_2025.xlsx",
                                "12",
                                "plan_month",
                                "Innendienst",
                                "sales_plan.missing_key"),
                        List.of(
                                "plan",
                                "Absatzplan_2025.xlsx",
                                "13",
                                "revenue_plan",
                                "-5.00",
                                "sales_plan.invalid_revenue"));
        assertThat(TestWarehouse.single(
                        conn, "select message from quarantine.rejected_row where rule = 'sales_plan.unknown_channel'"))
                .isEqualTo("plan row for 2025-03 has Kanal Telefonverkauf; expected one of Außendienst (FIELD_SALES), "
                        + "Innendienst (INSIDE_SALES), E-Shop (WEB_SHOP), EDI (EDI), Handelspartner (DISTRIBUTOR), "
                        + "Marktplatz (MARKETPLACE)");
    }

    @Test
    void corePlanHoldsChannelCodesReferenceSpellingsAndTheLatestDelivery() throws Exception {
        assertThat(rows(conn, """
                select plan_month, channel, region, coalesce(product_group, 'all'), revenue_plan,
                    coalesce(cast(contribution_plan as varchar), '-'), _source_file, _row_number
                from core.sales_plan order by channel, region, plan_month"""))
                .containsExactly(
                        List.of("2025-01-01", "EDI", "Nord", "Sensorik", "1500.00", "-", "Absatzplan_2025.xlsx", "6"),
                        List.of("2025-02-01", "EDI", "Nord", "Sensorik", "100.00", "-", "Absatzplan_2025.xlsx", "7"),
                        List.of(
                                "2025-01-01",
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "2000.00",
                                "500.00",
                                "Absatzplan_2025.xlsx",
                                "2"),
                        List.of(
                                "2025-02-01",
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "1000.00",
                                "250.00",
                                "Absatzplan_2025_v2.xlsx",
                                "2"),
                        List.of(
                                "2025-03-01",
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "1000.00",
                                "250.00",
                                "Absatzplan_2025.xlsx",
                                "4"),
                        List.of(
                                "2025-07-01",
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "1000.00",
                                "250.00",
                                "Absatzplan_2025.xlsx",
                                "5"),
                        List.of(
                                "2025-03-01",
                                "INSIDE_SALES",
                                "Süd",
                                "all",
                                "1000.00",
                                "300.00",
                                "Absatzplan_2025.xlsx",
                                "8"));
    }

    @Test
    void planVsActualPerMonthWithYearToDateAndRunRateForecast() throws Exception {
        assertThat(rows(conn, """
                select channel_code, region, coalesce(product_group, 'all'), month, month_complete,
                    revenue_plan_eur, revenue_actual_eur, revenue_variance_eur, round(revenue_variance_pct, 4),
                    contribution_plan_eur, contribution_actual_eur, contribution_variance_eur,
                    ytd_revenue_plan_eur, ytd_revenue_actual_eur, ytd_revenue_variance_eur, round(ytd_revenue_variance_pct, 4),
                    year_revenue_plan_eur, forecast_revenue_eur, forecast_variance_eur
                from kpi.plan_vs_actual order by channel_code, region, plan_month"""))
                .containsExactly(
                        // +100 on 1500; DB plan missing: no contribution variance; forecast 1600 x 1600 / 1500
                        Arrays.asList(
                                "EDI",
                                "Nord",
                                "Sensorik",
                                "1",
                                "true",
                                "1500.00",
                                "1600.00",
                                "100.00",
                                "0.0667",
                                null,
                                "800.00",
                                null,
                                "1500.00",
                                "1600.00",
                                "100.00",
                                "0.0667",
                                "1600.00",
                                "1706.67",
                                "106.67"),
                        // the credit note: -100 against 100; ytd 1500 against 1600
                        Arrays.asList(
                                "EDI",
                                "Nord",
                                "Sensorik",
                                "2",
                                "true",
                                "100.00",
                                "-100.00",
                                "-200.00",
                                "-2.0",
                                null,
                                "-100.00",
                                null,
                                "1600.00",
                                "1500.00",
                                "-100.00",
                                "-0.0625",
                                "1600.00",
                                "1500.00",
                                "-100.00"),
                        // 1900 against 2000; DB I 1900 - 1440 = 460 against 500; forecast 5000 x 1900 / 2000
                        Arrays.asList(
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "1",
                                "true",
                                "2000.00",
                                "1900.00",
                                "-100.00",
                                "-0.05",
                                "500.00",
                                "460.00",
                                "-40.00",
                                "2000.00",
                                "1900.00",
                                "-100.00",
                                "-0.05",
                                "5000.00",
                                "4750.00",
                                "-250.00"),
                        Arrays.asList(
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "2",
                                "true",
                                "1000.00",
                                "0.00",
                                "-1000.00",
                                "-1.0",
                                "250.00",
                                "0.00",
                                "-250.00",
                                "3000.00",
                                "1900.00",
                                "-1100.00",
                                "-0.3667",
                                "5000.00",
                                "3166.67",
                                "-1833.33"),
                        Arrays.asList(
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "3",
                                "true",
                                "1000.00",
                                "0.00",
                                "-1000.00",
                                "-1.0",
                                "250.00",
                                "0.00",
                                "-250.00",
                                "4000.00",
                                "1900.00",
                                "-2100.00",
                                "-0.525",
                                "5000.00",
                                "2375.00",
                                "-2625.00"),
                        // after the as-of date: planned, nothing actual yet (null, not 0)
                        Arrays.asList(
                                "FIELD_SALES",
                                "Nord",
                                "all",
                                "7",
                                "false",
                                "1000.00",
                                null,
                                null,
                                null,
                                "250.00",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "5000.00",
                                null,
                                null),
                        // 800 against 1000; DB I 200 against 300
                        Arrays.asList(
                                "INSIDE_SALES",
                                "Süd",
                                "all",
                                "3",
                                "true",
                                "1000.00",
                                "800.00",
                                "-200.00",
                                "-0.2",
                                "300.00",
                                "200.00",
                                "-100.00",
                                "1000.00",
                                "800.00",
                                "-200.00",
                                "-0.2",
                                "1000.00",
                                "800.00",
                                "-200.00"));
    }

    @Test
    void theMonthHoldingTheAsOfDateIsComparedWithThePlanProRata() throws Exception {
        TestWarehouse.execute(conn, "update ops.parameter set value = '2025-03-10' where name = 'as_of_date'");
        try {
            // March: 10 of 31 days, 1000 x 10 / 31 = 322.58 to date
            assertThat(rows(conn, """
                    select channel_code, month, month_complete, revenue_plan_to_date_eur, revenue_actual_eur,
                        revenue_variance_eur, ytd_revenue_plan_eur, forecast_revenue_eur
                    from kpi.plan_vs_actual where month = 3 order by channel_code"""))
                    .containsExactly(
                            List.of("FIELD_SALES", "3", "false", "322.58", "0.00", "-322.58", "3322.58", "2859.22"),
                            List.of("INSIDE_SALES", "3", "false", "322.58", "800.00", "477.42", "322.58", "2480.00"));
        } finally {
            TestWarehouse.execute(conn, "update ops.parameter set value = '2025-06-30' where name = 'as_of_date'");
        }
    }
}
