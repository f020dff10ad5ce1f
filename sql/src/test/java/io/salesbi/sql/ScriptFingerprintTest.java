package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void aTableTheWarehouseLacksRunsTheScriptAndFailsTheRecordIfStillMissing() throws Exception {
        ScriptFingerprint fingerprint =
                ScriptFingerprint.of("sql/validate/99_example.sql", """
                -- Skipped when unchanged: runs only when a table it names changed.
                insert into staging.not_there select * from raw.erp_product;
                """).orElseThrow();
        try (Connection conn = TestWarehouse.migrated(dir)) {
            // a staging table the script creates on its first run (a new source's) is no reason to fail: it runs
            assertThat(fingerprint.unchanged(conn, TableChecksums.none())).isFalse();
            assertThatThrownBy(() -> fingerprint.record(conn, TableChecksums.none()))
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

            // nothing changed: every marked script is skipped (a new source's too); order lines have their own
            // incremental logic
            List<String> marked = ClasspathScripts.list("sql/validate").stream()
                    .filter(script -> ClasspathScripts.read(script).contains(ScriptFingerprint.MARKER))
                    .toList();
            assertThat(marked).doesNotContain("sql/validate/40_erp_order_line.sql");
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts())
                    .containsExactlyElementsOf(marked)
                    .contains(
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

            // a credit note dated after the as-of date (2025-06-30): its script runs and refuses it
            TestWarehouse.execute(conn, """
                    insert into raw.erp_credit_note (_load_id, _source_file, _file_hash, _row_number, credit_note_no,
                        credit_date, debtor_no, document_no, product_no, amount, currency, reason)
                    values (8, 'erp_credit_notes_20250701.csv', 'h8', 2, 'G98', date '2025-07-15', '100001', 'D1',
                        'P1', 20, 'EUR', 'Kulanz')""");
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts())
                    .doesNotContain("sql/validate/50_erp_credit_note.sql");
            assertThat(TestWarehouse.rows(
                            conn, "select count(*) from staging.erp_credit_note where credit_note_no = 'G98'"))
                    .containsExactly(List.of("0"));

            // a later as-of date that no dated row crosses: the scripts that compare only their dates with it
            // (and declare so) stay skipped, since they would classify every row as before
            TestWarehouse.execute(conn, "update ops.parameter set value = '2025-07-10' where name = 'as_of_date'");
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts())
                    .contains(
                            "sql/validate/10_erp_product.sql",
                            "sql/validate/20_erp_debtor.sql",
                            "sql/validate/50_erp_credit_note.sql",
                            "sql/validate/90_crm_contact_activity.sql");

            // an as-of date G98 is no longer after: the credit notes' script runs and stages it
            TestWarehouse.execute(conn, "update ops.parameter set value = '2025-07-31' where name = 'as_of_date'");
            List<String> skipped = SqlScripts.runFolder(conn, "validate").skippedScripts();
            assertThat(skipped)
                    .contains("sql/validate/10_erp_product.sql", "sql/validate/90_crm_contact_activity.sql")
                    .doesNotContain("sql/validate/50_erp_credit_note.sql");
            assertThat(TestWarehouse.rows(
                            conn, "select amount from staging.erp_credit_note where credit_note_no = 'G98'"))
                    .containsExactly(List.of("20.00"));

            // --full: everything runs
            TestWarehouse.execute(conn, "update ops.parameter set value = 'true' where name = 'full_rebuild'");
            assertThat(SqlScripts.runFolder(conn, "validate").skippedScripts()).isEmpty();
        }
    }

    @Test
    void namesTheTablesAScriptWritesWhateverTheStatement() {
        assertThat(ScriptFingerprint.writtenTables("""
                -- insert into core.in_a_comment
                create or replace temp table c as select * from raw.erp_product;
                insert into staging.a select * from c;
                INSERT OR REPLACE INTO "staging"."b" select 1;
                delete from core.c where x in (select y from raw.erp_debtor);
                update ops.d set v = 1;
                create table if not exists core.e (x int);
                create or replace table core.f as select 1;
                drop table if exists core.g;
                alter table core.h add column y int;
                truncate core.i;
                copy ref.j from 'x.csv';
                merge into core.k using c on true when matched then delete;
                insert into temp_table_without_schema select 1;
                """))
                .containsExactly(
                        "core.c",
                        "core.e",
                        "core.f",
                        "core.g",
                        "core.h",
                        "core.i",
                        "core.k",
                        "ops.d",
                        "ref.j",
                        "staging.a",
                        "staging.b");
    }

    /**
     * The checksum of a table no script of a folder writes is taken once per folder run: that holds only if every
     * write of every bundled script is seen. Each statement of the bundled scripts that writes a schema-qualified
     * table (read by its first words, independently of the pattern) must name it among the written tables.
     */
    @Test
    void everyWriteOfEveryBundledScriptIsSeen() {
        Pattern target = Pattern.compile(
                "^(?:insert\\s+(?:or\\s+\\w+\\s+)?into|delete\\s+from|update|merge\\s+into|truncate|copy"
                        + "|(?:create|drop|alter)\\s+(?:or\\s+replace\\s+)?table(?:\\s+if\\s+(?:not\\s+)?exists)?)"
                        + "\\s+([\\w.\"]+)",
                Pattern.CASE_INSENSITIVE);
        int writes = 0;
        for (String folder : List.of("validate", "consolidate", "assert")) {
            for (String script : ClasspathScripts.list("sql/" + folder)) {
                String text = SqlTemplates.expand(ClasspathScripts.read(script));
                Set<String> written = ScriptFingerprint.writtenTables(text);
                for (SqlStatementSplitter.ScriptStatement statement : SqlStatementSplitter.split(text)) {
                    String code = statement.sql().replaceAll("--[^\\n]*", "").strip();
                    Matcher m = target.matcher(code);
                    // the schemas a fingerprint covers (quarantine rows are not part of it)
                    if (m.find() && m.group(1).replace("\"", "").matches("(?i)(raw|staging|core|ops|ref)\\..+")) {
                        writes++;
                        assertThat(written)
                                .as(
                                        "%s statement %d: %s",
                                        script, statement.number(), code.lines().findFirst())
                                .contains(m.group(1).replace("\"", "").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertThat(writes).as("writes found in the bundled scripts").isGreaterThan(20);
    }

    @Test
    void aTablesChecksumIsKeptUntilAScriptThatWritesItHasRun() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            TestWarehouse.execute(
                    conn,
                    "create table raw.read_only (x int)",
                    "create table staging.written (x int)",
                    "insert into raw.read_only values (1)",
                    "insert into staging.written values (1)");
            TableChecksums checksums = TableChecksums.forFolder();
            String readOnly = checksums.of(conn, "raw.read_only");
            String written = checksums.of(conn, "staging.written");
            assertThat(readOnly).startsWith("raw.read_only=1:");
            assertThat(written).startsWith("staging.written=1:");

            TestWarehouse.execute(
                    conn, "insert into raw.read_only values (2)", "insert into staging.written values (2)");
            checksums.written(ScriptFingerprint.writtenTables("insert into staging.written select 2"));

            assertThat(checksums.of(conn, "raw.read_only")).isEqualTo(readOnly);
            assertThat(checksums.of(conn, "staging.written")).startsWith("staging.written=2:");
            assertThat(checksums.kept()).isEqualTo(2);
            assertThat(TableChecksums.none().of(conn, "raw.read_only")).startsWith("raw.read_only=2:");
        }
    }

    /** Warehouses that ran nights before the checksums were kept per folder do not run every script once more. */
    @Test
    void theFingerprintIsTheOneTheSingleQueryBeforeGave() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            SqlScripts.runFolder(conn, "validate");
            String script = "sql/validate/50_erp_credit_note.sql";
            ScriptFingerprint fingerprint = ScriptFingerprint.of(
                            script, SqlTemplates.expand(ClasspathScripts.read(script)))
                    .orElseThrow();
            List<String> parts = new java.util.ArrayList<>();
            for (String table : fingerprint.tables()) {
                parts.add("(select '" + table + "=' || count(*) || ':' || coalesce(sum(hash(t)), 0) from " + table
                        + " t)");
            }
            if (!fingerprint.parameters().isEmpty()) {
                parts.add("(select string_agg(name || '=' || coalesce(value, ''), ';' order by name) from "
                        + "ops.parameter where name in ('" + String.join("', '", fingerprint.parameters()) + "'))");
            }
            assertThat(fingerprint.asOfColumns()).containsExactly("raw.erp_credit_note.credit_date");
            parts.add("(select 'raw.erp_credit_note.credit_date after as-of=' || count(*) from raw.erp_credit_note"
                    + " where credit_date > ops.as_of_date())");
            String before = TestWarehouse.single(conn, "select md5(concat_ws('/', " + String.join(", ", parts) + "))");

            assertThat(TestWarehouse.single(
                            conn, "select fingerprint from ops.script_state where script = '" + script + "'"))
                    .isEqualTo(before);
        }
    }

    @Test
    void aDeclaredAsOfColumnMustBeOneTheScriptReads() {
        assertThatThrownBy(() -> ScriptFingerprint.of("sql/validate/99_example.sql", """
                        -- Skipped when unchanged: runs only when a table it names changed.
                        -- As-of date: compared only with raw.crm_activity.activity_date (refused when later).
                        insert into staging.example select * from raw.erp_credit_note where credit_date <= ops.as_of_date();
                        """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sql/validate/99_example.sql declares the as-of date compared with"
                        + " raw.crm_activity.activity_date, but its code does not read raw.crm_activity");
    }
}
