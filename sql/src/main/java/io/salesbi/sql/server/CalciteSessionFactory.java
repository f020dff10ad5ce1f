package io.salesbi.sql.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/**
 * Opens one Calcite connection per analyst session, its root schema built in code (no model file) from the warehouse
 * schemas the user may see: {@code kpi} and {@code core} for everybody, {@code raw} and {@code quarantine} only for
 * role {@value UserAccount#STEWARD}. Client-sent connection properties are ignored, so nobody can pass a Calcite
 * {@code model} or {@code schemaFactory} and reach other data.
 *
 * <p>Identifiers follow standard SQL as DBeaver and Excel tools send them: double quotes, case-insensitive names,
 * unquoted names kept as written (DuckDB's names are lower case).
 */
final class CalciteSessionFactory {

    static final List<String> READER_SCHEMAS = List.of("kpi", "core");
    static final List<String> STEWARD_SCHEMAS = List.of("raw", "quarantine");
    static final String DEFAULT_SCHEMA = "kpi";

    private final DataSource warehouse;
    private final Duration queryTimeout;
    private final Driver calciteDriver = new Driver();

    CalciteSessionFactory(DataSource warehouse, Duration queryTimeout) {
        this.warehouse = warehouse;
        this.queryTimeout = queryTimeout;
    }

    /** Calcite's parser settings; {@link ReadOnlyStatementGuard} parses with the same. */
    static Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("quoting", "DOUBLE_QUOTE");
        properties.setProperty("unquotedCasing", "UNCHANGED");
        properties.setProperty("quotedCasing", "UNCHANGED");
        properties.setProperty("caseSensitive", "false");
        // DuckDB's decimals go to 38 digits; Calcite's default type system stops at 19.
        properties.setProperty("typeSystem", DuckDBSqlDialect.class.getName() + "#TYPE_SYSTEM");
        return properties;
    }

    Connection open(UserAccount user) throws SQLException {
        Connection connection = calciteDriver.connect("jdbc:calcite:", connectionProperties());
        try {
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            SchemaPlus root = calcite.getRootSchema();
            RegionRowFilter regionFilter = RegionRowFilter.of(user);
            for (String schema : visibleSchemas(user)) {
                root.add(schema, warehouseSchema(root, schema, regionFilter));
            }
            calcite.setSchema(DEFAULT_SCHEMA);
            return TimeLimitedConnection.wrap(connection, queryTimeout);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static List<String> visibleSchemas(UserAccount user) {
        List<String> schemas = new ArrayList<>(READER_SCHEMAS);
        if (user.hasRole(UserAccount.STEWARD)) {
            schemas.addAll(STEWARD_SCHEMAS);
        }
        return schemas;
    }

    private JdbcSchema warehouseSchema(SchemaPlus root, String name, RegionRowFilter regionFilter) {
        // The convention's expression finds this schema again at run time as root.getSubSchema(name).
        JdbcConvention convention = JdbcConvention.of(WarehouseDialect.INSTANCE,
                Schemas.subSchemaExpression(root, name, JdbcSchema.class), name);
        return new WarehouseSchema(warehouse, convention, name, regionFilter);
    }
}
