package io.salesbi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.junit.jupiter.api.Test;

/**
 * The KPI view SQL stays in the subset DuckDB and Spark SQL both run (after SparkDialect's few rules): a view that
 * can run over an export uses none of the DuckDB-only constructs below, and Spark's parser accepts it. (The
 * data-quality and survey views read the night's own tables, which no export holds; they may use DuckDB-only SQL
 * such as unpivot.)
 * What it computes on Spark is proven equal to DuckDB by SparkKpisIT.
 */
class PortableViewSqlTest {

    /** DuckDB-only syntax and functions, each with the portable way to say it. */
    private static final Map<String, String> DUCKDB_ONLY = Map.ofEntries(
            Map.entry("\\bqualify\\b", "a subquery with row_number() and a where"),
            Map.entry(
                    "\\*\\s*(rename|exclude|replace)\\s*\\(",
                    "list the columns, or name them right where they are made"),
            Map.entry("\\b(arg_max|arg_min)\\s*\\(", "row_number() over (partition by ... order by ...) = 1"),
            Map.entry("::", "cast(x as type)"),
            Map.entry("\\b(list|struct_pack|row|list_value|array_agg|unnest)\\s*\\(", "no nested types in KPI views"),
            Map.entry(
                    "(?<!ops\\.)\\b(strftime|strptime|date_diff|date_sub|datediff|epoch|epoch_ms|today)\\s*\\(",
                    "make_date, extract, date arithmetic, ops.datediff(end, start) or a parameter"),
            Map.entry(
                    "\\bdate\\s*'[^']*'\\s*-\\s*\\w|\\bas_of_date\\s*\\(\\s*\\)\\s*-\\s*(?!to_months)\\w",
                    "ops.datediff(end, start): DuckDB subtracts dates to days, Spark to an interval"),
            Map.entry("\\b(string_agg|group_concat|listagg)\\s*\\(", "no string aggregates in KPI views"),
            Map.entry("\\bilike\\b|\\bglob\\b|\\bsimilar\\s+to\\b", "lower(x) like '...'"),
            Map.entry(
                    "\\b(hugeint|ubigint|uinteger|utinyint|usmallint|uuid|timestamptz)\\b", "bigint, decimal, varchar"),
            Map.entry(
                    "\\bpositional\\s+join\\b|\\basof\\s+join\\b|\\banti\\s+join\\b|\\bsemi\\s+join\\b",
                    "not exists / exists"),
            Map.entry("\\bcolumns\\s*\\(", "name the columns"),
            Map.entry("//", "cast(a / b as bigint)"));

    @Test
    void viewsThatRunOverAnExportUseNoDuckDbOnlyConstruct() {
        KpiViews.Plan plan = KpiViews.plan(KpiViews.load(), KpiViewsTest.EXPORT_CORE);
        List<String> problems = new ArrayList<>();
        for (KpiViews.View view : plan.runnable()) {
            String code = SqlText.codeOnly(view.sql()).toLowerCase(java.util.Locale.ROOT);
            DUCKDB_ONLY.forEach((regex, instead) -> {
                Matcher m = Pattern.compile(regex).matcher(code);
                if (m.find()) {
                    problems.add(view.script() + ": " + view.name() + " uses '"
                            + m.group().strip() + "', which Spark does not run; instead: " + instead);
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(plan.runnable()).hasSizeGreaterThanOrEqualTo(21);
    }

    @Test
    void sparksParserAcceptsEveryTranslatedViewThatRunsOverAnExport() throws Exception {
        SparkSqlParser parser = new SparkSqlParser();
        SparkDialect dialect = new SparkDialect(Map.of("as_of_date", "2026-01-15"));
        List<String> problems = new ArrayList<>();
        for (KpiViews.View view :
                KpiViews.plan(KpiViews.load(), KpiViewsTest.EXPORT_CORE).runnable()) {
            String sql = dialect.translate(view.sql());
            try {
                parser.parsePlan(sql);
            } catch (Exception e) { // Spark's ParseException is checked, thrown from Scala
                problems.add(view.script() + ": " + view.name() + ": "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(problems).isEmpty();
    }
}
