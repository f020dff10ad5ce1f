package io.salesbi.pipeline.warehouse;

import io.salesbi.connectors.mapping.MappedRawTable;
import io.salesbi.connectors.mapping.MappedRawTable.Column;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw tables the bundled mappings own, brought up to date right after Flyway: the one place where a raw table is
 * made from a mapping rather than a migration (docs/architecture.md, "Raw tables the mappings own").
 *
 * <ul>
 *   <li>A bundled mapping whose target does not exist creates it ({@link MappedRawTable}: the lineage columns, then
 *       the mapping's fields in order with their types) and is recorded as its owner in {@code ops.mapped_raw_table}.
 *   <li>A table its mapping owns must be what the mapping describes. Fields appended at the end of the mapping are
 *       added as columns (rows delivered before have none: null); any other difference (a field renamed, removed,
 *       moved or of another type) stops the warehouse from opening, naming the table, the mapping and the first
 *       differing column, before a file is loaded into a table that no longer fits.
 *   <li>A table a migration created and no mapping owns is left to its migrations ({@code BundledMappingsTest} checks
 *       the bundled mappings fit it; an installation's own mappings are checked against it when they are loaded).
 * </ul>
 */
final class MappedRawTables {

    private static final Logger log = LoggerFactory.getLogger(MappedRawTables.class);

    private static List<SourceMapping> bundled;

    private MappedRawTables() {}

    /** The bundled mappings, read once per process (they are classpath resources and do not change). */
    static synchronized List<SourceMapping> bundledMappings() {
        if (bundled == null) {
            bundled = MappingLoader.loadBundled();
        }
        return bundled;
    }

    /**
     * What {@code Warehouse.open} runs after Flyway: nothing when the bundled mappings have the fingerprint they had
     * at the last open and every owned table is there (no mapping is parsed then); otherwise {@link #bringUpToDate},
     * a warning for each owned table no mapping loads any more, and the new fingerprint.
     */
    static List<String> bringUpToDateIfChanged(Path warehouse, Connection conn) throws SQLException {
        String fingerprint = MappedRawTable.bundledFingerprint();
        if (fingerprint.equals(recordedFingerprint(conn)) && ownedTablesExist(conn)) {
            return List.of();
        }
        List<SourceMapping> mappings = bundledMappings();
        List<String> changed = bringUpToDate(warehouse, conn, mappings);
        for (String orphan : orphans(conn, mappings)) {
            log.warn(
                    "Warehouse {}: {} was made from a bundled mapping that is gone; its rows are kept, and no night "
                            + "loads it any more",
                    warehouse,
                    orphan);
        }
        try (Statement st = conn.createStatement()) {
            st.execute("delete from ops.mapped_raw_state");
            st.execute("insert into ops.mapped_raw_state values (" + literal(fingerprint) + ")");
        }
        return changed;
    }

    private static String recordedFingerprint(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select max(bundled_mappings) from ops.mapped_raw_state")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean ownedTablesExist(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from ops.mapped_raw_table m where not exists ("
                        + "select 1 from information_schema.tables t where t.table_catalog = current_database()"
                        + " and t.table_schema || '.' || t.table_name = m.table_name)")) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }

    /**
     * Creates the missing mapping-owned raw tables and extends or checks the existing ones, in one transaction; returns
     * the tables created or extended.
     */
    static List<String> bringUpToDate(Path warehouse, Connection conn, List<SourceMapping> mappings)
            throws SQLException {
        Map<String, MappedRawTable> wanted = wanted(mappings);
        Map<String, String> owners = owners(conn);
        Map<String, List<Column>> existing = rawTables(conn);
        List<String> statements = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (MappedRawTable table : wanted.values()) {
            List<Column> columns = existing.get(table.table());
            if (columns == null) {
                statements.add(table.createSql());
                statements.add("insert or replace into ops.mapped_raw_table (table_name, mapping) values ("
                        + literal(table.table()) + ", " + literal(table.mapping()) + ")");
                changed.add(table.table() + " created from mapping " + table.mapping());
            } else if (owners.containsKey(table.table())) {
                List<Column> added = appended(warehouse, table, columns);
                for (Column column : added) {
                    statements.add("alter table " + table.table() + " add column " + column.definition());
                }
                if (!added.isEmpty()) {
                    changed.add(table.table() + " extended by mapping " + table.mapping() + " with " + added);
                }
            }
        }
        if (statements.isEmpty()) {
            return List.of();
        }
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw new SQLException(
                    "Warehouse " + warehouse + ": cannot bring the raw tables of the bundled mappings up to date ("
                            + String.join("; ", changed) + "): " + e.getMessage(),
                    e);
        } finally {
            conn.setAutoCommit(autoCommit);
        }
        changed.forEach(c -> log.info("Warehouse {}: {}", warehouse, c));
        return List.copyOf(changed);
    }

    /** The mapping-derived table per target; two bundled mappings of one table must describe it alike. */
    private static Map<String, MappedRawTable> wanted(List<SourceMapping> mappings) {
        Map<String, MappedRawTable> wanted = new LinkedHashMap<>();
        for (SourceMapping mapping : mappings) {
            MappedRawTable table = MappedRawTable.of(mapping);
            MappedRawTable other = wanted.putIfAbsent(table.table(), table);
            if (other != null && !other.columns().equals(table.columns())) {
                throw new IllegalStateException("Bundled mappings " + other.mapping() + " and " + mapping.name()
                        + " both load " + table.table() + " but describe it differently: " + other.columns()
                        + " against " + table.columns());
            }
        }
        return wanted;
    }

    /**
     * The columns the mapping has beyond the owned table's end; refuses any other difference with what to do.
     */
    private static List<Column> appended(Path warehouse, MappedRawTable table, List<Column> columns)
            throws SQLException {
        List<Column> described = table.columns();
        for (int i = 0; i < Math.max(columns.size(), described.size()); i++) {
            Column has = i < columns.size() ? columns.get(i) : null;
            Column wants = i < described.size() ? described.get(i) : null;
            if (has == null) {
                return described.subList(i, described.size());
            }
            if (!has.equals(wants)) {
                throw new SQLException("Warehouse " + warehouse + ": " + table.table() + " belongs to mapping "
                        + table.mapping() + " (ops.mapped_raw_table), but column " + (i + 1) + " is " + has
                        + " in the table and " + (wants == null ? "not in the mapping" : wants + " in the mapping")
                        + ". A mapping-owned raw table only grows by fields appended at the end of the mapping;"
                        + " restore the field in the mapping (appending new ones after the last), or load into a"
                        + " new table (target raw.<table>_v2) as docs/architecture.md, \"Raw tables the mappings"
                        + " own\", explains.");
            }
        }
        return List.of();
    }

    /** The raw tables and their columns as DuckDB describes them. */
    private static Map<String, List<Column>> rawTables(Connection conn) throws SQLException {
        Map<String, List<Column>> tables = new HashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select 'raw.' || table_name, column_name, data_type,"
                        + " is_nullable = 'YES' from information_schema.columns where table_schema = 'raw'"
                        + " and table_catalog = current_database() order by table_name, ordinal_position")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
        return tables;
    }

    /** Owned table to its mapping, from {@code ops.mapped_raw_table}. */
    static Map<String, String> owners(Connection conn) throws SQLException {
        Map<String, String> owners = new LinkedHashMap<>();
        try (PreparedStatement ps =
                        conn.prepareStatement("select table_name, mapping from ops.mapped_raw_table order by 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getString(2));
            }
        }
        return owners;
    }

    /** The owned tables no bundled mapping loads any more: kept with their rows, for the log. */
    static Set<String> orphans(Connection conn, List<SourceMapping> mappings) throws SQLException {
        Set<String> orphans = new TreeSet<>(owners(conn).keySet());
        mappings.forEach(m -> orphans.remove(m.target()));
        return orphans;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
