package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/** The dashboard SQL runs unchanged through the JDBC endpoint (Calcite's parser) and in DuckDB. */
class DashboardQueriesTest {

    /** The parser settings of the JDBC endpoint (sql module: CalciteSessionFactory, ReadOnlyStatementGuard). */
    private static final SqlParser.Config ENDPOINT_PARSER = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false);

    @Test
    void everyQueryParsesWithTheJdbcEndpointsParser() {
        assertThat(DashboardQueries.all())
                .hasSize(44)
                .allSatisfy((dataset, sql) -> assertThatCode(
                                () -> SqlParser.create(sql, ENDPOINT_PARSER).parseQuery())
                        .as(dataset)
                        .doesNotThrowAnyException());
    }

    @Test
    void listsTheDatasetsInAStableOrder() {
        assertThat(DashboardQueries.all().keySet())
                .startsWith("cube", "market", "pnl")
                .endsWith(
                        "summary",
                        "pipelineOpen",
                        "pipelineFunnel",
                        "pipelineWinRate",
                        "pipelineReturn",
                        "pipelineCoverage",
                        "pipelineStalled",
                        "pipelineUnworked");
    }

    @Test
    void buyingCenterTakesSegmentAndRegionFromTheLatestYearThatHasThem() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS);
                Statement statement = conn.createStatement()) {
            // given C0000001 without an industry in 2026 and without a region in 2027
            statement.execute("""
                    create or replace table kpi.customer_value as
                    select * from (values
                        ('C0000001', 2025, 'Maschinenbau', 'Nord'),
                        ('C0000001', 2026, null, 'Süd'),
                        ('C0000001', 2027, null, null)
                    ) as v(customer_id, year, industry, sales_region)""");

            // when
            List<String> rows = new ArrayList<>();
            try (ResultSet result =
                    statement.executeQuery(DashboardQueries.all().get("buyingCenter"))) {
                while (result.next()) {
                    rows.add(result.getString("id") + " " + result.getString("role") + " " + result.getString("segment")
                            + " " + result.getString("region"));
                }
            }

            // then 2025's industry and 2026's region, as arg_max(industry, year) and arg_max(sales_region, year) give
            // (C0000002 has no customer_value row left)
            assertThat(rows)
                    .containsExactly(
                            "C0000002 purchaser null null",
                            "C0000001 decision_maker Maschinenbau Süd",
                            "C0000001 purchaser Maschinenbau Süd");
        }
    }
}
