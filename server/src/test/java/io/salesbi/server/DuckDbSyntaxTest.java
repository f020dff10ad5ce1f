package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuckDbSyntaxTest {

    private static final String GROUP_BY_ALL = "\"" + DuckDbSyntax.GROUP_BY_ALL_MARKER + "\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "select a::int from t|select CAST(a AS integer) from t",
                "select t.a::varchar(10) from s.t|select CAST(t.a AS varchar(10)) from s.t",
                "select \"T\".\"a\"::text from t|select CAST(\"T\".\"a\" AS varchar) from t",
                "select '2026-01-01'::date, x from t|select CAST('2026-01-01' AS date), x from t",
                "select 1.5::decimal(18, 2)|select CAST(1.5 AS decimal(18, 2))",
                "select sum(x)::bigint from t|select CAST(sum(x) AS bigint) from t",
                "select (a + b)::double precision from t|select CAST((a + b) AS double precision) from t",
                "select d::date::text from t|select CAST(CAST(d AS date) AS varchar) from t",
                "select date '2026-01-01'::varchar|select CAST(date '2026-01-01' AS varchar)",
                "select case when a then 1 else 2 end::text from t|select CAST(case when a then 1 else 2 end AS varchar) from t",
                "select a from t where (b)::int8 > 1|select a from t where CAST((b) AS bigint) > 1",
                "select ts::timestamp with time zone from t|select CAST(ts AS timestamp with time zone) from t"
            })
    void infixCastsBecomeCasts(String sql, String expected) {
        assertThat(DuckDbSyntax.rewrite(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "select 'a::b', \"x::y\" /* c::d */ from t -- e::f",
                "select a from t group by all_columns",
                "select a from t group by all a",
                "select ::int from t"
            })
    void textWithoutSuchSyntaxIsLeftAlone(String sql) {
        assertThat(DuckDbSyntax.rewrite(sql)).isEqualTo(sql);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "select a, sum(b) from t group by all|select a, sum(b) from t group by ALL_MARK",
                "select a, sum(b) from t GROUP BY ALL order by a|select a, sum(b) from t GROUP BY ALL_MARK order by a",
                "select * from (select a, count(*) from t group by all) x|"
                        + "select * from (select a, count(*) from t group by ALL_MARK) x",
                "select a, count(*) from t group by\t all having count(*) > 1|"
                        + "select a, count(*) from t group by\t ALL_MARK having count(*) > 1"
            })
    void groupByAllLeavesTheMarker(String sql, String expected) {
        assertThat(DuckDbSyntax.rewrite(sql)).isEqualTo(expected.replace("ALL_MARK", GROUP_BY_ALL));
    }
}
