package io.salesbi.server;

import io.salesbi.sql.PersonalDataCatalogue;
import io.salesbi.sql.RowPolicies;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
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
    /**
     * The relations of schema {@code ops} a steward's session may see: the endpoint's audit trail ({@link AuditLog})
     * and what the subscriptions mailed to whom ({@code ops.subscription_delivery}, by login, no address).
     */
    static final String AUDIT_SCHEMA = "ops";

    static final Set<String> AUDIT_TABLES = Set.of("audit", "subscription_delivery");

    /**
     * Compiled plans Calcite keeps across sessions, keyed by their generated Java source, which holds the SQL sent
     * to DuckDB with every literal (a region filter included): a session's first run of a query another session
     * ran before skips the Java compiler. Calcite reads the system property once, so it is set before Calcite is
     * used, unless the operator set it.
     */
    static final String COMPILED_PLANS_PROPERTY = "calcite.bindable.cache.maxSize";

    static final int COMPILED_PLANS = 1_000;

    static {
        if (System.getProperty(COMPILED_PLANS_PROPERTY) == null) {
            System.setProperty(COMPILED_PLANS_PROPERTY, Integer.toString(COMPILED_PLANS));
        }
    }

    /** Plans a session keeps ({@link PlanCache}): far more than the dashboards and an analyst's worksheet use. */
    static final int PLANS_PER_SESSION = 256;

    private final DataSource warehouse;
    private final QueryLimits limits;
    private final Supplier<String> publishedNights;
    private final RowPolicies rowPolicies;
    private final PersonalDataCatalogue personalData;
    private final Driver calciteDriver = new Driver();

    CalciteSessionFactory(
            DataSource warehouse, QueryLimits limits, RowPolicies rowPolicies, PersonalDataCatalogue personalData) {
        this(warehouse, limits, new PublishedNights(warehouse), rowPolicies, personalData);
    }

    /**
     * A factory whose sessions drop their plans whenever {@code publishedNights} changes its stamp, and whose
     * regional managers see each relation as {@code rowPolicies} declares, and whose users without the
     * {@value UserAccount#PERSONAL_DATA} right see the personal columns of {@code personalData} masked.
     */
    CalciteSessionFactory(
            DataSource warehouse,
            QueryLimits limits,
            Supplier<String> publishedNights,
            RowPolicies rowPolicies,
            PersonalDataCatalogue personalData) {
        this.warehouse = warehouse;
        this.limits = limits;
        this.publishedNights = publishedNights;
        this.rowPolicies = rowPolicies;
        this.personalData = personalData;
    }

    /** Calcite's parser settings; {@link ReadOnlyStatementGuard} parses with the same. */
    static Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("quoting", "DOUBLE_QUOTE");
        properties.setProperty("unquotedCasing", "UNCHANGED");
        properties.setProperty("quotedCasing", "UNCHANGED");
        properties.setProperty("caseSensitive", "false");
        // Functions analysts write in DuckDB's (PostgreSQL's) dialect: ILIKE, STRING_AGG, DATE_TRUNC, ...
        properties.setProperty("fun", "postgresql");
        // DuckDB's decimals go to 38 digits; Calcite's default type system stops at 19.
        properties.setProperty("typeSystem", DuckDBSqlDialect.class.getName() + "#TYPE_SYSTEM");
        return properties;
    }

    /**
     * A new session of {@code user}, with its own {@link PlanCache}: plans carry the user's schemas and row filter,
     * so they are never shared with another session. Its schemas read the warehouse through the session's
     * {@link SessionSnapshot}: every part of a statement, and every statement of a transaction, reads one night.
     */
    Connection open(UserAccount user) throws SQLException {
        return open(user, limits.defaultTimeout());
    }

    /** A new session of {@code user} whose statements DuckDB interrupts after {@code queryTimeout}. */
    Connection open(UserAccount user, Duration queryTimeout) throws SQLException {
        PlanCache plans = new PlanCache(publishedNights, PLANS_PER_SESSION);
        Connection connection = calciteDriver
                .withPrepareFactory(() -> new PlanCachingPrepare(plans))
                .connect("jdbc:calcite:", connectionProperties());
        try {
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            SchemaPlus root = calcite.getRootSchema();
            RegionRowFilter regionFilter = RegionRowFilter.of(user, rowPolicies);
            PersonalDataMask personalDataMask = PersonalDataMask.of(user, personalData);
            SessionSnapshot snapshot = new SessionSnapshot(warehouse);
            for (String schema : visibleSchemas(user)) {
                WarehouseSchema tables = warehouseSchema(root, schema, snapshot, regionFilter, personalDataMask);
                plans.onNewNight(tables::forgetTables);
                root.add(schema, tables);
            }
            if (seesAudit(user)) {
                WarehouseSchema audit = new WarehouseSchema(
                        snapshot, convention(root, AUDIT_SCHEMA), AUDIT_SCHEMA, null, personalDataMask, AUDIT_TABLES);
                plans.onNewNight(audit::forgetTables);
                root.add(AUDIT_SCHEMA, audit);
            }
            calcite.setSchema(DEFAULT_SCHEMA);
            return TimeLimitedConnection.wrap(connection, queryTimeout, snapshot);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    QueryLimits limits() {
        return limits;
    }

    static List<String> visibleSchemas(UserAccount user) {
        List<String> schemas = new ArrayList<>(READER_SCHEMAS);
        if (user.hasRole(UserAccount.STEWARD)) {
            schemas.addAll(STEWARD_SCHEMAS);
        }
        return schemas;
    }

    /**
     * Whether {@code user} reads the audit trail as {@code ops.audit} (and the subscriptions' mails as
     * {@code ops.subscription_delivery}): stewards, unless they also have a restricted role (the trail names every
     * user and address, and has no row policy). Stewards read its user names and addresses in clear without the
     * personal_data right: the catalogue declares them clear for the steward role.
     */
    static boolean seesAudit(UserAccount user) {
        return user.hasRole(UserAccount.STEWARD) && !user.hasRole(UserAccount.REGIONAL_MANAGER);
    }

    private static JdbcConvention convention(SchemaPlus root, String name) {
        // The convention's expression finds this schema again at run time as root.getSubSchema(name).
        return JdbcConvention.of(
                WarehouseDialect.INSTANCE, Schemas.subSchemaExpression(root, name, JdbcSchema.class), name);
    }

    private static WarehouseSchema warehouseSchema(
            SchemaPlus root,
            String name,
            SessionSnapshot snapshot,
            RegionRowFilter regionFilter,
            PersonalDataMask personalDataMask) {
        // The convention's expression finds this schema again at run time as root.getSubSchema(name).
        JdbcConvention convention = JdbcConvention.of(
                WarehouseDialect.INSTANCE, Schemas.subSchemaExpression(root, name, JdbcSchema.class), name);
        return new WarehouseSchema(snapshot, convention, name, regionFilter, personalDataMask);
    }
}
