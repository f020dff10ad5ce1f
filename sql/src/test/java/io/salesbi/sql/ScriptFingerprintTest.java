package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script marked "Skipped when unchanged" runs again exactly when something it names or reads changed. */
class ScriptFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void namesTheTablesAndParametersOfTheCodeNotOfItsComments() {
        ScriptFingerprint fingerprint =
                ScriptFingerprint.of("sql/validate/99_example.sql", """
                -- Example: raw.erp_product -> staging.example (a comment names raw.not_read)
                -- Skipped when unchanged: runs only when a table it names or a parameter it reads changed.
                create or replace temp table example_candidate as
                select *, ops.param('run_id') as run, ops.param_double('abc_a_cutoff') as cutoff
                from raw.erp_product p join staging.erp_debtor d on d.debtor_no = p.product_no
                where p.valid_from <= ops.as_of_date() and ops.param( 'shared_cost_channels' ) is not null;
                insert into staging.example select * from example_candidate;
                """).orElseThrow();

        assertThat(fingerprint.tables()).containsExactly("raw.erp_product", "staging.erp_debtor", "staging.example");
        assertThat(fingerprint.parameters()).containsExactly("abc_a_cutoff", "shared_cost_channels");
        assertThat(ScriptFingerprint.of("sql/validate/98_plain.sql", "delete from staging.example;"))
                .isEmpty();
    }

    @Test
    void aTableTheWarehouseLacksFailsWithTheScriptAndItsTables() throws Exception {
        ScriptFingerprint fingerprint =
                ScriptFingerprint.of("sql/validate/99_example.sql", """
                -- Skipped when unchanged: runs only when a table it names changed.
                insert into staging.not_there select * from raw.erp_product;
                """).orElseThrow();
        try (Connection conn = TestWarehouse.migrated(dir)) {
            assertThatThrownBy(() -> fingerprint.unchanged(conn))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("sql/validate/99_example.sql: cannot take the checksum of the tables it "
                            + "names (raw.erp_product, staging.not_there) and the parameters it reads (): ")
                    .hasMessageContaining("not_there");
        }
    }

    @Test
    void aScriptRunsAgainOnlyWhenATableItNamesOrTheAsOfDateChangedOrTheNightIsFull() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts()).isEmpty();
            List<List<String>> creditNotes =
                    TestWarehouse.rows(conn, "select * from staging.erp_credit_note order by all");

            // nothing changed: every marked script is skipped; order lines have their own incremental logic
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts())
                    .containsExactly(
                            "sql/validate/05_customer_source_keys.sql",
                            "sql/validate/10_erp_product.sql",
                            "sql/validate/20_erp_debtor.sql",
                            "sql/validate/30_erp_fx_rate.sql",
                            "sql/validate/50_erp_credit_note.sql",
                            "sql/validate/60_channel_cost.sql",
                            "sql/validate/70_market_volume.sql",
                            "sql/validate/80_service_driver.sql",
                            "sql/validate/85_sales_plan.sql",
                            "sql/validate/90_crm_contact_activity.sql",
                            "sql/validate/95_survey.sql");
            assertThat(TestWarehouse.rows(conn, "select * from staging.erp_credit_note order by all"))
                    .isEqualTo(creditNotes);

            // a new raw credit note: its script runs and stages it; the other scripts stay skipped
            TestWarehouse.execute(conn, """
                    insert into raw.erp_credit_note (_load_id, _source_file, _file_hash, _row_number, credit_note_no,
                        credit_date, debtor_no, document_no, product_no, amount, currency, reason)
                    values (7, 'erp_credit_notes_20250630.csv', 'h7', 2, 'G99', date '2025-06-01', '100001', 'D1',
                        'P1', 10, 'EUR', 'Kulanz')""");
            ScriptRunSummary afterDelivery = SqlScripts.runFolder(conn, "validate");
            assertThat(afterDelivery.skippedScripts())
                    .doesNotContain("sql/validate/50_erp_credit_note.sql")
                    .contains("sql/validate/80_service_driver.sql", "sql/validate/90_crm_contact_activity.sql");
            assertThat(TestWarehouse.rows(
                            conn, "select amount from staging.erp_credit_note where credit_note_no = 'G99'"))
                    .containsExactly(List.of("10.00"));

            // a staged row changed behind the script's back: it runs and restores what raw says
            TestWarehouse.execute(conn, "delete from staging.erp_credit_note where credit_note_no = 'G99'");
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts())
                    .doesNotContain("sql/validate/50_erp_credit_note.sql");
            assertThat(TestWarehouse.rows(
                            conn, "select count(*) from staging.erp_credit_note where credit_note_no = 'G99'"))
                    .containsExactly(List.of("1"));

            // a later as-of date: the scripts whose rules compare dates with it run; the others stay skipped
            TestWarehouse.execute(conn, "update ops.parameter set value = '2025-07-31' where name = 'as_of_date'");
            List<String> skipped = SqlScripts.runFolder(conn, "validate").skippedScripts();
            assertThat(skipped)
                    .contains("sql/validate/10_erp_product.sql", "sql/validate/20_erp_debtor.sql")
                    .doesNotContain("sql/validate/50_erp_credit_note.sql", "sql/validate/90_crm_contact_activity.sql");

            // --full: everything runs
            TestWarehouse.execute(conn, "update ops.parameter set value = 'true' where name = 'full_rebuild'");
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts()).isEmpty();
        }
    }
}
