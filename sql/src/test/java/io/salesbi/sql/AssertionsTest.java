package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssertionsTest {

    @TempDir
    Path dir;

    @Test
    void consistentWarehousePassesEveryCheck() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);

            assertThat(checkPublished(conn)).isEmpty();
        }
    }

    @Test
    void lostOrderLineAndTooManyUnmappedLinesFailWithClearMessages() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            // given D1/1 (900.00 EUR) lost after consolidation and a tolerance below the 1 unmapped of 8 lines
            TestWarehouse.execute(
                    conn,
                    "delete from core.fact_order_line where document_no = 'D1'",
                    "update ops.parameter set value = '0.1' where name = 'max_unmapped_order_line_share'");

            assertThat(checkPublished(conn))
                    .containsExactly(
                            new AssertionFailure(
                                    "sql/assert/10_revenue_reconciles.sql",
                                    "net revenue in kpi.sales_cube is 5450.00 EUR but the validated order lines and credit notes"
                                            + " sum to 6350.00 EUR (difference -900.00 EUR)"),
                            new AssertionFailure(
                                    "sql/assert/20_order_lines_mapped.sql",
                                    "9 validated order lines but 8 in core.fact_order_line: lines were lost for want of a product or channel"),
                            new AssertionFailure(
                                    "sql/assert/20_order_lines_mapped.sql",
                                    "1 of 8 order lines (12.5 %) belong to debtors matched to no golden customer, more than the"
                                            + " tolerated 10.0 %; e.g. debtor 100004"));
        }
    }

    @Test
    void orderLineKeysAreGroupedInFullOrOnlyWhereAnIncrementalNightReplacedThem() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            TestWarehouse.execute(conn, "update ops.parameter set value = '41' where name = 'run_id'");
            FixtureWarehouse.runValidateAndConsolidate(conn);
            assertThat(TestWarehouse.rows(
                            conn, "select mode, run_id from ops.incremental_state where subject = 'order_line_fact'"))
                    .containsExactly(List.of("full", "41"));

            // a night that rebuilt the facts: a copied line of any key is found
            TestWarehouse.execute(
                    conn,
                    "insert into core.fact_order_line select * from core.fact_order_line where document_no = 'D1'");
            assertThat(keyFailures(conn))
                    .containsExactly("core.fact_order_line has 1 keys held by more than one row, e.g. D1/1");

            // a night that replaced only D2/1: its copy is found; D1/1, untouched since its last check, is not
            // grouped again
            TestWarehouse.execute(
                    conn,
                    "update ops.incremental_state set mode = 'incremental' where subject = 'order_line_fact'",
                    "insert into ops.order_line_consolidated (document_no, line_no) values ('D2', 1)",
                    "insert into staging.erp_order_line select * from staging.erp_order_line where document_no = 'D2' and line_no = 1");
            assertThat(keyFailures(conn))
                    .containsExactly("staging.erp_order_line has 1 keys held by more than one row, e.g. D2/1");
        }
    }

    @Test
    void opportunityKeysWithoutAnIndexAreStillCheckedBeforePublication() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            // given an opportunity and one version of its history held twice (V72 took their key indexes away)
            TestWarehouse.execute(
                    conn,
                    "insert into core.opportunity (opportunity_id, stage, status, amount_eur, erp_order_found,"
                            + " history_source) values ('OPP-7', 'Angebot', 'open', 1000, false, 'snapshots'),"
                            + " ('OPP-7', 'Angebot', 'open', 1000, false, 'snapshots')",
                    "insert into core.opportunity_history (opportunity_id, valid_from, valid_to, is_current, version,"
                            + " history_source) values ('OPP-7', date '2025-01-02', date '9999-12-31', true, 1, 'snapshots'),"
                            + " ('OPP-7', date '2025-01-02', date '9999-12-31', true, 1, 'snapshots')");

            assertThat(keyFailures(conn))
                    .containsExactlyInAnyOrder(
                            "core.opportunity has 1 keys held by more than one row, e.g. OPP-7",
                            "core.opportunity_history has 1 keys held by more than one row, e.g. OPP-7/2025-01-02");
        }
    }

    @Test
    void misspelledOrMissingParameterFails() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            TestWarehouse.execute(
                    conn,
                    "update ops.parameter set value = 'umsatz' where name = 'channel_cost_allocation_key'",
                    "delete from ops.parameter where name = 'cost_per_visit_eur'");

            assertThat(checkPublished(conn))
                    .containsExactly(
                            new AssertionFailure(
                                    "sql/assert/40_parameters.sql",
                                    "parameter cost_per_visit_eur is empty; expected a number >= 0"),
                            new AssertionFailure(
                                    "sql/assert/40_parameters.sql",
                                    "parameter channel_cost_allocation_key is 'umsatz'; expected revenue, orders or customers"));
        }
    }

    /** As the consolidate step does: the KPI snapshot of the warehouse as it is, then the checks. */
    private static List<AssertionFailure> checkPublished(Connection conn) throws SQLException {
        KpiSnapshot.take(conn);
        return Assertions.check(conn);
    }

    private static List<String> keyFailures(Connection conn) throws SQLException {
        return checkPublished(conn).stream()
                .filter(failure -> failure.script().equals("sql/assert/45_keys_unique.sql"))
                .map(AssertionFailure::message)
                .toList();
    }
}
