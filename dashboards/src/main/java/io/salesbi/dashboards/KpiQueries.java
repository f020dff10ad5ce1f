package io.salesbi.dashboards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the kpi views for the pages with {@link DashboardQueries}. Aggregation happens there, in the warehouse: a
 * page inlines only the rows its filters (year, region, segment, channel) need, with short column names and rounded
 * ratios, so it stays small at scale. Each dataset is read once per generation and shared by the pages that use it.
 */
final class KpiQueries {

    /**
     * Datasets shown only where their table exists: the run history (ops.step_run, written by the nightly job),
     * field completeness and main-channel changes (kpi.dq_completeness, kpi.channel_migration: beyond the KPI
     * contract), the channels each customer bought through (core.sales_line order lines) and the self-assessment
     * (kpi.survey_*, from warehouses migrated before it existed) may be absent.
     */
    private static final Map<String, String> OPTIONAL_TABLES = Map.of("steps", "ops.step_run",
            "completeness", "kpi.dq_completeness", "customerChannels", "core.sales_line",
            "migration", "kpi.channel_migration", "surveyScores", "kpi.survey_area_score",
            "surveyProfile", "kpi.survey_profile", "surveyGap", "kpi.survey_gap");

    private final Connection conn;
    private final Map<String, DataTable> cache = new HashMap<>();

    KpiQueries(Connection conn) {
        this.conn = conn;
    }

    DataTable get(String dataset) throws SQLException {
        DataTable table = cache.get(dataset);
        if (table == null) {
            String sql = DashboardQueries.all().get(dataset);
            if (sql == null) {
                throw new IllegalArgumentException("no dashboard dataset named '" + dataset + "'");
            }
            String optional = OPTIONAL_TABLES.get(dataset);
            table = optional != null && !exists(optional) ? DataTable.empty() : DataTable.query(conn, sql);
            cache.put(dataset, table);
        }
        return table;
    }

    private boolean exists(String qualifiedTable) throws SQLException {
        String[] parts = qualifiedTable.split("\\.");
        try (var tables = conn.getMetaData().getTables(null, parts[0], parts[1], null)) {
            return tables.next();
        }
    }
}
