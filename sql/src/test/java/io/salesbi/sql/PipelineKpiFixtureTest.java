package io.salesbi.sql;

import static io.salesbi.sql.TestWarehouse.doubleValue;
import static io.salesbi.sql.TestWarehouse.rows;
import static io.salesbi.sql.TestWarehouse.single;
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
 * Every pipeline KPI on the six deals of {@code pipeline-six-deals.sql} (on top of the three customers), computed by
 * hand: a deal moving backwards in stage (O1), a reopened deal (O3), amount changes (O2, O3), lost deals with reason
 * (O3 before reopening, O4), an opportunity without golden customer (O5), an overdue one (O6). As-of date
 * 2025-06-30, stalled after 30 days, coverage over 6 months.
 */
class PipelineKpiFixtureTest {

    @TempDir
    static Path dir;

    static Connection conn;

    @BeforeAll
    static void loadFixtureAndRunJob() throws Exception {
        conn = TestWarehouse.migrated(dir);
        FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
        FixtureWarehouse.load(conn, FixtureWarehouse.PIPELINE_SIX_DEALS);
        FixtureWarehouse.runValidateAndConsolidate(conn);
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    @Test
    void historyFromSnapshotsAndFromTheExport() throws Exception {
        assertThat(rows(conn, """
                select opportunity_id, valid_from, valid_to, is_current, version, stage, amount_eur,
                    expected_close_date, history_source
                from core.opportunity_history order by opportunity_id, valid_from"""))
                .containsExactly(
                        // O1 from snapshots: backwards from Negotiation to Proposal on 02-15
                        List.of(
                                "O1",
                                "2025-01-10",
                                "2025-01-19",
                                "false",
                                "1",
                                "Qualification",
                                "10000.00",
                                "2025-04-30",
                                "snapshots"),
                        List.of(
                                "O1",
                                "2025-01-20",
                                "2025-01-31",
                                "false",
                                "2",
                                "Proposal",
                                "10000.00",
                                "2025-04-30",
                                "snapshots"),
                        List.of(
                                "O1",
                                "2025-02-01",
                                "2025-02-14",
                                "false",
                                "3",
                                "Negotiation",
                                "10000.00",
                                "2025-04-30",
                                "snapshots"),
                        List.of(
                                "O1",
                                "2025-02-15",
                                "2025-02-28",
                                "false",
                                "4",
                                "Proposal",
                                "10000.00",
                                "2025-04-30",
                                "snapshots"),
                        List.of(
                                "O1",
                                "2025-03-01",
                                "2025-03-10",
                                "false",
                                "5",
                                "Negotiation",
                                "10000.00",
                                "2025-04-30",
                                "snapshots"),
                        List.of(
                                "O1",
                                "2025-03-11",
                                "9999-12-31",
                                "true",
                                "6",
                                "Closed Won",
                                "10000.00",
                                "2025-03-11",
                                "snapshots"),
                        // O2: the later of two rows of 04-15 wins (20000); the amount change of 05-01 is a version
                        List.of(
                                "O2",
                                "2025-04-01",
                                "2025-04-14",
                                "false",
                                "1",
                                "Qualification",
                                "20000.00",
                                "2025-07-31",
                                "snapshots"),
                        List.of(
                                "O2",
                                "2025-04-15",
                                "2025-04-30",
                                "false",
                                "2",
                                "Needs Analysis",
                                "20000.00",
                                "2025-07-31",
                                "snapshots"),
                        List.of(
                                "O2",
                                "2025-05-01",
                                "9999-12-31",
                                "true",
                                "3",
                                "Needs Analysis",
                                "25000.00",
                                "2025-07-31",
                                "snapshots"),
                        // O3: lost, absent from the snapshots while lost, reopened, won at a higher amount
                        List.of(
                                "O3",
                                "2025-02-01",
                                "2025-02-09",
                                "false",
                                "1",
                                "Qualification",
                                "5000.00",
                                "2025-03-31",
                                "snapshots"),
                        List.of(
                                "O3",
                                "2025-02-10",
                                "2025-02-19",
                                "false",
                                "2",
                                "Proposal",
                                "5000.00",
                                "2025-03-31",
                                "snapshots"),
                        List.of(
                                "O3",
                                "2025-02-20",
                                "2025-03-19",
                                "false",
                                "3",
                                "Closed Lost",
                                "5000.00",
                                "2025-02-20",
                                "snapshots"),
                        List.of(
                                "O3",
                                "2025-03-20",
                                "2025-04-09",
                                "false",
                                "4",
                                "Proposal",
                                "5000.00",
                                "2025-05-31",
                                "snapshots"),
                        List.of(
                                "O3",
                                "2025-04-10",
                                "9999-12-31",
                                "true",
                                "5",
                                "Closed Won",
                                "6000.00",
                                "2025-04-10",
                                "snapshots"),
                        // O4-O6 from the history export, German spellings matched to the vocabulary
                        List.of(
                                "O4",
                                "2025-01-05",
                                "2025-01-24",
                                "false",
                                "1",
                                "Qualification",
                                "8000.00",
                                "2025-03-31",
                                "history_export"),
                        List.of(
                                "O4",
                                "2025-01-25",
                                "2025-02-13",
                                "false",
                                "2",
                                "Needs Analysis",
                                "8000.00",
                                "2025-03-31",
                                "history_export"),
                        List.of(
                                "O4",
                                "2025-02-14",
                                "9999-12-31",
                                "true",
                                "3",
                                "Closed Lost",
                                "8000.00",
                                "2025-02-14",
                                "history_export"),
                        List.of(
                                "O5",
                                "2025-06-01",
                                "2025-06-19",
                                "false",
                                "1",
                                "Qualification",
                                "3000.00",
                                "2025-08-31",
                                "history_export"),
                        List.of(
                                "O5",
                                "2025-06-20",
                                "9999-12-31",
                                "true",
                                "2",
                                "Proposal",
                                "3000.00",
                                "2025-08-31",
                                "history_export"),
                        List.of(
                                "O6",
                                "2025-03-01",
                                "2025-03-14",
                                "false",
                                "1",
                                "Qualification",
                                "40000.00",
                                "2025-05-31",
                                "history_export"),
                        List.of(
                                "O6",
                                "2025-03-15",
                                "2025-05-09",
                                "false",
                                "2",
                                "Proposal",
                                "40000.00",
                                "2025-05-31",
                                "history_export"),
                        List.of(
                                "O6",
                                "2025-05-10",
                                "9999-12-31",
                                "true",
                                "3",
                                "Negotiation",
                                "40000.00",
                                "2025-05-31",
                                "history_export"));
    }

    @Test
    void currentStateLinksToGoldenCustomersAndOrders() throws Exception {
        assertThat(rows(conn, """
                select opportunity_id, customer_id, sales_region, channel_code, status, closed_date, lost_reason,
                    erp_order_no, erp_order_found, last_stage_change
                from core.opportunity order by opportunity_id"""))
                .containsExactly(
                        Arrays.asList(
                                "O1",
                                "C1",
                                "Nord",
                                "FIELD_SALES",
                                "won",
                                "2025-03-11",
                                null,
                                "D3",
                                "true",
                                "2025-03-11"),
                        Arrays.asList(
                                "O2", "C1", "Nord", "FIELD_SALES", "open", null, null, null, "false", "2025-04-15"),
                        Arrays.asList(
                                "O3",
                                "C3",
                                "Süd",
                                "MARKETPLACE",
                                "won",
                                "2025-04-10",
                                null,
                                "D99",
                                "false",
                                "2025-04-10"),
                        Arrays.asList(
                                "O4",
                                "C3",
                                "Süd",
                                "INSIDE_SALES",
                                "lost",
                                "2025-02-14",
                                "Competitor",
                                null,
                                "false",
                                "2025-02-14"),
                        Arrays.asList(
                                "O5", null, null, "INSIDE_SALES", "open", null, null, null, "false", "2025-06-20"),
                        Arrays.asList(
                                "O6", "C1", "Nord", "FIELD_SALES", "open", null, null, null, "false", "2025-05-10"));
    }

    @Test
    void openPipelineWeightedByTheStagesProbability() throws Exception {
        // O2 25000 x 0.2, O5 3000 x 0.4, O6 40000 x 0.6; O1, O3 (won) and O4 (lost) are not open
        assertThat(rows(conn, """
                select stage, channel_code, sales_region, opportunity_owner, product_group, expected_close_month,
                    opportunities, amount_eur, weighted_amount_eur
                from kpi.pipeline_open order by stage_order"""))
                .containsExactly(
                        Arrays.asList(
                                "Needs Analysis",
                                "FIELD_SALES",
                                "Nord",
                                "Huber",
                                "Sensorik",
                                "2025-07-01",
                                "1",
                                "25000.00",
                                "5000.00"),
                        Arrays.asList(
                                "Proposal",
                                "INSIDE_SALES",
                                null,
                                "Krause",
                                "Sensorik",
                                "2025-08-01",
                                "1",
                                "3000.00",
                                "1200.00"),
                        Arrays.asList(
                                "Negotiation",
                                "FIELD_SALES",
                                "Nord",
                                "Huber",
                                "Antriebstechnik",
                                "2025-05-01",
                                "1",
                                "40000.00",
                                "24000.00"));
    }

    @Test
    void winRateDealSizeAndCycleByChannelAndLeadSource() throws Exception {
        // O1 won 10000 in 60 days (01-10 to 03-11); O3 reopened and won 6000 in 68 days (02-01 to 04-10), counted once;
        // O4 lost 8000
        assertThat(rows(conn, """
                select channel_code, lead_source, close_year, won_deals, lost_deals, won_amount_eur, lost_amount_eur,
                    win_rate_count, win_rate_value, avg_deal_size_eur, avg_cycle_days
                from kpi.pipeline_win_rate order by channel_code"""))
                .containsExactly(
                        Arrays.asList(
                                "FIELD_SALES",
                                "Trade Fair",
                                "2025",
                                "1",
                                "0",
                                "10000.00",
                                "0.00",
                                "1.0",
                                "1.0",
                                "10000.00",
                                "60.0"),
                        Arrays.asList(
                                "INSIDE_SALES",
                                "Phone Inquiry",
                                "2025",
                                "0",
                                "1",
                                "0.00",
                                "8000.00",
                                "0.0",
                                "0.0",
                                null,
                                null),
                        Arrays.asList(
                                "MARKETPLACE",
                                "Marketplace Inquiry",
                                "2025",
                                "1",
                                "0",
                                "6000.00",
                                "0.00",
                                "1.0",
                                "1.0",
                                "6000.00",
                                "68.0"));
    }

    @Test
    void funnelConversionTimeInStageAndStalledDeals() throws Exception {
        // field sales visits (days): O1 Q 10, P 12, N 14, P 14 (backwards), N 10, Won; O2 Q 14, NA 76 (now);
        // O6 Q 14, P 56, N 51 (now). Marketplace: O3 Q 9, P 10, Lost, P 21 (reopened), Won. Inside sales: O4 Q 20,
        // NA 20, Lost; O5 Q 19, P 10 (now).
        assertThat(rows(conn, """
                select channel_code, stage, reached, moved_on, conversion_rate, visits, round(avg_days_in_stage, 4),
                    open_now, stalled_now
                from kpi.pipeline_funnel order by channel_code, stage_order"""))
                .containsExactly(
                        Arrays.asList("FIELD_SALES", "Qualification", "3", "3", "1.0", "3", "12.6667", "0", "0"),
                        Arrays.asList("FIELD_SALES", "Needs Analysis", "1", "0", "0.0", "1", "76.0", "1", "1"),
                        Arrays.asList("FIELD_SALES", "Proposal", "2", "2", "1.0", "3", "27.3333", "0", "0"),
                        Arrays.asList("FIELD_SALES", "Negotiation", "2", "1", "0.5", "3", "25.0", "1", "1"),
                        Arrays.asList("FIELD_SALES", "Closed Won", "1", null, null, "1", null, "0", "0"),
                        Arrays.asList("INSIDE_SALES", "Qualification", "2", "2", "1.0", "2", "19.5", "0", "0"),
                        Arrays.asList("INSIDE_SALES", "Needs Analysis", "1", "0", "0.0", "1", "20.0", "0", "0"),
                        Arrays.asList("INSIDE_SALES", "Proposal", "1", "0", "0.0", "1", "10.0", "1", "0"),
                        Arrays.asList("INSIDE_SALES", "Closed Lost", "1", null, null, "1", null, "0", "0"),
                        Arrays.asList("MARKETPLACE", "Qualification", "1", "1", "1.0", "1", "9.0", "0", "0"),
                        Arrays.asList("MARKETPLACE", "Proposal", "1", "1", "1.0", "2", "15.5", "0", "0"),
                        Arrays.asList("MARKETPLACE", "Closed Won", "1", null, null, "1", null, "0", "0"),
                        Arrays.asList("MARKETPLACE", "Closed Lost", "1", null, null, "1", null, "0", "0"));
        assertThat(rows(conn, """
                select stage, journey_phase from kpi.pipeline_funnel where channel_code = 'FIELD_SALES'
                order by stage_order"""))
                .containsExactly(
                        List.of("Qualification", "need_recognition"),
                        List.of("Needs Analysis", "need_recognition"),
                        List.of("Proposal", "preselection"),
                        List.of("Negotiation", "purchase"),
                        List.of("Closed Won", "purchase"));
        assertThat(rows(conn, """
                select opportunity_id, stage, weighted_amount_eur, last_stage_change, days_in_stage
                from kpi.pipeline_stalled order by opportunity_id"""))
                .containsExactly(
                        List.of("O2", "Needs Analysis", "5000.00", "2025-04-15", "76"),
                        List.of("O6", "Negotiation", "24000.00", "2025-05-10", "51"));
    }

    @Test
    void stalledDaysComeFromTheParameter() throws Exception {
        try {
            TestWarehouse.execute(conn, "update ops.parameter set value = '60' where name = 'pipeline_stalled_days'");
            assertThat(single(conn, "select string_agg(opportunity_id, ',') from kpi.pipeline_stalled"))
                    .isEqualTo("O2");
        } finally {
            TestWarehouse.execute(conn, "update ops.parameter set value = '30' where name = 'pipeline_stalled_days'");
        }
    }

    @Test
    void coverageOfThePlanMinusBookedRevenue() throws Exception {
        // June: plan 50000, booked D20 800, open plan 49200, weighted O6 24000 (overdue: counts in the as-of month);
        // July: plan 15000 + 5000, weighted O2 5000; August: no plan, O5 1200 without region. May and December are
        // outside the horizon 2025-06 .. 2025-11.
        assertThat(rows(conn, """
                select plan_month, channel_code, sales_region, revenue_plan_eur, booked_revenue_eur, open_plan_eur,
                    weighted_pipeline_eur
                from kpi.pipeline_coverage order by plan_month"""))
                .containsExactly(
                        Arrays.asList(
                                "2025-06-01", "FIELD_SALES", "Nord", "50000.00", "800.00", "49200.00", "24000.00"),
                        Arrays.asList("2025-07-01", "FIELD_SALES", "Nord", "20000.00", "0.00", "20000.00", "5000.00"),
                        Arrays.asList("2025-08-01", "INSIDE_SALES", null, "0.00", "0.00", "0.00", "1200.00"));
        assertThat(doubleValue(conn, "select coverage from kpi.pipeline_coverage where plan_month = '2025-06-01'"))
                .isCloseTo(24000.0 / 49200, within(1e-12));
        assertThat(doubleValue(conn, "select coverage from kpi.pipeline_coverage where plan_month = '2025-07-01'"))
                .isCloseTo(0.25, within(1e-12));
        assertThat(single(conn, "select coverage from kpi.pipeline_coverage where plan_month = '2025-08-01'"))
                .isNull();
    }

    @Test
    void marketplaceWinsOftenButLosesMoneyAfterCostToServe() throws Exception {
        // field sales 2025: revenue D3 1900 + D20 800 = 2700; costs 500 direct + 211.11 of January's 400 shared pool
        // (1900 of 3600 revenue); O1 10000 x 30 % = 3000 margin, cost to serve 10000 x 711.11 / 2700 = 2633.74.
        // Marketplace 2025: D21 1000 revenue, 250 fees: rate 0.25; O3 6000 x 10 % = 600 margin, 1500 cost.
        assertThat(rows(conn, """
                select channel_code, lead_source, close_year, closed_deals, won_deals, win_rate_count, won_revenue_eur,
                    offer_margin_eur, cost_to_serve_eur, contribution_eur
                from kpi.pipeline_channel_return order by channel_code"""))
                .containsExactly(
                        List.of(
                                "FIELD_SALES",
                                "Trade Fair",
                                "2025",
                                "1",
                                "1",
                                "1.0",
                                "10000.00",
                                "3000.00",
                                "2633.74",
                                "366.26"),
                        List.of(
                                "INSIDE_SALES",
                                "Phone Inquiry",
                                "2025",
                                "1",
                                "0",
                                "0.0",
                                "0.00",
                                "0.00",
                                "0.00",
                                "0.00"),
                        List.of(
                                "MARKETPLACE",
                                "Marketplace Inquiry",
                                "2025",
                                "1",
                                "1",
                                "1.0",
                                "6000.00",
                                "600.00",
                                "1500.00",
                                "-900.00"));
        assertThat(doubleValue(
                        conn,
                        "select channel_cost_rate from kpi.pipeline_channel_return where channel_code = 'FIELD_SALES'"))
                .isCloseTo(711.11 / 2700, within(1e-12));
        assertThat(
                        doubleValue(
                                conn,
                                "select contribution_ratio from kpi.pipeline_channel_return where channel_code = 'MARKETPLACE'"))
                .isCloseTo(-0.15, within(1e-12));
    }

    @Test
    void potentialNotWorked() throws Exception {
        // only C1 has high potential in 2025 (open wallet 200000 - 2700), and it has open deals (O2, O6)
        assertThat(rows(conn, "select customer_id from kpi.pipeline_unworked_potential"))
                .isEmpty();
        try {
            // without its open deals C1 is still worked: touchpoint T5 on 2025-06-01, within 6 months
            TestWarehouse.execute(
                    conn, "update core.opportunity set status = 'lost' where opportunity_id in ('O2', 'O6')");
            assertThat(rows(conn, "select customer_id from kpi.pipeline_unworked_potential"))
                    .isEmpty();
            // looking back 0 months, T5 is too old: C1 is potential nobody works
            TestWarehouse.execute(conn, "update ops.parameter set value = '0' where name = 'pipeline_unworked_months'");
            assertThat(rows(conn, """
                    select customer_id, open_wallet_eur, last_touchpoint_date, last_opportunity_date
                    from kpi.pipeline_unworked_potential""")).containsExactly(List.of("C1", "197300.00", "2025-06-01", "2025-04-01"));
        } finally {
            TestWarehouse.execute(
                    conn,
                    "update core.opportunity set status = 'open' where opportunity_id in ('O2', 'O6')",
                    "update ops.parameter set value = '6' where name = 'pipeline_unworked_months'");
        }
    }

    @Test
    void dataQualityCountsUnlinkedAndMissingOrders() throws Exception {
        assertThat(rows(conn, "select * from kpi.dq_opportunity"))
                .containsExactly(List.of("6", "1", "0", "0", "0", "1", "1", "3"));
    }

    @Test
    void pipelineChecksPassAndCatchAPipelineThatDoesNotReconcile() throws Exception {
        KpiSnapshot.take(conn);
        assertThat(Assertions.check(conn)).isEmpty();
        try {
            TestWarehouse.execute(
                    conn,
                    "update kpi_snapshot.pipeline_open set weighted_amount_eur = weighted_amount_eur + 1"
                            + " where stage = 'Proposal'");
            assertThat(Assertions.check(conn))
                    .extracting(AssertionFailure::message)
                    .containsExactly(
                            "weighted open pipeline in kpi.pipeline_open is 30201.00 EUR but the open opportunities weigh"
                                    + " 30200.00 EUR (difference 1.00 EUR)");
        } finally {
            KpiSnapshot.take(conn);
        }
    }
}
