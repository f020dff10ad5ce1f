package io.salesbi.sql;

import static io.salesbi.sql.TestWarehouse.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent (#21 item 6) on the fixture {@code three-customers-two-years.sql}, computed by hand. Its CRM contacts:
 * <pre>
 * K1 Anna Arndt    A-1 (C1) decision_maker  T1 2025-03-01 (T6 2025-08-01 rejected: after the as-of date)
 * K2 Bernd Bauer   A-1 (C1) purchaser       T2 2025-04-01, T3 2025-05-01   &lt;- opted out here
 * K3 Clara Claus   A-1 (C1) purchaser       none
 * K4 Dieter Dorn   A-3 (C3) user            T4 2024-11-11
 * --               A-1 (C1) no contact      T5 2025-06-01
 * </pre>
 * Bernd Bauer opted out: his two touchpoints count in every aggregate, and no contact-level row shows him.
 */
class ContactConsentTest {

    @TempDir
    Path dir;

    @Test
    void anOptedOutContactCountsInTheAggregatesButInNoContactLevelRow() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            // as the CRM delivers it: K2 opted out, K1 explicitly not, K3 and K4 without a value
            TestWarehouse.execute(
                    conn,
                    "update raw.crm_contact set opted_out = true where contact_id = 'K2'",
                    "update raw.crm_contact set opted_out = false where contact_id = 'K1'");
            FixtureWarehouse.runValidateAndConsolidate(conn);

            // the flag reaches the core contact; no value means not opted out
            assertThat(rows(conn, "select contact_id, opted_out from staging.crm_contact order by 1"))
                    .isEqualTo(rows(conn, "select contact_id, opted_out from core.dim_contact order by 1"))
                    .containsExactly(
                            List.of("K1", "false"),
                            List.of("K2", "true"),
                            List.of("K3", "false"),
                            List.of("K4", "false"));

            // contact level: one row per contact who did not opt out; K3 without touchpoints
            assertThat(rows(conn, """
                    select customer_id, contact_id, buying_center_role, touchpoints, first_touchpoint_date,
                        last_touchpoint_date
                    from kpi.contact_touchpoints order by contact_id"""))
                    .containsExactly(
                            Arrays.asList("C1", "K1", "decision_maker", "1", "2025-03-01", "2025-03-01"),
                            Arrays.asList("C1", "K3", "purchaser", "0", null, null),
                            Arrays.asList("C3", "K4", "user", "1", "2024-11-11", "2024-11-11"));

            // aggregates count him: 5 touchpoints in all, 4 of them C1's (T1, T2, T3, T5), both of T2 and T3 in
            // purchase; 2 purchasers at C1, touched last on 2025-05-01 (his T3)
            assertThat(rows(conn, "select sum(touchpoints) from kpi.touchpoints"))
                    .containsExactly(List.of("5"));
            assertThat(rows(
                            conn,
                            "select touchpoints from kpi.touchpoints where journey_phase = 'purchase' order by 1"))
                    .containsExactly(List.of("1"), List.of("1"));
            assertThat(rows(conn, "select customer_id, count(*) from core.fact_touchpoint group by all order by 1"))
                    .containsExactly(List.of("C1", "4"), List.of("C3", "1"));
            assertThat(rows(conn, """
                    select contacts, last_touchpoint_date from kpi.buying_center
                    where customer_id = 'C1' and role = 'purchaser'""")).containsExactly(List.of("2", "2025-05-01"));

            // and no row of any KPI view names him (a cell with his name) or identifies him (his id in a contact
            // column; the fixture's market study has a competitor called K2)
            List<String> views = rows(
                            conn,
                            "select view_name from duckdb_views() where schema_name = 'kpi' and not internal order by 1")
                    .stream()
                    .map(row -> row.get(0))
                    .toList();
            assertThat(views).contains("contact_touchpoints", "buying_center", "touchpoints");
            List<String> naming = new ArrayList<>();
            for (String view : views) {
                for (List<String> row : rows(conn, "select * from kpi." + view)) {
                    for (String cell : row) {
                        if (cell != null && (cell.contains("Bernd") || cell.contains("Bauer"))) {
                            naming.add(view + ": " + row);
                        }
                    }
                }
            }
            List<List<String>> contactColumns = rows(conn, """
                    select table_name, column_name from information_schema.columns
                    where table_schema = 'kpi' and column_name like '%contact%' and data_type = 'VARCHAR'""");
            assertThat(contactColumns).contains(List.of("contact_touchpoints", "contact_id"));
            for (List<String> column : contactColumns) {
                naming.addAll(rows(
                                conn,
                                "select '" + column.get(0) + "' from kpi." + column.get(0) + " where " + column.get(1)
                                        + " = 'K2'")
                        .stream()
                        .map(row -> row.get(0) + ": K2")
                        .toList());
            }
            assertThat(naming).isEmpty();
        }
    }

    @Test
    void withoutAnOptOutEveryContactHasItsRow() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);

            assertThat(rows(conn, """
                    select contact_id, touchpoints, first_touchpoint_date, last_touchpoint_date
                    from kpi.contact_touchpoints order by contact_id"""))
                    .containsExactly(
                            Arrays.asList("K1", "1", "2025-03-01", "2025-03-01"),
                            Arrays.asList("K2", "2", "2025-04-01", "2025-05-01"),
                            Arrays.asList("K3", "0", null, null),
                            Arrays.asList("K4", "1", "2024-11-11", "2024-11-11"));
        }
    }
}
