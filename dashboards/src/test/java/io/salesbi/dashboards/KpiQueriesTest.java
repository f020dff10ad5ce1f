package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views several datasets read are evaluated once into a temporary table, with the same rows as the view gives. */
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
