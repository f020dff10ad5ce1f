package io.salesbi.server;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import io.salesbi.sql.RowPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * A warehouse table or view as the endpoint serves it: read-only (unlike Calcite's JDBC table it is not
 * modifiable), every column in a type Avatica frames can carry, and for a regional manager only what the table's
 * {@link RowPolicy} lets through: the rows of their regions, the rows of their regions' golden customers (a join
 * with {@value RowPolicy#CUSTOMER_REGIONS} that DuckDB runs as part of the query), the whole table, or nothing.
 *
 * <p>Types: DuckDB types the JDBC driver reports as {@code OTHER} reach Calcite as {@code ANY} and break Avatica's
 * frames ({@code Unhandled type in Frame}). They are served cast in DuckDB: {@code HUGEINT}/{@code UHUGEINT} (what
 * {@code sum()} over {@code bigint} returns) as {@code DECIMAL(38, 0)}, everything else ({@code UUID}, lists,
 * structs, ...) as {@code VARCHAR} in DuckDB's text form. A HUGEINT beyond 38 digits fails the query in DuckDB
 * rather than being served wrong. KPI views should still cast explicitly to the type they mean.
 *
 * <p>Personal columns ({@link io.salesbi.sql.PersonalDataCatalogue}) are masked in the same projection for sessions
 * without the {@value UserAccount#PERSONAL_DATA} right ({@link PersonalDataMask}).
 */
final class ServedTable extends AbstractTable implements TranslatableTable {

    private static final int HUGEINT_PRECISION = 38;

    private final Supplier<JdbcTable> physical;
    private final DataSource warehouse;
    private final RegionRowFilter regionFilter;
    private final RowPolicy policy;
    private final Supplier<JdbcTable> customerRegions;
    private final PersonalDataMask personalDataMask;
    private final Schema.TableType tableType;
    private volatile Map<String, String> duckDbTypeNames;

    /**
     * @param jdbcTable       Calcite's JDBC table, looked up in DuckDB's catalog only when a statement first uses it
     * @param regionFilter    the session's row filter, {@code null} for none
     * @param policy          this table's row policy; ignored without a row filter
     * @param customerRegions {@value RowPolicy#CUSTOMER_REGIONS} in this table's JDBC convention, read by a
     *                        {@link RowPolicy.Kind#CUSTOMER} policy
     * @param personalDataMask the session's mask of personal columns, {@code null} for clear values
     */
    ServedTable(
            Supplier<JdbcTable> jdbcTable,
            DataSource warehouse,
            RegionRowFilter regionFilter,
            RowPolicy policy,
            Supplier<JdbcTable> customerRegions,
            PersonalDataMask personalDataMask) {
        this(jdbcTable, warehouse, regionFilter, policy, customerRegions, personalDataMask, Schema.TableType.TABLE);
    }

    /** @param tableType what JDBC metadata reports the relation as: {@code VIEW} for DuckDB's views */
    ServedTable(
            Supplier<JdbcTable> jdbcTable,
            DataSource warehouse,
            RegionRowFilter regionFilter,
            RowPolicy policy,
            Supplier<JdbcTable> customerRegions,
            PersonalDataMask personalDataMask,
            Schema.TableType tableType) {
        this.tableType = tableType;
        this.physical = Suppliers.memoize(jdbcTable::get);
        this.warehouse = warehouse;
        this.regionFilter = regionFilter;
        this.policy = policy;
        this.customerRegions = customerRegions;
        this.personalDataMask = personalDataMask;
    }

    @Override
    public Schema.TableType getJdbcTableType() {
        return tableType;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        JdbcTable jdbcTable = physical.get();
        RelDataType physical = unboundedText(typeFactory, jdbcTable.getRowType(typeFactory));
        checkedPolicy(jdbcTable, physical);
        RelDataTypeFactory.Builder served = typeFactory.builder();
        for (RelDataTypeField field : physical.getFieldList()) {
            RelDataType type = servedType(typeFactory, field);
            served.add(
                    field.getName(),
                    personalDataMask == null
                            ? type
                            : personalDataMask.servedType(
                                    typeFactory,
                                    jdbcTable.jdbcSchemaName,
                                    jdbcTable.jdbcTableName,
                                    field.getName(),
                                    type));
        }
        return served.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelOptCluster cluster = context.getCluster();
        RelDataTypeFactory typeFactory = cluster.getTypeFactory();
        JdbcTable jdbcTable = physical.get();
        // The JDBC scan keeps DuckDB's own column types (text without a length); the casts above it are pushed
        // down to DuckDB.
        RelDataType physicalType = unboundedText(typeFactory, jdbcTable.getRowType(typeFactory));
        RelOptTable physicalTable = RelOptTableImpl.create(
                relOptTable.getRelOptSchema(),
                physicalType,
                jdbcTable,
                ImmutableList.copyOf(relOptTable.getQualifiedName()));
        RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(cluster, relOptTable.getRelOptSchema());
        builder.push(jdbcTable.toRel(context, physicalTable));
        RowPolicy checked = checkedPolicy(jdbcTable, physicalType);
        if (checked != null && checked.kind() == RowPolicy.Kind.REGION) {
            builder.filter(
                    inRegions(builder, builder.field(RegionRowFilter.columnIndex(physicalType, checked.column()))));
        } else if (checked != null && checked.kind() == RowPolicy.Kind.CUSTOMER) {
            joinCustomersOfRegions(
                    context,
                    relOptTable,
                    builder,
                    RegionRowFilter.columnIndex(physicalType, checked.column()),
                    physicalType.getFieldCount());
        }
        List<RexNode> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (RelDataTypeField field : physicalType.getFieldList()) {
            RexNode column = builder.field(field.getIndex());
            RelDataType served = servedType(typeFactory, field);
            column = served.equals(field.getType())
                    ? column
                    : cluster.getRexBuilder().makeCast(served, column, true, false);
            // Masked in the projection every use of the table starts from: no join, filter or view sees past it.
            columns.add(
                    personalDataMask == null
                            ? column
                            : personalDataMask.apply(
                                    cluster.getRexBuilder(),
                                    jdbcTable.jdbcSchemaName,
                                    jdbcTable.jdbcTableName,
                                    field.getName(),
                                    column));
            names.add(field.getName());
        }
        return builder.project(columns, names, true).build();
    }

    /**
     * The table's row policy for the session, checked against the very row type the plan reads, so a table that
     * changed since the server started is refused rather than served wrong; {@code null} without a row filter.
     */
    private RowPolicy checkedPolicy(JdbcTable jdbcTable, RelDataType physicalType) {
        if (regionFilter == null) {
            return null;
        }
        String table = jdbcTable.jdbcSchemaName + "." + jdbcTable.jdbcTableName;
        String problem = policy.misfit(physicalType.getFieldNames());
        if (problem != null) {
            throw new IllegalStateException("table " + table + " is not visible to regional managers: " + problem);
        }
        return policy;
    }

    private RexNode inRegions(RelBuilder builder, RexNode region) {
        List<RexNode> matches = new ArrayList<>();
        for (String allowed : regionFilter.regions()) {
            matches.add(builder.equals(region, builder.literal(allowed)));
        }
        return builder.or(matches);
    }

    /**
     * Keeps the rows on top of {@code builder} whose customer column holds a golden customer of the user's regions:
     * an inner join with the distinct customer ids of those regions, then the table's own columns again. Rows with
     * a null or unknown customer drop out. The join is in the table's JDBC convention, so DuckDB runs it.
     */
    private void joinCustomersOfRegions(
            RelOptTable.ToRelContext context,
            RelOptTable relOptTable,
            RelBuilder builder,
            int customerColumn,
            int columnCount) {
        JdbcTable customers = customerRegions.get();
        RelDataType customersType = customers.getRowType(context.getCluster().getTypeFactory());
        RelOptTable customersTable = RelOptTableImpl.create(
                relOptTable.getRelOptSchema(),
                customersType,
                customers,
                ImmutableList.of(customers.jdbcSchemaName, customers.jdbcTableName));
        builder.push(customers.toRel(context, customersTable));
        builder.filter(
                inRegions(builder, builder.field(RegionRowFilter.columnIndex(customersType, RowPolicy.REGION_COLUMN))));
        builder.project(builder.field(RegionRowFilter.columnIndex(customersType, RowPolicy.CUSTOMER_COLUMN)));
        builder.aggregate(builder.groupKey(0));
        builder.join(JoinRelType.INNER, builder.equals(builder.field(2, 0, customerColumn), builder.field(2, 1, 0)));
        List<RexNode> own = new ArrayList<>();
        for (int i = 0; i < columnCount; i++) {
            own.add(builder.field(i));
        }
        builder.project(own);
    }

    /**
     * The row type with DuckDB's text columns as {@code VARCHAR} without a length. Calcite's JDBC adapter reads them
     * as {@code VARCHAR(0)} (DuckDB reports no size), and where the planner turns a column into a constant, e.g. the
     * region column under a regional manager's filter {@code sales_region = 'Nord'} grouped with other columns, it
     * casts the constant to that type: {@code CAST('Nord' AS VARCHAR(0))}, the empty string.
     */
    private static RelDataType unboundedText(RelDataTypeFactory typeFactory, RelDataType rowType) {
        RelDataTypeFactory.Builder fixed = typeFactory.builder();
        for (RelDataTypeField field : rowType.getFieldList()) {
            RelDataType type = field.getType();
            boolean text = type.getSqlTypeName() == SqlTypeName.VARCHAR || type.getSqlTypeName() == SqlTypeName.CHAR;
            fixed.add(
                    field.getName(),
                    text && type.getPrecision() == 0
                            ? typeFactory.createTypeWithNullability(
                                    typeFactory.createSqlType(SqlTypeName.VARCHAR), type.isNullable())
                            : type);
        }
        return fixed.build();
    }

    private RelDataType servedType(RelDataTypeFactory typeFactory, RelDataTypeField field) {
        RelDataType type = field.getType();
        if (type.getSqlTypeName() != SqlTypeName.ANY) {
            return type;
        }
        String duckDbType = duckDbTypeNames().getOrDefault(field.getName(), "");
        RelDataType served = duckDbType.endsWith("HUGEINT")
                ? typeFactory.createSqlType(SqlTypeName.DECIMAL, HUGEINT_PRECISION, 0)
                : typeFactory.createSqlType(SqlTypeName.VARCHAR);
        return typeFactory.createTypeWithNullability(served, true);
    }

    /** DuckDB's type names of this table's columns, read once and only if a column needs them. */
    private Map<String, String> duckDbTypeNames() {
        Map<String, String> names = duckDbTypeNames;
        if (names != null) {
            return names;
        }
        names = new HashMap<>();
        JdbcTable jdbcTable = physical.get();
        try (Connection connection = warehouse.getConnection();
                ResultSet columns = connection
                        .getMetaData()
                        .getColumns(
                                jdbcTable.jdbcCatalogName, jdbcTable.jdbcSchemaName, jdbcTable.jdbcTableName, null)) {
            while (columns.next()) {
                names.put(
                        columns.getString("COLUMN_NAME"),
                        columns.getString("TYPE_NAME").toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the column types of " + jdbcTable.jdbcSchemaName + "." + jdbcTable.jdbcTableName + ": "
                            + e.getMessage(),
                    e);
        }
        duckDbTypeNames = names;
        return names;
    }
}
