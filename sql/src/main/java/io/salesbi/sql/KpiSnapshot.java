package io.salesbi.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The night's KPI snapshot: every view of schema {@code kpi} evaluated once into a table of the same name in schema
 * {@code kpi_snapshot} (baseline migration). The consolidate step takes it in its transaction, after building the core
 * model; the pre-publish checks ({@code sql/assert}), the publish step and the dashboards then read the snapshot,
 * not the views, which would compute every figure from the 5 M order lines again for each reader. The live views
 * stay what analysts query, and a snapshot of a failed night is rolled back with its core.
 */
public final class KpiSnapshot {

    public static final String SCHEMA = "kpi_snapshot";

    private static final Logger log = LoggerFactory.getLogger(KpiSnapshot.class);

    private KpiSnapshot() {}

    /**
     * Evaluates every kpi view into its snapshot table and drops the tables of views that no longer exist; returns
     * the rows per view, in view name order. A view that cannot be evaluated fails with its name and the reason.
     */
    public static Map<String, Long> take(Connection conn) throws SQLException {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement st = conn.createStatement()) {
            for (String stale : names(
                    conn,
                    "select table_name from duckdb_tables() where schema_name = '" + SCHEMA
                            + "' and table_name not in (select view_name from duckdb_views() where schema_name = 'kpi')")) {
                st.execute("drop table " + SCHEMA + "." + quote(stale));
            }
            for (String view : views(conn)) {
                long viewStarted = System.nanoTime();
                try {
                    st.execute("create or replace table " + SCHEMA + "." + quote(view) + " as select * from kpi."
                            + quote(view));
                } catch (SQLException e) {
                    throw new SQLException(
                            "KPI view kpi." + view + " cannot be evaluated: " + e.getMessage(), e.getSQLState(), e);
                }
                rows.put(view, rowCount(conn, view));
                log.debug(
                        "KPI snapshot of kpi.{}: {} rows in {} ms",
                        view,
                        rows.get(view),
                        (System.nanoTime() - viewStarted) / 1_000_000);
            }
        }
        log.info(
                "KPI snapshot: {} views, {} rows in {} ms",
                rows.size(),
                rows.values().stream().mapToLong(Long::longValue).sum(),
                (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    /** The rows per view of the snapshot as it stands, in view name order; a view without a snapshot table fails. */
    public static Map<String, Long> rows(Connection conn) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String view : views(conn)) {
            rows.put(view, rowCount(conn, view));
        }
        return rows;
    }

    private static List<String> views(Connection conn) throws SQLException {
        return names(conn, "select view_name from duckdb_views() where schema_name = 'kpi' and not internal");
    }

    private static long rowCount(Connection conn, String view) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + SCHEMA + "." + quote(view))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new SQLException(
                    "KPI view kpi." + view + " has no snapshot (the night's consolidate step takes it): "
                            + e.getMessage(),
                    e.getSQLState(),
                    e);
        }
    }

    private static List<String> names(Connection conn, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql + " order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
