package io.salesbi.sql.server;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * One warehouse schema as a session sees it: Calcite's JDBC schema over DuckDB whose tables are served as
 * {@link ServedTable}s (read-only, transportable types, region filter for regional managers), with tables a
 * {@link RegionRowFilter} hides left out of lookups and listings. It stays a {@link JdbcSchema} because the code
 * Calcite generates finds its DataSource by unwrapping the schema as one.
 */
final class WarehouseSchema extends JdbcSchema {

    private final DataSource warehouse;
    private final RegionRowFilter regionFilter;
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl();
    /** Served table per name for this session; empty when hidden. Sessions are short, views change nightly. */
    private final Map<String, Optional<Table>> served = new ConcurrentHashMap<>();

    WarehouseSchema(DataSource warehouse, JdbcConvention convention, String schemaName, RegionRowFilter regionFilter) {
        super(warehouse, WarehouseDialect.INSTANCE, convention, null, schemaName);
        this.warehouse = warehouse;
        this.regionFilter = regionFilter;
    }

    @Override
    public Lookup<Table> tables() {
        Lookup<Table> jdbcTables = super.tables();
        return new Lookup<>() {
            @Override
            public Table get(String name) {
                Table table = jdbcTables.get(name);
                return table == null ? null : serve(name, table).orElse(null);
            }

            @Override
            public Named<Table> getIgnoreCase(String name) {
                Named<Table> named = jdbcTables.getIgnoreCase(name);
                if (named == null) {
                    return null;
                }
                return serve(named.name(), named.entity()).map(table -> new Named<>(named.name(), table)).orElse(null);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                return jdbcTables.getNames(pattern).stream()
                        .filter(name -> get(name) != null)
                        .collect(Collectors.toSet());
            }
        };
    }

    private Optional<Table> serve(String name, Table table) {
        return served.computeIfAbsent(name, key -> {
            JdbcTable jdbcTable = (JdbcTable) table;
            if (!jdbcTable.jdbcTableName.equals(name)) {
                // JdbcSchema looks names up as LIKE patterns ('_' matches any character): never serve another table.
                return Optional.empty();
            }
            RegionRowFilter.Scope scope = regionFilter == null
                    ? RegionRowFilter.Scope.UNFILTERED
                    : RegionRowFilter.scope(jdbcTable.getRowType(typeFactory));
            if (scope == RegionRowFilter.Scope.HIDDEN) {
                return Optional.empty();
            }
            return Optional.of(new ServedTable(jdbcTable, warehouse,
                    scope == RegionRowFilter.Scope.FILTERED ? regionFilter : null));
        });
    }
}
