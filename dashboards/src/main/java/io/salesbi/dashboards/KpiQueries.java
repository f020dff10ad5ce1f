package io.salesbi.dashboards;

import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the kpi views for the pages with {@link DashboardQueries}. Aggregation happens there, in the warehouse: a
 * page inlines only the rows its filters (year, region, segment, channel) need, with short column names and rounded
 * ratios, so it stays small at scale. Each dataset is read once per generation and shared by the pages that use it.
 *
 * <p>The pages show the published night: a kpi view is read from the night's KPI snapshot (schema kpi_snapshot, one
 * table per view, taken and checked by the consolidate step) when the warehouse has one, instead of computing the
 * figures from the facts again (at scale 10, 2.8 s for all datasets against 0.7 s from the snapshot). A warehouse no
 * night has consolidated yet has no snapshot; its views are read.
 */
final class KpiQueries {

    private static final Logger log = LoggerFactory.getLogger(KpiQueries.class);

    /**
     * Datasets shown only where their table exists (a warehouse the night has not opened since a view was added): the run history (ops.step_run, written by the nightly job),
     * field completeness and main-channel changes (kpi.dq_completeness, kpi.channel_migration: beyond the KPI
     * contract), the channels each customer bought through (kpi.customer_channel) and the self-assessment
     * (kpi.survey_*, from warehouses migrated before it existed), the plan and a customer's source records, contacts
     * and touchpoints (kpi.plan_vs_actual, kpi.customer_sources, core.dim_contact, core.fact_touchpoint) may be absent.
     */
    private static final Map<String, String> OPTIONAL_TABLES = Map.ofEntries(
            Map.entry("steps", "ops.step_run"),
            Map.entry("completeness", "kpi.dq_completeness"),
            Map.entry("customerChannels", "kpi.customer_channel"),
            Map.entry("customerShortlist", "kpi.customer_channel"),
            Map.entry("customerCounts", "kpi.customer_channel"),
            Map.entry("migration", "kpi.channel_migration"),
            Map.entry("cubePriorSpan", "kpi.sales_cube_month"),
            Map.entry("cubeMonth", "kpi.sales_cube_month"),
            Map.entry("revenueMonth", "kpi.sales_cube_month"),
            Map.entry("surveyScores", "kpi.survey_area_score"),
            Map.entry("surveyProfile", "kpi.survey_profile"),
            Map.entry("surveyGap", "kpi.survey_gap"),
            Map.entry("surveyPosition", "kpi.survey_position"),
            Map.entry("plan", "kpi.plan_vs_actual"),
            Map.entry("customerSources", "kpi.customer_sources"),
            Map.entry("customerContacts", "core.dim_contact"),
            Map.entry("customerTouch", "core.fact_touchpoint"));

    /** The sales pipeline's datasets (kpi.pipeline_*), absent from warehouses migrated before they existed. */
    private static final Map<String, String> OPTIONAL_PIPELINE_TABLES = Map.of(
            "pipelineOpen",
            "kpi.pipeline_open",
            "pipelineFunnel",
            "kpi.pipeline_funnel",
            "pipelineWinRate",
            "kpi.pipeline_win_rate",
            "pipelineReturn",
            "kpi.pipeline_channel_return",
            "pipelineCoverage",
            "kpi.pipeline_coverage",
            "pipelineStalled",
            "kpi.pipeline_stalled",
            "pipelineUnworked",
            "kpi.pipeline_unworked_potential");

    private static final Pattern KPI_VIEW = Pattern.compile("\\bkpi\\.(\\w+)\\b");
    private static final String SNAPSHOT_SCHEMA = "kpi_snapshot";

    private final Connection conn;
    private final RegionalRelations regional;
    private final Map<String, DataTable> cache = new HashMap<>();
    private final Map<String, Map<String, Object>> scripts = new HashMap<>();
    private Set<String> snapshotTables;
    private CustomerShortlist shortlist;
    private long queryNanos;

    KpiQueries(Connection conn) {
        this.conn = conn;
        this.regional = null;
    }

    /** The datasets of a regional page set: every relation read through its row policy for the scope's regions. */
    KpiQueries(Connection conn, RegionScope scope, RowPolicies policies) {
        this.conn = conn;
        this.regional = new RegionalRelations(
                conn,
                scope,
                policies,
                (schema, relation) -> schema.equals("kpi") ? source(relation) : schema + "." + relation);
    }

    /** The regions this instance's datasets are scoped to, or {@code null} for all regions. */
    RegionScope scope() {
        return regional == null ? null : regional.scope();
    }

    /** Drops what a regional instance created in the connection (its scoped views). */
    void release() throws SQLException {
        if (regional != null) {
            regional.close();
        }
    }

    DataTable get(String dataset) throws SQLException {
        DataTable table = cache.get(dataset);
        if (table == null) {
            String sql = sql(dataset);
            CustomerShortlist shortlist = CustomerShortlist.DATASETS.contains(dataset) ? shortlist() : null;
            long started = System.nanoTime();
            String optional = OPTIONAL_TABLES.getOrDefault(dataset, OPTIONAL_PIPELINE_TABLES.get(dataset));
            table = optional != null && !exists(optional)
                    ? DataTable.empty()
                    : shortlist == null
                            ? DataTable.query(conn, sql)
                            : DataTable.query(conn, sql, "id", shortlist::contains);
            cache.put(dataset, table);
            long nanos = System.nanoTime() - started;
            queryNanos += nanos;
            log.debug(
                    "Dashboard dataset {}: {} rows in {} ms",
                    dataset,
                    table.rows().size(),
                    nanos / 1_000_000);
        }
        return table;
    }

    /**
     * Streams a dataset's rows to {@code consumer} without keeping them, for what is computed over more rows than a
     * page carries ({@link CustomerShortlist}). An optional dataset whose table is absent has no rows.
     */
    void forEachRow(String dataset, java.util.function.Consumer<Row> consumer) throws SQLException {
        String optional = OPTIONAL_TABLES.get(dataset);
        if (optional != null && !exists(optional)) {
            return;
        }
        long started = System.nanoTime();
        String sql = sql(dataset);
        try (var statement = conn.createStatement();
                var rs = statement.executeQuery(sql)) {
            Row row = new Row(rs);
            while (rs.next()) {
                consumer.accept(row);
            }
        } catch (SQLException e) {
            throw new SQLException("dashboard query failed: " + e.getMessage() + "\n" + sql, e.getSQLState(), e);
        }
        queryNanos += System.nanoTime() - started;
    }

    /** The current row of a streamed dataset. */
    static final class Row {
        private static final List<String> CELL = List.of("year", "region", "segment", "channel");
        private final java.sql.ResultSet rs;
        private final Map<String, Integer> index = new HashMap<>();

        private Row(java.sql.ResultSet rs) throws SQLException {
            this.rs = rs;
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                index.put(meta.getColumnLabel(i), i);
            }
        }

        String text(String column) {
            try {
                return rs.getString(column(column));
            } catch (SQLException e) {
                throw new IllegalStateException("column " + column + ": " + e.getMessage(), e);
            }
        }

        Double number(String column) {
            try {
                double value = rs.getDouble(column(column));
                return rs.wasNull() ? null : value;
            } catch (SQLException e) {
                throw new IllegalStateException("column " + column + ": " + e.getMessage(), e);
            }
        }

        /** The row's cell of the pages' filters: year, region, segment, channel (nulls kept). */
        List<Object> cell() {
            return java.util.Arrays.asList(text("year"), text("region"), text("segment"), text("channel"));
        }

        private int column(String name) {
            Integer i = index.get(name);
            if (i == null) {
                throw new IllegalArgumentException("column '" + name + "' not in " + index.keySet());
            }
            return i;
        }
    }

    /** The dataset in the form a page inlines ({@link DataTable#forScript()}), built once for all pages. */
    Map<String, Object> forScript(String dataset) throws SQLException {
        Map<String, Object> script = scripts.get(dataset);
        if (script == null) {
            script = get(dataset).forScript();
            scripts.put(dataset, script);
        }
        return script;
    }

    /**
     * The customers the customers and customer pages carry ({@link CustomerShortlist}), ranked once per instance; a
     * warehouse without order lines (kpi.customer_channel) has no cells and keeps every customer.
     */
    CustomerShortlist shortlist() throws SQLException {
        if (shortlist == null) {
            long started = System.nanoTime();
            shortlist = CustomerShortlist.of(this);
            log.debug(
                    "Customer shortlist: {} of {} customers in {} ms",
                    shortlist.listed(),
                    shortlist.customers(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return shortlist;
    }

    private String sql(String dataset) throws SQLException {
        String sql = DashboardQueries.all().get(dataset);
        if (sql == null) {
            throw new IllegalArgumentException("no dashboard dataset named '" + dataset + "'");
        }
        return regional == null ? published(sql) : regional.rewrite(dataset, sql);
    }

    /** Time spent reading datasets so far, for the generation's log summary. */
    long queryMillis() {
        return queryNanos / 1_000_000;
    }

    /** The query with every kpi view it reads replaced by that view's snapshot table, where there is one. */
    private String published(String sql) throws SQLException {
        Matcher reference = KPI_VIEW.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(out, Matcher.quoteReplacement(source(reference.group(1))));
        }
        return reference.appendTail(out).toString();
    }

    private String source(String name) throws SQLException {
        return (snapshotTables().contains(name) ? SNAPSHOT_SCHEMA : "kpi") + "." + name;
    }

    private Set<String> snapshotTables() throws SQLException {
        if (snapshotTables == null) {
            snapshotTables = new HashSet<>();
            try (var tables = conn.getMetaData().getTables(null, SNAPSHOT_SCHEMA, "%", null)) {
                while (tables.next()) {
                    snapshotTables.add(tables.getString("TABLE_NAME"));
                }
            }
        }
        return snapshotTables;
    }

    private boolean exists(String qualifiedTable) throws SQLException {
        String[] parts = qualifiedTable.split("\\.");
        try (var tables = conn.getMetaData().getTables(null, parts[0], parts[1], null)) {
            return tables.next();
        }
    }
}
