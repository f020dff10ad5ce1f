package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KPI snapshot holds exactly what each kpi view gives at the time it is taken, and nothing else. */
class KpiSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void everyViewIsCopiedRowForRowAndTablesOfDroppedViewsGo() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            TestWarehouse.execute(conn, "create table kpi_snapshot.retired_view as select 1 as x");

            // when
            Map<String, Long> rows = KpiSnapshot.take(conn);

            // then one table per view, with the view's rows (as a multiset), and the retired view's table gone
            List<List<String>> views = TestWarehouse.rows(
                    conn, "select view_name from duckdb_views() where schema_name = 'kpi' and not internal order by 1");
            assertThat(rows.keySet())
                    .containsExactlyElementsOf(views.stream().map(v -> v.get(0)).toList());
            assertThat(rows).hasSizeGreaterThanOrEqualTo(20); // every view: the names are compared above
            assertThat(rows.get("sales_cube")).isPositive();
            assertThat(rows.get("customer_value")).isPositive();
            for (String view : rows.keySet()) {
                assertThat(differingRows(conn, view)).as(view).isZero();
                assertThat(Long.parseLong(TestWarehouse.single(conn, "select count(*) from kpi." + view)))
                        .as(view)
                        .isEqualTo(rows.get(view));
            }
            assertThat(
                            TestWarehouse.rows(
                                    conn,
                                    "select table_name from duckdb_tables() where schema_name = 'kpi_snapshot' and table_name = 'retired_view'"))
                    .isEmpty();
            assertThat(KpiSnapshot.rows(conn)).isEqualTo(rows);
        }
    }

    @Test
    void aSnapshotKeepsTheFiguresItWasTakenWith() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            KpiSnapshot.take(conn);
            String published = TestWarehouse.single(conn, "select sum(net_revenue_eur) from kpi_snapshot.sales_cube");

            TestWarehouse.execute(conn, "delete from core.fact_order_line where document_no = 'D1'");

            assertThat(published).isEqualTo("6350.00");
            assertThat(TestWarehouse.single(conn, "select sum(net_revenue_eur) from kpi_snapshot.sales_cube"))
                    .isEqualTo("6350.00");
            assertThat(TestWarehouse.single(conn, "select sum(net_revenue_eur) from kpi.sales_cube"))
                    .isEqualTo("5450.00");
        }
    }

    @Test
    void aViewThatCannotBeEvaluatedFailsWithItsName() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            TestWarehouse.execute(conn, "create view kpi.broken_margin as select error('no standard cost') as margin");

            assertThatThrownBy(() -> KpiSnapshot.take(conn))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("KPI view kpi.broken_margin cannot be evaluated: ")
                    .hasMessageContaining("no standard cost");
        }
    }

    private static long differingRows(Connection conn, String view) throws SQLException {
        return Long.parseLong(TestWarehouse.single(
                conn,
                "select count(*) from ("
                        + "(select * from kpi." + view + " except all select * from kpi_snapshot." + view
                        + ") union all "
                        + "(select * from kpi_snapshot." + view + " except all select * from kpi." + view + "))"));
    }

    @Test
    void aViewReadsTheSnapshotsOfTheKpiViewsTakenBeforeIt() {
        String definition =
                "CREATE VIEW kpi.pipeline_unworked_potential AS SELECT v.customer_id FROM kpi.customer_value"
                        + " AS v INNER JOIN kpi.\"cross_sell_gap\" AS g ON g.customer_id = v.customer_id"
                        + " WHERE v.customer_id NOT IN (SELECT customer_id FROM kpi.pipeline_open);";

        assertThat(KpiSnapshot.onSnapshots(definition, Set.of("customer_value", "cross_sell_gap")))
                .contains("SELECT v.customer_id FROM kpi_snapshot.\"customer_value\" AS v INNER JOIN"
                        + " kpi_snapshot.\"cross_sell_gap\" AS g ON g.customer_id = v.customer_id"
                        + " WHERE v.customer_id NOT IN (SELECT customer_id FROM kpi.pipeline_open)");
        assertThat(KpiSnapshot.onSnapshots("CREATE VIEW kpi.v(a, b) AS SELECT 1, 2;", Set.of()))
                .as("a definition in another form is evaluated through the view")
                .isEmpty();
    }

    @Test
    void viewsComeAfterTheKpiViewsTheyReadOtherwiseByName() {
        Map<String, String> definitions = new java.util.TreeMap<>(Map.of(
                "a_top", "CREATE VIEW kpi.a_top AS SELECT * FROM kpi.m_middle JOIN kpi.z_base USING (k);",
                "m_middle", "CREATE VIEW kpi.m_middle AS SELECT * FROM kpi.z_base;",
                "b_alone", "CREATE VIEW kpi.b_alone AS SELECT * FROM core.sales_fact;",
                "z_base", "CREATE VIEW kpi.z_base AS SELECT * FROM core.sales_fact;"));

        assertThat(KpiSnapshot.dependencyOrder(definitions)).containsExactly("b_alone", "z_base", "m_middle", "a_top");
    }
}
