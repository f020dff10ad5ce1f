package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a won opportunity's ERP order arrived is 75_opportunity_order.sql's part, so that new order lines do not
 * rebuild the opportunities (70_opportunity.sql) every night: on the six deals of {@code pipeline-six-deals.sql}, O1
 * (won, order D3 in the ERP) and O3 (won, order D99 not yet delivered).
 */
class OpportunityOrderTest {

    private static final String OPPORTUNITIES = "sql/consolidate/70_opportunity.sql";
    private static final String ORDERS = "sql/consolidate/75_opportunity_order.sql";

    @TempDir
    Path dir;

    @Test
    void newOrderLinesRunOnlyTheOrderCheckAndTheOpportunitiesKeepItsAnswer() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.load(conn, FixtureWarehouse.PIPELINE_SIX_DEALS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            assertThat(found(conn)).containsExactly(List.of("O1", "true"), List.of("O3", "false"));
            // the first night's answer for O1 came after the opportunities were built: they are built once more,
            // keeping it, and from then on nothing runs again
            assertThat(SqlScripts.runFolder(conn, "consolidate").skippedScripts())
                    .doesNotContain(OPPORTUNITIES)
                    .contains(ORDERS);
            assertThat(SqlScripts.runFolder(conn, "consolidate").skippedScripts())
                    .contains(OPPORTUNITIES, ORDERS);
            assertThat(found(conn)).containsExactly(List.of("O1", "true"), List.of("O3", "false"));

            // given the ERP delivers order D99 (a line like D3's under the new number)
            TestWarehouse.execute(conn, """
                    insert into raw.erp_order_line
                    select * replace ('D99' as document_no, 999 as _row_number)
                    from raw.erp_order_line where document_no = 'D3' limit 1""");

            // then only the order check runs among the two, and O3's order is found
            SqlScripts.runFolder(conn, "validate");
            assertThat(SqlScripts.runFolder(conn, "consolidate").skippedScripts())
                    .contains(OPPORTUNITIES)
                    .doesNotContain(ORDERS);
            assertThat(found(conn)).containsExactly(List.of("O1", "true"), List.of("O3", "true"));
            // a later night without deliveries: the opportunities are built once more with the answer, then rest
            assertThat(SqlScripts.runFolder(conn, "consolidate").skippedScripts())
                    .doesNotContain(OPPORTUNITIES);
            assertThat(found(conn)).containsExactly(List.of("O1", "true"), List.of("O3", "true"));
            assertThat(SqlScripts.runFolder(conn, "consolidate").skippedScripts())
                    .contains(OPPORTUNITIES, ORDERS);
        }
    }

    private static List<List<String>> found(Connection conn) throws Exception {
        return TestWarehouse.rows(
                conn, "select opportunity_id, erp_order_found from core.opportunity where status = 'won' order by 1");
    }
}
