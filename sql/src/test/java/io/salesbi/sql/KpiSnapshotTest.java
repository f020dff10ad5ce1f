package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
}
