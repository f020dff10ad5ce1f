package io.salesbi.sql.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * One warehouse schema as a session sees it: Calcite's JDBC schema over DuckDB whose tables are served as
 * {@link ServedTable}s (read-only, transportable types, region filter for regional managers), with tables a
 * {@link RegionRowFilter} hides left out of lookups and listings. It stays a {@link JdbcSchema} because the code
 * Calcite generates finds its DataSource by unwrapping the schema as one.
 *
 * <p>The table list and each served table are read from DuckDB once and kept until {@link #forgetTables()} (called
 * when the warehouse publishes another night). Calcite asks for every table of the schema each time it plans a
 * statement, and Calcite's own JDBC schema answers each of those questions with a DuckDB catalog query: tens of
 * milliseconds per statement on the KPI schema. A table is looked up only when a statement uses it; a regional
 * manager's session reads the columns of the whole schema once to know which tables to hide.
 */
final class WarehouseSchema extends JdbcSchema {

    private final DataSource warehouse;
    private final String schemaName;
    private final RegionRowFilter regionFilter;
    private volatile Tables tables = new Tables();

    WarehouseSchema(DataSource warehouse, JdbcConvention convention, String schemaName, RegionRowFilter regionFilter) {
        super(warehouse, WarehouseDialect.INSTANCE, convention, null, schemaName);
        this.warehouse = warehouse;
        this.schemaName = schemaName;
        this.regionFilter = regionFilter;
    }

    @Override
    public Lookup<Table> tables() {
        // One lookup for the schema's life that always asks the current snapshot: Calcite may keep it.
        return new Lookup<>() {
            @Override
            public Table get(String name) {
                return tables.get(name);
            }

            @Override
            public Named<Table> getIgnoreCase(String name) {
                return tables.getIgnoreCase(name);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                return tables.getNames(pattern);
            }
        };
    }

    /** Reads the table list and the tables from DuckDB again on their next use. */
    void forgetTables() {
        tables = new Tables();
    }

    /** The tables as read from DuckDB: the served tables by name, loaded on first use; empty when hidden. */
    private final class Tables extends IgnoreCaseLookup<Table> {

        private final Lookup<Table> jdbcTables = WarehouseSchema.super.tables();
        private final Map<String, Optional<Table>> served = new ConcurrentHashMap<>();
        private volatile Set<String> names;
        private volatile Map<String, RegionRowFilter.Scope> scopes;

        @Override
        public Table get(String name) {
            if (!names().contains(name)) {
                return null;
            }
            return served.computeIfAbsent(name, this::serve).orElse(null);
        }

        @Override
        public Set<String> getNames(LikePattern pattern) {
            var matches = pattern.matcher();
            return names().stream()
                    .filter(matches::apply)
                    .filter(name -> get(name) != null)
                    .collect(Collectors.toSet());
        }

        private Set<String> names() {
            Set<String> known = names;
            if (known == null) {
                known = Set.copyOf(jdbcTables.getNames(LikePattern.any()));
                names = known;
            }
            return known;
        }

        private Optional<Table> serve(String name) {
            // A table is looked up only when a statement uses it: Calcite asks for every table of the schema, and
            // each lookup is a DuckDB catalog query. A regional manager's tables are listed by what the filter does
            // to them, read for the whole schema at once; the plan applies the filter by the columns it reads.
            if (regionFilter != null && scopes().getOrDefault(name, RegionRowFilter.Scope.HIDDEN)
                    == RegionRowFilter.Scope.HIDDEN) {
                return Optional.empty();
            }
            return Optional.of(new ServedTable(() -> {
                JdbcTable table = exactly(name);
                if (table == null) {
                    throw new IllegalStateException("table " + schemaName + "." + name
                            + " is no longer in the warehouse");
                }
                return table;
            }, warehouse, regionFilter));
        }

        /** What the region filter does to each table of the schema, from one read of DuckDB's column catalog. */
        private Map<String, RegionRowFilter.Scope> scopes() {
            Map<String, RegionRowFilter.Scope> known = scopes;
            if (known == null) {
                Map<String, List<String>> columns = new HashMap<>();
                try (Connection connection = warehouse.getConnection();
                        ResultSet rs = connection.getMetaData().getColumns(null, schemaName, "%", "%")) {
                    while (rs.next()) {
                        columns.computeIfAbsent(rs.getString("TABLE_NAME"), table -> new ArrayList<>())
                                .add(rs.getString("COLUMN_NAME"));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the columns of schema " + schemaName + ": "
                            + e.getMessage(), e);
                }
                Map<String, RegionRowFilter.Scope> read = new HashMap<>();
                columns.forEach((table, names) -> read.put(table, RegionRowFilter.scope(names)));
                known = Map.copyOf(read);
                scopes = known;
            }
            return known;
        }

        /** Calcite's JDBC table of that exact name, or null. */
        private JdbcTable exactly(String name) {
            // JdbcSchema looks names up as LIKE patterns ('_' matches any character): never serve another table.
            return jdbcTables.get(name) instanceof JdbcTable jdbcTable && jdbcTable.jdbcTableName.equals(name)
                    ? jdbcTable : null;
        }
    }
}
