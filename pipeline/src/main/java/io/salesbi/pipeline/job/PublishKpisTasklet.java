package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * publishKpisStep: evaluates every KPI view once (a view that no longer runs fails the night here, not in front of a
 * manager) and records the publication in {@code ops.publish}.
 */
final class PublishKpisTasklet extends WarehouseTasklet {

    PublishKpisTasklet(Warehouse warehouse) {
        super(warehouse);
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        List<String> views = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "select view_name from duckdb_views() where schema_name = 'kpi' and not internal order by 1")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        }
        long rows = 0;
        for (String view : views) {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("select count(*) from kpi." + view)) {
                rs.next();
                rows += rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new java.sql.SQLException("KPI view kpi." + view + " cannot be evaluated: " + e.getMessage(), e);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "insert or replace into ops.publish (run_id, as_of_date, published_at, kpi_views, kpi_rows) "
                        + "values (?, ?, current_timestamp, ?, ?)")) {
            ps.setLong(1, night.runId());
            ps.setObject(2, night.asOf());
            ps.setInt(3, views.size());
            ps.setLong(4, rows);
            ps.executeUpdate();
        }
        return new StepCounts(rows, rows, 0, views.size() + " KPI views published with " + rows + " rows");
    }
}
