package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Datasets read the night's KPI snapshot when the warehouse has one; without it, they read the views and give the
 * same rows as the dashboard SQL on them.
 */
class KpiQueriesTest {

    @Test
    void withoutASnapshotReadsTheViews() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            KpiQueries kpi = new KpiQueries(conn);

            // when
            DataTable customers = kpi.get("customers");
            DataTable valueMatrix = kpi.get("valueMatrix");
            DataTable pnl = kpi.get("pnl");

            // then the same rows as the dashboard SQL straight on the views
            assertThat(customers)
                    .isEqualTo(DataTable.query(conn, DashboardQueries.all().get("customers")));
            assertThat(valueMatrix)
                    .isEqualTo(DataTable.query(conn, DashboardQueries.all().get("valueMatrix")));
            assertThat(pnl)
                    .isEqualTo(DataTable.query(conn, DashboardQueries.all().get("pnl")));
            assertThat(customers.rows()).isNotEmpty();
        }
    }

    @Test
    void readsThePublishedSnapshotNotTheLiveViewsWhenTheWarehouseHasOne() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            // given the night's snapshot of kpi.channel_pnl_year, and the live figures changed after it was taken
            try (Statement statement = conn.createStatement()) {
                statement.execute("create schema kpi_snapshot");
                statement.execute("create table kpi_snapshot.channel_pnl_year as select * from kpi.channel_pnl_year");
                statement.execute("update kpi.channel_pnl_year set net_revenue_eur = net_revenue_eur + 1000");
            }
            KpiQueries kpi = new KpiQueries(conn);

            // when
            DataTable pnl = kpi.get("pnl");
            DataTable customers = kpi.get("customers");

            // then the P&L shows the published revenue; the view without a snapshot table is read as before
            assertThat(pnl.rows())
                    .extracting(row -> ((Number) row.get(pnl.cols().indexOf("net"))).doubleValue())
                    .containsExactly(1300.00, 500.00, 1500.00, 734.56);
            assertThat(revenues(conn, "kpi.channel_pnl_year")).containsExactly(2300.00, 1500.00, 2500.00, 1734.56);
            assertThat(customers)
                    .isEqualTo(DataTable.query(conn, DashboardQueries.all().get("customers")));
        }
    }

    private static List<Double> revenues(Connection conn, String table) throws SQLException {
        List<Double> revenues = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select net_revenue_eur from " + table + " order by \"year\", channel_code")) {
            while (rs.next()) {
                revenues.add(rs.getDouble(1));
            }
        }
        return revenues;
    }
}
