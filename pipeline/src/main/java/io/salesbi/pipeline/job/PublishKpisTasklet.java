package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.KpiSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

/**
 * publishKpisStep: records the publication of the night's KPIs in {@code ops.publish}. The views were evaluated once,
 * into the snapshot the consolidate step took and checked in its transaction ({@link KpiSnapshot}); a view without a
 * snapshot fails the night here, not in front of a manager.
 */
final class PublishKpisTasklet extends WarehouseTasklet {

    PublishKpisTasklet(Warehouse warehouse) {
        super(warehouse);
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        Map<String, Long> snapshot = KpiSnapshot.rows(conn);
        long rows = snapshot.values().stream().mapToLong(Long::longValue).sum();
        try (PreparedStatement ps = conn.prepareStatement(
                "insert or replace into ops.publish (run_id, as_of_date, published_at, kpi_views, kpi_rows) "
                        + "values (?, ?, current_timestamp, ?, ?)")) {
            ps.setLong(1, night.runId());
            ps.setObject(2, night.asOf());
            ps.setInt(3, snapshot.size());
            ps.setLong(4, rows);
            ps.executeUpdate();
        }
        return new StepCounts(rows, rows, 0, snapshot.size() + " KPI views published with " + rows + " rows");
    }
}
