package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiDocsTest {

    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path DOCS = Path.of("..", "docs", "kpis.md");

    @TempDir
    Path dir;

    @Test
    void docsKpisMdIsGeneratedFromTheCurrentViewHeaders() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            String generated = KpiDocs.render(conn);
            if (Boolean.getBoolean("kpidocs.update")) {
                Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
            }

            String committed = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "";
            assertThat(committed)
                    .as("docs/kpis.md is out of date; regenerate it: ./mvnw -B -q -pl sql -am test -Dtest=KpiDocsTest"
                            + " -Dkpidocs.update=true -Dsurefire.failIfNoSpecifiedTests=false")
                    .isEqualTo(generated);
            assertThat(generated)
                    .contains(
                            "## kpi.market_share",
                            "| `cost_per_visit_eur` | `450` |",
                            "`roi` double",
                            "| Policy | customer(customer_id) |",
                            "| core.customer_match_pair | `hidden` | not visible |");
        }
    }

    @Test
    void headerIsParsedIntoItsFieldsWithContinuationLines() {
        String sql = """
                -- kpi.example
                -- What: an example.
                -- One row: customer.
                -- Key: customer_id.
                -- Formula: a = b / c;
                --   d = e.
                -- Sources: core.x.
                -- Caveats: none.
                -- Policy: customer(customer_id)
                create or replace view kpi.example as select 1 as a;
                """;

        KpiHeader header = KpiHeader.parse("R__kpi_example.sql", sql).get(0);

        assertThat(header.view()).isEqualTo("kpi.example");
        assertThat(header.fields())
                .containsEntry("Formula", "a = b / c; d = e.")
                .containsEntry("Caveats", "none.")
                .containsEntry("Policy", "customer(customer_id)");
    }

    @Test
    void viewWithoutPolicyIsRejectedNamingScriptAndView() {
        String sql = """
                -- kpi.example
                -- What: an example.
                -- One row: customer.
                -- Key: customer_id.
                -- Formula: a.
                -- Sources: core.x.
                -- Caveats: none.
                create or replace view kpi.example as select 1 as a;
                """;

        assertThatThrownBy(() -> KpiHeader.parse("R__kpi_example.sql", sql))
                .hasMessage("R__kpi_example.sql: header of kpi.example lacks the field 'Policy'");
    }

    @Test
    void viewWithoutCaveatsIsRejectedNamingScriptAndView() {
        String sql = """
                -- kpi.example
                -- What: an example.
                -- One row: customer.
                -- Key: customer_id.
                -- Formula: a.
                -- Sources: core.x.
                create or replace view kpi.example as select 1 as a;
                """;

        assertThatThrownBy(() -> KpiHeader.parse("R__kpi_example.sql", sql))
                .hasMessage("R__kpi_example.sql: header of kpi.example lacks the field 'Caveats'");
    }
}
