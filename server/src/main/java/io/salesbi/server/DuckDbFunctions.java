package io.salesbi.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * DuckDB's (PostgreSQL's) {@code date_trunc('month', x)}, which Calcite's function tables lack in this form, as the
 * standard {@code FLOOR(x TO MONTH)} that Calcite plans and sends to DuckDB as {@code DATE_TRUNC('MONTH', x)}. Only
 * a literal unit of year, month, day, hour, minute or second is rewritten; anything else (quarter, week) is left
 * for Calcite to report. And DuckDB's {@code median(x)} as {@code PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)},
 * which {@link WarehouseDialect} lets Calcite send to DuckDB.
 */
final class DuckDbFunctions extends SqlShuttle {

    /** The units Calcite's DuckDB dialect writes back as {@code DATE_TRUNC} (not quarter or week). */
    private static final Map<String, TimeUnit> UNITS = Map.of(
            "year",
            TimeUnit.YEAR,
            "month",
            TimeUnit.MONTH,
            "day",
            TimeUnit.DAY,
            "hour",
            TimeUnit.HOUR,
            "minute",
            TimeUnit.MINUTE,
            "second",
            TimeUnit.SECOND);

    private boolean changed;

    /** The query text with its {@code date_trunc} calls rewritten, or {@code sql} itself when it has none. */
    static String rewrite(String sql, SqlNode statement) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("date_trunc") && !lower.contains("median")) {
            return sql;
        }
        DuckDbFunctions rewriter = new DuckDbFunctions();
        SqlNode rewritten = statement.accept(rewriter);
        return rewriter.changed
                ? rewritten.toSqlString(CalciteSqlDialect.DEFAULT).getSql()
                : sql;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlCall result
                && result.getOperator().getName().equalsIgnoreCase("date_trunc")
                && result.operandCount() == 2
                && result.operand(0) instanceof SqlCharStringLiteral unit) {
            TimeUnit timeUnit = UNITS.get(unit.getValueAs(String.class).toLowerCase(Locale.ROOT));
            if (timeUnit != null) {
                changed = true;
                return SqlStdOperatorTable.FLOOR.createCall(
                        result.getParserPosition(),
                        result.operand(1),
                        new SqlIntervalQualifier(timeUnit, null, unit.getParserPosition()));
            }
        }
        if (visited instanceof SqlCall result
                && result.getOperator().getName().equalsIgnoreCase("median")
                && result.operandCount() == 1) {
            changed = true;
            SqlParserPos pos = result.getParserPosition();
            SqlNode percentile =
                    SqlStdOperatorTable.PERCENTILE_CONT.createCall(pos, SqlLiteral.createExactNumeric("0.5", pos));
            return SqlStdOperatorTable.WITHIN_GROUP.createCall(
                    pos, percentile, new SqlNodeList(List.of(result.operand(0)), pos));
        }
        return visited;
    }
}
