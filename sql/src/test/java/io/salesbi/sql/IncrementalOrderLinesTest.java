package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night with one new order line file is validated and consolidated incrementally (only the new rows and the lines
 * rejected as dated in the future are checked) and ends exactly where a full rebuild of the same warehouse ends.
 */
class IncrementalOrderLinesTest {

    /** Load 6: a new line, a correction, a correction that now breaks a rule, a fix of a rejected line, no key. */
    private static final String NEW_FILE = """
            insert into raw.erp_order_line (_load_id, _source_file, _file_hash, _row_number, document_no, line_no,
                document_date, debtor_no, product_no, quantity, list_price, net_price, discount_pct, currency, sales_channel)
            values
                (6, 'erp_order_lines_20250731.csv', 'h6', 2, 'D13', 1, date '2025-07-20', '100003', 'P2', 3, 50, 50, 0, 'EUR', 'E-Shop'),
                (6, 'erp_order_lines_20250731.csv', 'h6', 3, 'D1', 1, date '2024-03-10', '100001', 'P1', 12, 100, 90, 10, 'EUR', 'Außendienst'),
                (6, 'erp_order_lines_20250731.csv', 'h6', 4, 'D2', 2, date '2024-05-05', '100002', 'P9', 10, 50, 45, 10, 'EUR', 'E-Shop'),
                (6, 'erp_order_lines_20250731.csv', 'h6', 5, 'D7', 1, date '2025-02-01', '100001', 'P1', 1, 100, 100, 0, 'EUR', 'Außendienst'),
                (6, 'erp_order_lines_20250731.csv', 'h6', 6, null, 1, date '2025-07-01', '100001', 'P1', 1, 100, 100, 0, 'EUR', 'Außendienst')
            """;

    @TempDir
    Path dir;

    @Test
    void newFileIsValidatedAloneAndEndsLikeAFullRebuild() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            assertThat(TestWarehouse.rows(conn, "select after_load_id from order_line_run"))
                    .containsExactly(List.of("0"));

            TestWarehouse.execute(
                    conn, NEW_FILE, "update ops.parameter set value = '2025-07-31' where name = 'as_of_date'");
            FixtureWarehouse.runValidateAndConsolidate(conn);

            // validation took only rows after load 3; consolidation replaced only the keys validation touched
            assertThat(TestWarehouse.rows(conn, "select after_load_id from order_line_run"))
                    .containsExactly(List.of("3"));
            assertThat(TestWarehouse.rows(conn, "select document_no, line_no from order_line_key order by all"))
                    .containsExactly(
                            List.of("D1", "1"),
                            List.of("D13", "1"),
                            List.of("D2", "2"),
                            List.of("D7", "1"),
                            List.of("D9", "1"));
            assertThat(TestWarehouse.rows(conn, "select full_rebuild from fact_order_line_run"))
                    .containsExactly(List.of("false"));
            assertThat(TestWarehouse.rows(conn, "select count(*) from staging.erp_order_line_changed"))
                    .containsExactly(List.of("0"));
            assertThat(TestWarehouse.rows(
                            conn, "select distinct document_no, line_no from ops.order_line_consolidated order by all"))
                    .containsExactly(
                            List.of("D1", "1"),
                            List.of("D13", "1"),
                            List.of("D2", "2"),
                            List.of("D7", "1"),
                            List.of("D9", "1"));
            // 9 lines before; D13/1 new, D7/1 now valid, D9/1 no longer after the as-of date, D2/2 now rejected
            assertThat(TestWarehouse.rows(conn, """
                    select document_no, line_no, quantity, _load_id from core.fact_order_line
                    where document_no in ('D1', 'D2', 'D7', 'D9', 'D13') order by all"""))
                    .containsExactly(
                            List.of("D1", "1", "12.000", "6"),
                            List.of("D13", "1", "3.000", "6"),
                            List.of("D2", "1", "5.000", "3"),
                            List.of("D7", "1", "1.000", "6"),
                            List.of("D9", "1", "1.000", "3"));
            assertThat(TestWarehouse.rows(conn, "select count(*) from core.fact_order_line"))
                    .containsExactly(List.of("11"));
            // D7/1 (unknown product) and D9/1 (future date) left the quarantine; the new D2/2 and the keyless row
            // entered
            assertThat(TestWarehouse.rows(conn, """
                    select rule, load_id, row_number from quarantine.rejected_row
                    where rule like 'order_line.%' order by all"""))
                    .containsExactly(
                            List.of("order_line.missing_fx_rate", "3", "15"),
                            List.of("order_line.missing_key", "6", "6"),
                            List.of("order_line.net_above_list", "3", "12"),
                            List.of("order_line.non_positive_quantity", "3", "14"),
                            List.of("order_line.unknown_product", "6", "4"));
            Map<String, List<List<String>>> incremental = snapshot(conn);

            TestWarehouse.execute(conn, "update ops.parameter set value = 'true' where name = 'full_rebuild'");
            FixtureWarehouse.runValidateAndConsolidate(conn);

            assertThat(TestWarehouse.rows(conn, "select after_load_id from order_line_run"))
                    .containsExactly(List.of("0"));
            assertSameContent(snapshot(conn), incremental);
        }
    }

    @Test
    void aFutureLineDeliveredAgainIsReplacedAndLaterAcceptedInItsNewVersion() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);

            // D9/1 (dated 2025-07-15, after the as-of date 2025-06-30) delivered again with quantity 2: still too early
            TestWarehouse.execute(conn, """
                    insert into raw.erp_order_line (_load_id, _source_file, _file_hash, _row_number, document_no, line_no,
                        document_date, debtor_no, product_no, quantity, list_price, net_price, discount_pct, currency,
                        sales_channel)
                    values (6, 'erp_order_lines_20250701.csv', 'h6', 2, 'D9', 1, date '2025-07-15', '100001', 'P1',
                        2, 100, 100, 0, 'EUR', 'Außendienst')""");
            FixtureWarehouse.runValidateAndConsolidate(conn);
            assertThat(TestWarehouse.rows(conn, """
                    select load_id, row_number from quarantine.rejected_row where rule = 'order_line.future_date'""")).containsExactly(List.of("6", "2"));

            // the date has passed: the new delivery, not the first, reaches the facts
            TestWarehouse.execute(conn, "update ops.parameter set value = '2025-07-31' where name = 'as_of_date'");
            FixtureWarehouse.runValidateAndConsolidate(conn);
            assertThat(TestWarehouse.rows(conn, "select after_load_id from order_line_run"))
                    .containsExactly(List.of("6"));
            assertThat(TestWarehouse.rows(
                            conn, "select quantity, _load_id from core.fact_order_line where document_no = 'D9'"))
                    .containsExactly(List.of("2.000", "6"));
            assertThat(TestWarehouse.rows(
                            conn, "select count(*) from quarantine.rejected_row where rule = 'order_line.future_date'"))
                    .containsExactly(List.of("0"));
            Map<String, List<List<String>>> incremental = snapshot(conn);

            TestWarehouse.execute(conn, "update ops.parameter set value = 'true' where name = 'full_rebuild'");
            FixtureWarehouse.runValidateAndConsolidate(conn);
            assertSameContent(snapshot(conn), incremental);
        }
    }

    @Test
    void creditNotesAreRebuiltOnlyWhereTheNewOrderLinesCanMoveThem() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            // two credit notes of documents the ERP export does not hold: they take the channel of the debtor's
            // latest order up to the credit date (CN1 of the fixture credits D4, an EDI order of 100002)
            TestWarehouse.execute(conn, """
                    insert into raw.erp_credit_note (_load_id, _source_file, _file_hash, _row_number, credit_note_no,
                        credit_date, debtor_no, document_no, product_no, amount, currency, reason)
                    values
                        (3, 'erp_credit_notes_20250630.csv', 'h3', 3, 'CN2', date '2025-03-01', '100001', 'X404', 'P1', 50, 'EUR', 'Kulanz'),
                        (3, 'erp_credit_notes_20250630.csv', 'h3', 4, 'CN3', date '2025-04-01', '100003', 'X405', 'P1', 30, 'EUR', 'Kulanz')""", "update ops.parameter set value = '41' where name = 'run_id'");
            FixtureWarehouse.runValidateAndConsolidate(conn);
            // 100001's latest valid order before 2025-03-01 is D3 (2025-01-15, field sales; D7 and D8 are rejected),
            // 100003's before 2025-04-01 is D5 (2025-03-10, inside sales)
            assertThat(TestWarehouse.rows(conn, """
                    select credit_note_no, channel_code, channel_document_no, channel_line_no, channel_document_date
                    from core.fact_credit_note order by 1"""))
                    .containsExactly(
                            List.of("CN1", "EDI", "D4", "1", "2025-01-20"),
                            List.of("CN2", "FIELD_SALES", "D3", "2", "2025-01-15"),
                            List.of("CN3", "INSIDE_SALES", "D5", "1", "2025-03-10"));

            // the next night: a web shop order of 100001 on 2025-02-20, before CN2's date; one of 100003 on
            // 2025-05-01, after CN3's; and D5/1, CN3's channel line, corrected to the web shop
            TestWarehouse.execute(conn, """
                    insert into raw.erp_order_line (_load_id, _source_file, _file_hash, _row_number, document_no, line_no,
                        document_date, debtor_no, product_no, quantity, list_price, net_price, discount_pct, currency,
                        sales_channel)
                    values
                        (6, 'erp_order_lines_20250701.csv', 'h6', 2, 'D20', 1, date '2025-02-20', '100001', 'P1',
                            1, 100, 100, 0, 'EUR', 'E-Shop'),
                        (6, 'erp_order_lines_20250701.csv', 'h6', 3, 'D21', 1, date '2025-05-01', '100003', 'P1',
                            1, 100, 100, 0, 'EUR', 'E-Shop'),
                        (6, 'erp_order_lines_20250701.csv', 'h6', 4, 'D5', 1, date '2025-03-10', '100003', 'P1',
                            10, 125, 100, 20, 'USD', 'E-Shop')""", "update ops.parameter set value = '42' where name = 'run_id'");
            FixtureWarehouse.runValidateAndConsolidate(conn);

            // CN1 (its document D4 unchanged) untouched; CN2 took the later of its channel line D3/2 and D20/1; CN3's
            // channel line D5/1 was replaced, so it was rebuilt (D21 came after its date)
            assertThat(TestWarehouse.rows(conn, """
                    select mode, rows_processed, run_id from ops.incremental_state where subject = 'credit_note_fact'""")).containsExactly(List.of("incremental", "2", "42"));
            assertThat(TestWarehouse.rows(conn, "select credit_note_no, how from credit_note_affected order by 1"))
                    .containsExactly(List.of("CN2", "latest"), List.of("CN3", "full"));
            assertThat(TestWarehouse.rows(conn, """
                    select credit_note_no, channel_code, channel_document_no, channel_line_no, channel_document_date
                    from core.fact_credit_note order by 1"""))
                    .containsExactly(
                            List.of("CN1", "EDI", "D4", "1", "2025-01-20"),
                            List.of("CN2", "WEB_SHOP", "D20", "1", "2025-02-20"),
                            List.of("CN3", "WEB_SHOP", "D5", "1", "2025-03-10"));
            Map<String, List<List<String>>> incremental = snapshot(conn);

            TestWarehouse.execute(conn, "update ops.parameter set value = 'true' where name = 'full_rebuild'");
            FixtureWarehouse.runValidateAndConsolidate(conn);
            assertThat(TestWarehouse.rows(conn, """
                    select mode, rows_processed from ops.incremental_state where subject = 'credit_note_fact'""")).containsExactly(List.of("full", "3"));
            // (the comparison below holds the channel lines too)
            assertSameContent(snapshot(conn), incremental);
        }
    }

    private static void assertSameContent(
            Map<String, List<List<String>>> actual, Map<String, List<List<String>>> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((relation, rows) ->
                assertThat(actual.get(relation)).as(relation).isEqualTo(rows));
    }

    /** Every row of the order line tables, the rejections (but their run ids) and the KPI views, sorted. */
    private static Map<String, List<List<String>>> snapshot(Connection conn) throws Exception {
        Map<String, List<List<String>>> snapshot = new LinkedHashMap<>();
        List<List<String>> relations = TestWarehouse.rows(conn, """
                select table_schema || '.' || table_name from information_schema.tables
                where table_schema in ('kpi', 'core') or table_name in ('erp_order_line', 'rejected_row')
                order by 1""");
        for (List<String> relation : relations) {
            String name = relation.get(0);
            // a rejection keeps the run id of the night that found it, unless a --full night finds it again
            String columns = name.equals("quarantine.rejected_row") ? "* exclude (run_id)" : "*";
            snapshot.put(name, TestWarehouse.rows(conn, "select " + columns + " from " + name + " order by all"));
        }
        return snapshot;
    }
}
