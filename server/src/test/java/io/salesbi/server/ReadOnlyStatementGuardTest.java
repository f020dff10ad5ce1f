package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyStatementGuardTest {

    private final ReadOnlyStatementGuard guard = new ReadOnlyStatementGuard();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "select * from kpi.market_share",
                "SELECT sales_region, sum(revenue_eur) FROM kpi.market_share GROUP BY sales_region ORDER BY 2 DESC",
                "with nord as (select * from kpi.market_share where sales_region = 'Nord') select count(*) from nord",
                "select 1 union all select 2",
                "values (1, 'a')",
                "explain plan for select * from kpi.market_share",
                "select \"segment\" from \"kpi\".\"market_share\" fetch first 5 rows only"
            })
    void letsQueriesThrough(String sql) {
        assertThat(guard.check(sql)).isEqualTo(sql);
    }

    @Test
    void aRememberedQueryComesBackAsTheSameQuery() {
        String first = guard.check("select * from kpi.market_share;");

        assertThat(guard.check("select * from kpi.market_share;"))
                .isSameAs(first)
                .isEqualTo("select * from kpi.market_share");
    }

    @Test
    void aRefusedStatementIsRefusedEveryTimeEvenAfterQueriesWereRemembered() {
        guard.check("select * from kpi.market_share");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> guard.check("delete from core.market_fact"))
                    .isInstanceOf(StatementRefusedException.class)
                    .hasMessage("read-only endpoint: DELETE statements are not allowed, only SELECT queries");
        }
    }

    @Test
    void dropsOneTrailingSemicolon() {
        assertThat(guard.check("select 1;  \n")).isEqualTo("select 1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "insert into core.market_fact (sales_region) values ('x')",
                "update core.market_fact set units = 0",
                "delete from core.market_fact",
                "merge into core.market_fact t using kpi.market_share s on t.units = s.units when matched then update set units = 0",
                "set schema = 'raw'",
                "set enable_external_access = true",
                "alter session set x = 1"
            })
    void refusesStatementsThatAreNotQueries(String sql) {
        assertThatThrownBy(() -> guard.check(sql))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("read-only endpoint")
                .hasMessageContaining("statements are not allowed, only SELECT queries");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "select * form kpi.market_share",
                "-- revenue by region\nselect sales_region, sum(revenue_eur) from kpi.market_share group sales_region",
                "(select 1 from)",
                "with t as (select 1) selec * from t",
                "selec 1",
                "slect sales_region\nfrom kpi.market_share",
                "from kpi.market_share select sales_region"
            })
    void aQueryThatDoesNotParseIsASyntaxErrorWithItsPositionNotARefusal(String sql) {
        assertThatThrownBy(() -> guard.check(sql)).isInstanceOfSatisfying(AvaticaRuntimeException.class, e -> {
            assertThat(e.getSqlState()).isEqualTo("42000");
            assertThat(e.getErrorMessage())
                    .containsPattern("^SQL syntax error at line \\d+, column \\d+: ")
                    .doesNotContain("read-only endpoint");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "create table kpi.x (a int)",
                "drop view kpi.market_share",
                "attach '/tmp/other.duckdb' as other",
                "copy core.market_fact to '/tmp/leak.csv'",
                "install httpfs",
                "load httpfs",
                "pragma database_list",
                "select 1; drop table core.market_fact",
                "checkpoint"
            })
    void refusesWhatCalciteCannotEvenParse(String sql) {
        assertThatThrownBy(() -> guard.check(sql))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("read-only endpoint: only a single SELECT query is allowed");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "select * from table(read_csv('/etc/passwd'))",
                "select * from table(read_parquet('/data/*.parquet'))",
                "select * from table(glob('/home/*'))",
                "select * from kpi.market_share where segment in (select file from table(glob('*')))",
                "select * from table(READ_CSV_AUTO('x.csv'))",
                "select * from table(duckdb_tables())"
            })
    void refusesFileAndCatalogFunctions(String sql) {
        assertThatThrownBy(() -> guard.check(sql))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageMatching("read-only endpoint: function \\w+ is not allowed .*");
    }

    @Test
    void refusesEmptyStatements() {
        assertThatThrownBy(() -> guard.check("  ")).hasMessage("empty SQL statement");
    }
}
