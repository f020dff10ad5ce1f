package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline's rule for key indexes (V1__baseline.sql, head): a table the night fills carries no primary key or
 * unique index unless it stays as small as a catalogue, because DuckDB commits a delete and re-insert of the same
 * keys through such an index at seconds per 50,000 rows (issue #22: core.opportunity_history, 1.65 M rows at scale
 * 100, took 16.4 s to commit with its key, 0.03 s without). Such tables name their key in a comment and
 * sql/assert/45_keys_unique.sql checks it before every publication. A new keyed table that a night script writes fails
 * here until it is either unkeyed or, being a catalogue that does not grow with orders, customers or activities,
 * added to the list below.
 */
class KeyIndexesTest {

    /** Keyed tables the night writes that stay small whatever the company's size: catalogues, settings, run log. */
    private static final Set<String> SMALL_KEYED_TABLES = Set.of(
            "core.dim_product", // the product catalogue
            "core.dim_region", // the sales regions of reference/regions.csv
            "core.fact_market_volume", // one row per industry, region and year of the market study
            "core.fx_rate", // one rate per currency and month
            "ops.incremental_state", // one row per incrementally built subject
            "staging.erp_fx_rate",
            "staging.erp_product",
            "staging.market_volume",
            "staging.survey_answer"); // one row per survey wave, respondent and question

    @TempDir
    Path dir;

    @Test
    void tablesTheNightFillsCarryNoKeyIndexUnlessTheyStaySmall() throws Exception {
        Set<String> written = new TreeSet<>();
        for (String folder : List.of("validate", "consolidate")) {
            for (String script : ClasspathScripts.list("sql/" + folder)) {
                written.addAll(ScriptFingerprint.writtenTables(SqlTemplates.expand(ClasspathScripts.read(script))));
            }
        }
        Set<String> keyed = new TreeSet<>();
        try (Connection conn = TestWarehouse.migrated(dir);
                Statement st = conn.createStatement();
                ResultSet rs =
                        st.executeQuery("select distinct schema_name || '.' || table_name from duckdb_constraints()"
                                + " where constraint_type in ('PRIMARY KEY', 'UNIQUE')")) {
            while (rs.next()) {
                keyed.add(rs.getString(1));
            }
        }
        assertThat(written).as("tables the bundled night scripts write").hasSizeGreaterThan(25);
        Set<String> keyedAndWritten = new TreeSet<>(keyed);
        keyedAndWritten.retainAll(written);
        assertThat(keyedAndWritten)
                .as("tables the night writes that carry a primary key or unique index (see this test's comment)")
                .isSubsetOf(SMALL_KEYED_TABLES)
                .contains("core.dim_product", "core.fx_rate");
    }
}
