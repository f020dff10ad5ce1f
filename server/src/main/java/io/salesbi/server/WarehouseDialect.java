package io.salesbi.server;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
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

    /**
     * What Calcite's DuckDB dialect cannot write: {@code FLOOR(x TO QUARTER)} (what {@code date_trunc('quarter', x)}
     * becomes) as {@code DATE_TRUNC('quarter', x)}.
     */
    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (call.getKind() == SqlKind.FLOOR && call.operandCount() == 2 && "QUARTER".equals(unitOf(call.operand(1)))) {
            writer.print("DATE_TRUNC('quarter', ");
            call.operand(0).unparse(writer, 0, 0);
            writer.print(")");
            return;
        }
        super.unparseCall(writer, call, leftPrec, rightPrec);
    }

    /** The time unit a FLOOR or TIMESTAMPDIFF operand names (YEAR, QUARTER, ...); null when it names none. */
    static String unitOf(SqlNode operand) {
        if (operand instanceof SqlIntervalQualifier qualifier) {
            return qualifier.timeUnitRange.startUnit.name();
        }
        if (operand instanceof SqlLiteral literal) {
            Object value = literal.getValue();
            if (value instanceof TimeUnitRange range) {
                return range.startUnit.name();
            }
            if (value instanceof TimeUnit unit) {
                return unit.name();
            }
        }
        return null;
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
