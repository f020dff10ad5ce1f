package io.salesbi.server;

import com.google.common.base.Suppliers;
import io.salesbi.sql.RowPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * One warehouse schema as a session sees it: Calcite's JDBC schema over DuckDB whose tables are served as
 * {@link ServedTable}s (read-only, transportable types, row policies for regional managers, personal columns masked
 * without the personal_data right), with tables whose
 * {@link RowPolicy} hides them (or that have none) left out of lookups and listings for regional managers. It stays a {@link JdbcSchema} because the code
 * Calcite generates finds its DataSource by unwrapping the schema as one.
 *
 * <p>The table list and each served table are read from DuckDB once and kept until {@link #forgetTables()} (called
 * when the warehouse publishes another night). Calcite asks for every table of the schema each time it plans a
 * statement, and Calcite's own JDBC schema answers each of those questions with a DuckDB catalog query: tens of
 * milliseconds per statement on the KPI schema. A table is looked up only when a statement uses it.
 */
final class WarehouseSchema extends JdbcSchema {

    private final DataSource warehouse;
    private final String schemaName;
    private final RegionRowFilter regionFilter;
    private final PersonalDataMask personalDataMask;
    private final JdbcConvention convention;
    private final Set<String> onlyTables;
    private volatile Tables tables = new Tables();

    WarehouseSchema(
            DataSource warehouse,
            JdbcConvention convention,
            String schemaName,
            RegionRowFilter regionFilter,
            PersonalDataMask personalDataMask) {
        this(warehouse, convention, schemaName, regionFilter, personalDataMask, null);
    }

    /** A schema that serves only the tables {@code onlyTables} of the warehouse schema (all when null). */
    WarehouseSchema(
            DataSource warehouse,
            JdbcConvention convention,
            String schemaName,
            RegionRowFilter regionFilter,
            PersonalDataMask personalDataMask,
            Set<String> onlyTables) {
        super(warehouse, WarehouseDialect.INSTANCE, convention, null, schemaName);
        this.onlyTables = onlyTables;
        this.warehouse = warehouse;
        this.schemaName = schemaName;
        this.regionFilter = regionFilter;
        this.personalDataMask = personalDataMask;
        this.convention = convention;
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
        private final Supplier<JdbcTable> customerRegions = Suppliers.memoize(this::customerRegions);
        private volatile Map<String, Schema.TableType> names;

        @Override
        public Table get(String name) {
            if (!names().containsKey(name)) {
                return null;
            }
            return served.computeIfAbsent(name, this::serve).orElse(null);
        }

        @Override
        public Set<String> getNames(LikePattern pattern) {
            var matches = pattern.matcher();
            return names().keySet().stream()
                    .filter(matches::apply)
                    .filter(name -> get(name) != null)
                    .collect(Collectors.toSet());
        }

        /** The schema's tables and views, with their kind, in one catalog query. */
        private Map<String, Schema.TableType> names() {
            Map<String, Schema.TableType> known = names;
            if (known == null) {
                Map<String, Schema.TableType> read = new HashMap<>();
                try (Connection connection = warehouse.getConnection();
                        PreparedStatement query = connection.prepareStatement("select table_name, table_type "
                                + "from information_schema.tables where table_catalog = current_database() "
                                + "and table_schema = ?")) {
                    query.setString(1, schemaName);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            String name = rows.getString(1);
                            if (onlyTables == null || onlyTables.contains(name)) {
                                read.put(
                                        name,
                                        "VIEW".equals(rows.getString(2))
                                                ? Schema.TableType.VIEW
                                                : Schema.TableType.TABLE);
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "cannot list the relations of schema " + schemaName + ": " + e.getMessage(), e);
                }
                known = Map.copyOf(read);
                names = known;
            }
            return known;
        }

        private Optional<Table> serve(String name) {
            // A table is looked up in DuckDB only when a statement uses it: Calcite asks for every table of the
            // schema, and each lookup is a DuckDB catalog query. A regional manager sees a table by its declared
            // row policy alone; the plan checks the policy against the columns it reads.
            RowPolicy policy = regionFilter == null ? null : regionFilter.policy(schemaName, name);
            if (policy != null && policy.kind() == RowPolicy.Kind.HIDDEN) {
                return Optional.empty();
            }
            return Optional.of(new ServedTable(
                    () -> {
                        JdbcTable table = exactly(jdbcTables, name);
                        if (table == null) {
                            throw new IllegalStateException(
                                    "table " + schemaName + "." + name + " is no longer in the warehouse");
                        }
                        return table;
                    },
                    warehouse,
                    regionFilter,
                    policy,
                    customerRegions,
                    personalDataMask,
                    names().get(name)));
        }

        /** The golden customers with their regions, as a JDBC table of this schema's convention. */
        private JdbcTable customerRegions() {
            String[] name = RowPolicy.CUSTOMER_REGIONS.split("\\.");
            JdbcTable table = exactly(
                    new JdbcSchema(warehouse, WarehouseDialect.INSTANCE, convention, null, name[0]).tables(), name[1]);
            if (table == null) {
                throw new IllegalStateException(RowPolicy.CUSTOMER_REGIONS + " is not in the warehouse: customer row "
                        + "policies cannot be applied");
            }
            return table;
        }

        /** Calcite's JDBC table of that exact name, or null. */
        private static JdbcTable exactly(Lookup<Table> jdbcTables, String name) {
            // JdbcSchema looks names up as LIKE patterns ('_' matches any character): never serve another table.
            return jdbcTables.get(name) instanceof JdbcTable jdbcTable && jdbcTable.jdbcTableName.equals(name)
                    ? jdbcTable
                    : null;
        }
    }
}
