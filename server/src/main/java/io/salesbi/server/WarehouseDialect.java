package io.salesbi.server;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL Calcite sends to DuckDB. Calcite 1.42 does not recognise DuckDB's JDBC product name and would fall back to
 * the ANSI dialect, which writes {@code CAST(x AS VARCHAR CHARACTER SET "ISO-8859-1")}; DuckDB rejects that. This
 * is Calcite's DuckDB dialect with plain {@code VARCHAR} casts.
 */
final class WarehouseDialect extends DuckDBSqlDialect {

    static final WarehouseDialect INSTANCE = new WarehouseDialect();

    private WarehouseDialect() {
        super(DuckDBSqlDialect.DEFAULT_CONTEXT);
    }

    /**
     * DuckDB refuses aggregate and window function calls inside an aggregate's argument; saying so makes Calcite
     * write such an input as a sub-query (row_number() feeding max(), as in the dashboards' buying-center query).
     */
    @Override
    public boolean supportsNestedAggregations() {
        return false;
    }

    /** Also {@code PERCENTILE_CONT} (what {@code median(x)} becomes, {@link DuckDbFunctions}): DuckDB has it. */
    @Override
    public boolean supportsAggregateFunction(SqlKind kind) {
        return kind == SqlKind.PERCENTILE_CONT || super.supportsAggregateFunction(kind);
    }

    @Override
    public SqlNode getCastSpec(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.VARCHAR || name == SqlTypeName.CHAR) {
            return new SqlDataTypeSpec(
                    new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, SqlParserPos.ZERO), SqlParserPos.ZERO);
        }
        return super.getCastSpec(type);
    }
}
