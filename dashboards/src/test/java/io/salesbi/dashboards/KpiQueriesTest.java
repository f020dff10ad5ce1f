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
 * Datasets read the night's KPI snapshot when the warehouse has one; without it, views several datasets read are
 * evaluated once into a temporary table, with the same rows as the view gives.
 */
class KpiQueriesTest {

    @Test
    void readsSharedViewsThroughOneTemporaryTableAndDropsItOnClose() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            List<String> whileOpen;
            try (KpiQueries kpi = new KpiQueries(conn)) {
                // when
                DataTable customers = kpi.get("customers");
                DataTable valueMatrix = kpi.get("valueMatrix");
                DataTable pnl = kpi.get("pnl");
                whileOpen = temporaryTables(conn);

                // then the same rows as the dashboard SQL straight on the views
                assertThat(customers).isEqualTo(DataTable.query(conn, DashboardQueries.all().get("customers")));
                assertThat(valueMatrix).isEqualTo(DataTable.query(conn, DashboardQueries.all().get("valueMatrix")));
                assertThat(pnl).isEqualTo(DataTable.query(conn, DashboardQueries.all().get("pnl")));
            }

            assertThat(whileOpen).containsExactly("dashboard_kpi_channel_pnl_year", "dashboard_kpi_customer_value");
            assertThat(temporaryTables(conn)).isEmpty();
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
            List<String> whileOpen;
            try (KpiQueries kpi = new KpiQueries(conn)) {
                // when
                DataTable pnl = kpi.get("pnl");
                DataTable customers = kpi.get("customers");
                whileOpen = temporaryTables(conn);

                // then the P&L shows the published revenue; the view without a snapshot table is read as before
                assertThat(pnl.rows()).extracting(row -> ((Number) row.get(pnl.cols().indexOf("net"))).doubleValue())
                        .containsExactly(1300.00, 500.00, 1500.00, 734.56);
                assertThat(revenues(conn, "kpi.channel_pnl_year")).containsExactly(2300.00, 1500.00, 2500.00, 1734.56);
                assertThat(customers).isEqualTo(DataTable.query(conn, DashboardQueries.all().get("customers")));
            }
            assertThat(whileOpen).containsExactly("dashboard_kpi_customer_value");
        }
    }

    private static List<Double> revenues(Connection conn, String table) throws SQLException {
        List<Double> revenues = new ArrayList<>();
        try (Statement statement = conn.createStatement(); ResultSet rs = statement.executeQuery(
                "select net_revenue_eur from " + table + " order by \"year\", channel_code")) {
            while (rs.next()) {
                revenues.add(rs.getDouble(1));
            }
        }
        return revenues;
    }

    private static List<String> temporaryTables(Connection conn) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = conn.createStatement(); ResultSet rs = statement.executeQuery(
                "select table_name from duckdb_tables() where temporary order by table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
