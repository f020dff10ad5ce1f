package io.salesbi.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The night's KPI snapshot: every view of schema {@code kpi} evaluated once into a table of the same name in schema
 * {@code kpi_snapshot} (baseline migration). The consolidate step takes it in its transaction, after building the core
 * model; the pre-publish checks ({@code sql/assert}), the publish step and the dashboards then read the snapshot,
 * not the views, which would compute every figure from the 5 M order lines again for each reader. The live views
 * stay what analysts query, and a snapshot of a failed night is rolled back with its core.
 *
 * <p>Views are evaluated so that a view comes after the kpi views it reads, and it reads their snapshot tables (see
 * {@link #onSnapshots}): a view built on another (the year cube on the month cube, the potential not worked on the
 * customer values) costs its own step only, not the facts again.
 */
public final class KpiSnapshot {

    public static final String SCHEMA = "kpi_snapshot";

    private static final Logger log = LoggerFactory.getLogger(KpiSnapshot.class);

    /** DuckDB keeps a view as {@code CREATE VIEW kpi.name AS query;}. */
    private static final Pattern VIEW_DEFINITION =
            Pattern.compile("(?is)\\s*create\\s+view\\s+kpi\\.(?:\\w+|\"[^\"]+\")\\s+as\\s+(.*?);?\\s*");

    /** A reference to a kpi relation, plain or quoted: kpi.name, kpi."name". */
    private static final Pattern KPI_REFERENCE = Pattern.compile("(?i)\\bkpi\\.(?:(\\w+)|\"([^\"]+)\")");

    private KpiSnapshot() {}

    /**
     * Evaluates every kpi view into its snapshot table and drops the tables of views that no longer exist; returns
     * the rows per view, in view name order. A view that cannot be evaluated fails with its name and the reason.
     */
    public static Map<String, Long> take(Connection conn) throws SQLException {
        long started = System.nanoTime();
        Map<String, Long> rows = new TreeMap<>();
        try (Statement st = conn.createStatement()) {
            for (String stale : names(
                    conn,
                    "select table_name from duckdb_tables() where schema_name = '" + SCHEMA
                            + "' and table_name not in (select view_name from duckdb_views() where schema_name = 'kpi')")) {
                st.execute("drop table " + SCHEMA + "." + quote(stale));
            }
            Map<String, String> definitions = definitions(conn);
            Set<String> taken = new HashSet<>();
            for (String view : dependencyOrder(definitions)) {
                long viewStarted = System.nanoTime();
                try {
                    st.execute("create or replace table " + SCHEMA + "." + quote(view) + " as "
                            + onSnapshots(definitions.get(view), taken).orElse("select * from kpi." + quote(view)));
                } catch (SQLException e) {
                    throw new SQLException(
                            "KPI view kpi." + view + " cannot be evaluated: " + e.getMessage(), e.getSQLState(), e);
                }
                taken.add(view);
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

    /**
     * The view's query with every kpi view it reads that is already in this snapshot read from its snapshot table
     * instead: the same rows (taken in this transaction from the same core), without computing them from the facts
     * again (kpi.pipeline_unworked_potential reads kpi.customer_value and kpi.cross_sell_gap, kpi.sales_cube the month
     * cube). Empty when the definition is not the plain {@code CREATE VIEW kpi.name AS query} DuckDB keeps.
     */
    static Optional<String> onSnapshots(String definition, Set<String> taken) {
        Matcher m = VIEW_DEFINITION.matcher(definition);
        if (!m.matches()) {
            return Optional.empty();
        }
        Matcher reference = KPI_REFERENCE.matcher(m.group(1));
        StringBuilder query = new StringBuilder();
        while (reference.find()) {
            String name = referenced(reference);
            reference.appendReplacement(
                    query,
                    Matcher.quoteReplacement(taken.contains(name) ? SCHEMA + "." + quote(name) : reference.group()));
        }
        reference.appendTail(query);
        return Optional.of(query.toString());
    }

    /** The views in an order that puts every view after the kpi views it reads; otherwise by name. */
    static List<String> dependencyOrder(Map<String, String> definitions) {
        Map<String, Set<String>> reads = new TreeMap<>();
        definitions.forEach((view, sql) -> {
            Set<String> names = new TreeSet<>();
            Matcher reference = KPI_REFERENCE.matcher(sql);
            while (reference.find()) {
                String name = referenced(reference);
                if (!name.equals(view) && definitions.containsKey(name)) {
                    names.add(name);
                }
            }
            reads.put(view, names);
        });
        List<String> order = new ArrayList<>();
        while (order.size() < reads.size()) {
            String next = reads.entrySet().stream()
                    .filter(e -> !order.contains(e.getKey()) && order.containsAll(e.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    // a cycle DuckDB would not have let anyone create: the rest by name, each from the facts
                    .orElseGet(() -> reads.keySet().stream()
                            .filter(v -> !order.contains(v))
                            .findFirst()
                            .orElseThrow());
            order.add(next);
        }
        return order;
    }

    private static Map<String, String> definitions(Connection conn) throws SQLException {
        Map<String, String> definitions = new TreeMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "select view_name, sql from duckdb_views() where schema_name = 'kpi' and not internal")) {
            while (rs.next()) {
                definitions.put(rs.getString(1), rs.getString(2));
            }
        }
        return definitions;
    }

    /** The view a {@link #KPI_REFERENCE} match names, plain or quoted. */
    private static String referenced(Matcher reference) {
        return reference.group(1) != null ? reference.group(1) : reference.group(2);
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
