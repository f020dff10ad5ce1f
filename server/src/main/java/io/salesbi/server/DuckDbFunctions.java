package io.salesbi.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * DuckDB's (PostgreSQL's) {@code date_trunc('month', x)}, which Calcite's function tables lack in this form, as the
 * standard {@code FLOOR(x TO MONTH)} that Calcite plans and sends to DuckDB as {@code DATE_TRUNC('MONTH', x)}. Only
 * a literal unit of year, quarter, month, week (DuckDB's: weeks start on Monday), day, hour, minute or second is
 * rewritten; anything else is left for Calcite to report. DuckDB's {@code median(x)} as
 * {@code PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)}, which {@link WarehouseDialect} lets Calcite send to DuckDB.
 * {@code GROUP BY ALL} ({@link DuckDbSyntax} leaves a marker in its place) as {@code GROUP BY} every select-list
 * expression that holds no aggregate, as DuckDB reads it. And {@code TIMESTAMPDIFF(unit, a, b)} as
 * {@code EXTRACT}/{@code FLOOR} arithmetic that Calcite sends to DuckDB.
 */
final class DuckDbFunctions extends SqlShuttle {

    /**
     * The units Calcite's DuckDB dialect writes back as {@code DATE_TRUNC} (quarter through {@link WarehouseDialect}).
     */
    private static final Map<String, TimeUnit> UNITS = Map.of(
            "year",
            TimeUnit.YEAR,
            "quarter",
            TimeUnit.QUARTER,
            "month",
            TimeUnit.MONTH,
            "week",
            TimeUnit.WEEK,
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
        if (!lower.contains("date_trunc")
                && !lower.contains("median")
                && !lower.contains("timestampdiff")
                && !sql.contains(DuckDbSyntax.GROUP_BY_ALL_MARKER)) {
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
        if (visited instanceof SqlSelect select && isGroupByAll(select.getGroup())) {
            changed = true;
            select.setGroupBy(groupByAll(select));
            return select;
        }
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
                && result.getKind() == SqlKind.TIMESTAMP_DIFF
                && result.operandCount() == 3) {
            changed = true;
            return timestampDiff(result);
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

    /**
     * {@code TIMESTAMPDIFF(unit, a, b)}, which Calcite turns into arithmetic its DuckDB adapter cannot send, from
     * {@code EXTRACT} and {@code FLOOR}, which DuckDB runs: whole units from a to b, truncated toward zero, as
     * TIMESTAMPDIFF counts (January 31 to February 28 is 0 months). Seconds count in whole seconds.
     */
    private static SqlNode timestampDiff(SqlCall call) {
        String unit = WarehouseDialect.unitOf(call.operand(0));
        String a = "(" + call.operand(1).toSqlString(CalciteSqlDialect.DEFAULT).getSql() + ")";
        String b = "(" + call.operand(2).toSqlString(CalciteSqlDialect.DEFAULT).getSql() + ")";
        String seconds = "(EXTRACT(EPOCH FROM " + b + ") - EXTRACT(EPOCH FROM " + a + "))";
        String months = "((EXTRACT(YEAR FROM " + b + ") - EXTRACT(YEAR FROM " + a + ")) * 12 + EXTRACT(MONTH FROM " + b
                + ") - EXTRACT(MONTH FROM " + a + "))";
        String restOfB = "(EXTRACT(EPOCH FROM " + b + ") - EXTRACT(EPOCH FROM FLOOR(" + b + " TO MONTH)))";
        String restOfA = "(EXTRACT(EPOCH FROM " + a + ") - EXTRACT(EPOCH FROM FLOOR(" + a + " TO MONTH)))";
        String wholeMonths = "(CASE WHEN " + months + " > 0 AND " + restOfB + " < " + restOfA + " THEN " + months
                + " - 1 WHEN " + months + " < 0 AND " + restOfB + " > " + restOfA + " THEN " + months + " + 1 ELSE "
                + months + " END)";
        String expression = switch (unit == null ? "" : unit) {
            case "SECOND" -> truncated(seconds, 1);
            case "MINUTE" -> truncated(seconds, 60);
            case "HOUR" -> truncated(seconds, 3_600);
            case "DAY" -> truncated(seconds, 86_400);
            case "WEEK" -> truncated(seconds, 604_800);
            case "MONTH" -> truncated(wholeMonths, 1);
            case "QUARTER" -> truncated(wholeMonths, 3);
            case "YEAR" -> truncated(wholeMonths, 12);
            default ->
                throw new AvaticaRuntimeException(
                        "TIMESTAMPDIFF counts SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR here, not "
                                + unit,
                        -1,
                        "0A000",
                        AvaticaSeverity.ERROR);
        };
        try {
            return SqlParser.create(expression, ReadOnlyStatementGuard.PARSER).parseExpression();
        } catch (SqlParseException e) {
            throw new IllegalStateException("TIMESTAMPDIFF rewritten to unparsable SQL: " + expression, e);
        }
    }

    /** {@code value / unit} truncated toward zero, as INTEGER. */
    private static String truncated(String value, int unit) {
        return "CAST(SIGN(" + value + ") * FLOOR(ABS(" + value + ") / " + unit + ") AS INTEGER)";
    }

    private static boolean isGroupByAll(SqlNodeList group) {
        return group != null
                && group.size() == 1
                && group.get(0) instanceof SqlIdentifier name
                && name.isSimple()
                && name.getSimple().equals(DuckDbSyntax.GROUP_BY_ALL_MARKER);
    }

    /** The select list's expressions without aggregates (aliases dropped, literals left out), as DuckDB groups. */
    private static SqlNodeList groupByAll(SqlSelect select) {
        SqlNodeList keys = new SqlNodeList(select.getGroup().getParserPosition());
        for (SqlNode item : select.getSelectList()) {
            SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            if (expression instanceof SqlIdentifier name && name.isStar()) {
                throw new AvaticaRuntimeException(
                        "GROUP BY ALL cannot group by SELECT *: name the columns in the select list",
                        ReadOnlyStatementGuard.SYNTAX_ERROR_CODE,
                        ReadOnlyStatementGuard.SYNTAX_ERROR_STATE,
                        AvaticaSeverity.ERROR);
            }
            if (!(expression instanceof SqlLiteral) && !Boolean.TRUE.equals(expression.accept(new AggregateFinder()))) {
                keys.add(expression.clone(expression.getParserPosition()));
            }
        }
        return keys;
    }

    /** Whether an expression holds an aggregate call of its own query (not in a window or a sub-query). */
    private static final class AggregateFinder extends SqlBasicVisitor<Boolean> {

        private static final Set<String> AGGREGATES = Set.of(
                "count",
                "sum",
                "min",
                "max",
                "avg",
                "median",
                "string_agg",
                "listagg",
                "array_agg",
                "stddev",
                "stddev_pop",
                "stddev_samp",
                "variance",
                "var_pop",
                "var_samp",
                "percentile_cont",
                "percentile_disc",
                "mode",
                "any_value",
                "bool_and",
                "bool_or",
                "every",
                "count_if",
                "first",
                "last",
                "arg_max",
                "arg_min",
                "quantile",
                "quantile_cont",
                "quantile_disc",
                "product",
                "bit_and",
                "bit_or",
                "corr",
                "covar_pop",
                "covar_samp",
                "regr_slope",
                "regr_intercept",
                "approx_count_distinct",
                "group_concat",
                "fsum",
                "sumkahan",
                "kurtosis",
                "skewness",
                "entropy",
                "histogram");

        @Override
        public Boolean visit(SqlCall call) {
            SqlKind kind = call.getKind();
            if (kind == SqlKind.OVER || kind == SqlKind.SELECT || SqlKind.SET_QUERY.contains(kind)) {
                return false;
            }
            if (kind == SqlKind.WITHIN_GROUP
                    || kind == SqlKind.FILTER
                    || call.getOperator().isAggregator()
                    || AGGREGATES.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
                return true;
            }
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null && Boolean.TRUE.equals(operand.accept(this))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Boolean visit(SqlNodeList list) {
            for (SqlNode node : list) {
                if (node != null && Boolean.TRUE.equals(node.accept(this))) {
                    return true;
                }
            }
            return false;
        }
    }
}
