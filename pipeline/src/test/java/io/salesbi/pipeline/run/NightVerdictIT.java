package io.salesbi.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.matching.TestWarehouse;
import io.salesbi.pipeline.run.NightVerdict.RejectedFile;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict on a night's files, decided in SQL from hand-written load records and quarantined rows. */
class NightVerdictIT {

    private static final String LOADS = """
            insert into ops.file_load (load_id, run_id, source, file_name, file_hash, status, rows_delivered,
                rows_loaded, rows_rejected, reason_code, started_at, max_reject_ratio) values
            (1, 1, 'erp_debtors', 'debtors.csv', 'h1', 'LOADED', 10, 10, 0, null, now(), 0.2),
            (2, 2, 'erp_debtors', 'debtors_at_limit.csv', 'h2', 'LOADED', 10, 9, 1, null, now(), 0.2),
            (3, 2, 'erp_order_lines', 'orders_mostly_bad.csv', 'h3', 'LOADED', 4, 3, 1, null, now(), 0.2),
            (4, 2, 'erp_order_lines', 'orders_again.csv', 'h3', 'DUPLICATE', 0, 0, 0, 'duplicate', now(), 0.2),
            (5, 2, 'crm_accounts', 'accounts.xlsx', 'h5', 'FAILED', 0, 0, 0, 'missing_column', now(), 0.2)""";

    private static final String QUARANTINE = """
            insert into quarantine.rejected_row (load_id, run_id, stage, source, source_file, sheet, row_number,
                column_name, raw_value, rule, message) values
            (1, 1, 'validate', 'erp', 'debtors.csv', null, 2, 'vat_id', 'x', 'debtor.invalid_vat', 'm'),
            (2, 2, 'validate', 'erp', 'debtors_at_limit.csv', null, 2, 'vat_id', 'x', 'debtor.invalid_vat', 'm'),
            (2, 2, 'validate', 'erp', 'debtors_at_limit.csv', null, 3, 'vat_id', 'x', 'debtor.invalid_vat', 'm'),
            (3, 2, 'ingest', 'erp_order_lines', 'orders_mostly_bad.csv', null, 2, 'Menge', 'viele', 'invalid_number', 'm'),
            (3, 2, 'validate', 'erp', 'orders_mostly_bad.csv', null, 3, 'debtor_no', 'D9', 'order_line.unknown_debtor', 'm'),
            (3, 2, 'validate', 'erp', 'orders_mostly_bad.csv', null, 3, 'product_no', 'P9', 'order_line.unknown_product', 'm'),
            (3, 2, 'validate', 'erp', 'orders_mostly_bad.csv', null, 4, 'debtor_no', 'D9', 'order_line.unknown_debtor', 'm')""";

    @Test
    void filesAboveTheirRatioInAnyStageAndFilesFailedAsAWholeAreRejected(@TempDir Path tmp) throws Exception {
        try (Connection conn = TestWarehouse.create(tmp)) {
            TestWarehouse.execute(conn, LOADS);
            TestWarehouse.execute(conn, QUARANTINE);

            NightVerdict verdict = NightVerdict.decide(conn, 2);

            // debtors_at_limit: 2 of 10 = 20 %, not above its 20 %; orders: rows 2, 3, 4 of 4 = 75 % across stages
            assertThat(verdict.warnings()).isTrue();
            assertThat(verdict.message()).isEqualTo("2 of 3 files rejected");
            assertThat(verdict.rejectedFiles())
                    .containsExactly(
                            new RejectedFile(
                                    3,
                                    "erp_order_lines",
                                    "orders_mostly_bad.csv",
                                    4,
                                    3,
                                    0.2,
                                    "order_line.unknown_debtor",
                                    2,
                                    "order_line.unknown_debtor 2; invalid_number 1; order_line.unknown_product 1"),
                            new RejectedFile(
                                    5,
                                    "crm_accounts",
                                    "accounts.xlsx",
                                    0,
                                    0,
                                    0.2,
                                    "missing_column",
                                    0,
                                    "missing_column"));
            assertThat(verdict.rejectedFiles().get(0).describe())
                    .isEqualTo("orders_mostly_bad.csv (erp_order_lines): "
                            + "3 of 4 rows quarantined (75 %, limit 20 %); rule order_line.unknown_debtor: 2 rows "
                            + "(order_line.unknown_debtor 2; invalid_number 1; order_line.unknown_product 1)");
            assertThat(TestWarehouse.rows(
                            conn,
                            "select run_id, outcome, files_taken, files_rejected, rows_delivered, "
                                    + "rows_passed from ops.night_outcome"))
                    .containsExactly("2|COMPLETED_WITH_WARNINGS|3|2|14|9");
        }
    }

    @Test
    void aNightWhoseRowsAllEndInQuarantineWarnsEvenWhenItsMappingAllowsIt(@TempDir Path tmp) throws Exception {
        try (Connection conn = TestWarehouse.create(tmp)) {
            TestWarehouse.execute(conn, """
                    insert into ops.file_load (load_id, run_id, source, file_name, file_hash, status, rows_delivered,
                        rows_loaded, rows_rejected, started_at, max_reject_ratio) values
                    (1, 1, 'erp_order_lines', 'orders.csv', 'h1', 'LOADED', 2, 2, 0, now(), 1.0)""");
            TestWarehouse.execute(conn, """
                    insert into quarantine.rejected_row (load_id, run_id, stage, source, row_number, rule, message)
                    values (1, 1, 'validate', 'erp', 2, 'order_line.unknown_channel', 'm'),
                           (1, 1, 'validate', 'erp', 3, 'order_line.unknown_channel', 'm')""");

            NightVerdict verdict = NightVerdict.decide(conn, 1);

            assertThat(verdict.rejectedFiles()).isEmpty();
            assertThat(verdict.warnings()).isTrue();
            assertThat(verdict.message())
                    .isEqualTo("none of the 2 rows delivered passed validation: nothing new reaches the KPIs");
        }
    }

    @Test
    void aNightWithNothingNewAndAGoodNightAreNotWarnings(@TempDir Path tmp) throws Exception {
        try (Connection conn = TestWarehouse.create(tmp)) {
            TestWarehouse.execute(conn, LOADS);
            TestWarehouse.execute(conn, QUARANTINE);

            NightVerdict good = NightVerdict.decide(conn, 1);
            NightVerdict nothingNew = NightVerdict.decide(conn, 3);
            NightVerdict decidedAgain = NightVerdict.decide(conn, 1);

            assertThat(good).isEqualTo(new NightVerdict(false, null, java.util.List.of()));
            assertThat(nothingNew).isEqualTo(good);
            assertThat(decidedAgain).isEqualTo(good);
            assertThat(TestWarehouse.rows(
                            conn,
                            "select run_id, outcome, files_taken, rows_delivered, rows_passed "
                                    + "from ops.night_outcome order by run_id"))
                    .containsExactly("1|COMPLETED|1|10|9", "3|COMPLETED|0|0|0");
            assertThat(TestWarehouse.rows(
                            conn,
                            "select load_id, rows_quarantined, quarantined_share, rejected "
                                    + "from ops.file_outcome where run_id = 1"))
                    .containsExactly("1|1|0.1|false");
        }
    }
}
