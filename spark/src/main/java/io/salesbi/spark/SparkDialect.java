package io.salesbi.spark;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a KPI view statement of the warehouse (DuckDB) into the statement Spark SQL runs. The view SQL is kept in a
 * subset both engines understand (checked by PortableViewSqlTest and proven by SparkKpisIT); what cannot be
 * portable is rewritten here, by these rules and no others:
 * <ol>
 *     <li>the parameter macros {@code ops.param('x')}, {@code ops.param_double('x')} and {@code ops.as_of_date()}
 *     become literals of the export's {@code ops.parameter} (Spark has no SQL macros), with the macros'
 *     semantics: an empty value is null, a null as-of date is today;</li>
 *     <li>{@code create or replace view schema.name} becomes a temporary view {@code schema_name}, and every
 *     {@code core.x} / {@code kpi.x} / {@code ref.x} reference {@code core_x} / {@code kpi_x} / {@code ref_x} (Spark's temporary views have
 *     one-part names; no catalog, metastore or warehouse directory is touched);</li>
 *     <li>the type name {@code varchar} without a length becomes {@code string} (Spark requires a length);</li>
 *     <li>{@code to_months(n)} becomes {@code make_ym_interval(0, n)} (the same year-month interval);</li>
 *     <li>the macro {@code ops.datediff(end, start)} becomes Spark's {@code datediff(end, start)} (whole days from
 *     start to end; the warehouse's macro has Spark's argument order for this reason);</li>
 *     <li>a double-quoted identifier becomes a back-quoted one (Spark reads {@code "x"} as a string).</li>
 * </ol>
 * Rules apply to code only, never inside string literals or comments.
 */
final class SparkDialect {

    private static final Pattern PARAM = Pattern.compile(
            "(?i)\\bops\\.(param|param_double)\\s*\\(\\s*('(?:[^']|'')*')\\s*\\)|\\bops\\.as_of_date\\s*\\(\\s*\\)");
    private static final Pattern CREATE_VIEW = Pattern.compile("(?i)^\\s*create\\s+or\\s+replace\\s+view\\s");
    private static final Pattern QUALIFIED = Pattern.compile("(?i)\\b(core|kpi|ref)\\.([a-z_][a-z0-9_]*)\\b");
    private static final Pattern VARCHAR = Pattern.compile("(?i)\\bvarchar\\b(?!\\s*\\()");
    private static final Pattern TO_MONTHS = Pattern.compile("(?i)\\bto_months\\s*\\(");
    private static final Pattern DATEDIFF = Pattern.compile("(?i)\\bops\\.datediff\\s*\\(");

    private final Map<String, String> parameters;

    /** @param parameters name to value, as in ops.parameter (a value may be null) */
    SparkDialect(Map<String, String> parameters) {
        this.parameters = new TreeMap<>(parameters);
    }

    /** The Spark name of a warehouse relation: {@code kpi.market_share} is {@code kpi_market_share}. */
    static String sparkName(String qualified) {
        return qualified.toLowerCase(Locale.ROOT).replace('.', '_');
    }

    /** The Spark statement creating the temporary view for a warehouse view statement. */
    String translate(String duckdbSql) {
        StringBuilder out = new StringBuilder();
        for (SqlText.Segment s : SqlText.segments(duckdbSql)) {
            switch (s.kind()) {
                case CODE -> out.append(rewriteCode(s.text(), out.isEmpty()));
                case IDENTIFIER ->
                    out.append('`').append(s.text(), 1, s.text().length() - 1).append('`');
                case COMMENT -> out.append(' ');
                default -> out.append(s.text());
            }
        }
        // parameters last: a value becomes a Spark literal (backslash escapes), which the segmenting above would
        // misread
        return expandMacros(out.toString()).strip();
    }

    private static String rewriteCode(String code, boolean first) {
        String c = code;
        if (first) {
            c = CREATE_VIEW.matcher(c).replaceFirst("create or replace temporary view ");
        }
        c = QUALIFIED.matcher(c).replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT) + "_" + m.group(2));
        c = VARCHAR.matcher(c).replaceAll("string");
        c = TO_MONTHS.matcher(c).replaceAll("make_ym_interval(0, ");
        c = DATEDIFF.matcher(c).replaceAll("datediff(");
        return c;
    }

    /**
     * Replaces the parameter macros (comments dropped first). A macro call spans a code segment and the string
     * literal of its argument, so it is matched on the whole text and kept only where it starts in code.
     */
    private String expandMacros(String sql) {
        String text = SqlText.mapCode(sql, code -> code);
        boolean[] inCode = new boolean[text.length()];
        int at = 0;
        for (SqlText.Segment s : SqlText.segments(text)) {
            if (s.kind() == SqlText.Kind.CODE) {
                java.util.Arrays.fill(inCode, at, at + s.text().length(), true);
            }
            at += s.text().length();
        }
        Matcher m = PARAM.matcher(text);
        StringBuilder result = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (!inCode[m.start()]) {
                continue;
            }
            result.append(text, last, m.start());
            if (m.group(1) == null) {
                result.append("coalesce(cast(").append(literal("as_of_date")).append(" as date), current_date())");
            } else {
                String name = unquote(m.group(2));
                result.append(
                        m.group(1).equalsIgnoreCase("param") ? literal(name) : "cast(" + literal(name) + " as double)");
            }
            last = m.end();
        }
        result.append(text.substring(last));
        return result.toString();
    }

    /** The parameter as ops.param returns it: trimmed, empty is null; a Spark string literal or a typed null. */
    String literal(String name) {
        String value = parameters.get(name);
        if (value == null || value.strip().isEmpty()) {
            return "cast(null as string)";
        }
        return "'" + value.strip().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String unquote(String literal) {
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }
}
