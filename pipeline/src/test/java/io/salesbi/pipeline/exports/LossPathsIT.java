package io.salesbi.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways a delivered row used to disappear without a trace, each now counted per file in kpi.dq_file_rows (what
 * {@code salesbi history} shows): CRM accounts without an id are quarantined, and a later row with the same key
 * supersedes an earlier one, within a file and across deliveries.
 */
class LossPathsIT {

    private static final String HEADER = "Account ID,Account Name,Street,Postal Code,City,Country,Phone,Email,Website,"
            + "VAT ID,ERP Debtor No,Industry,Sales Region,Account Owner,Wallet Estimate EUR,Created Date\n";

    @TempDir
    Path home;

    @Test
    void accountsWithoutIdAreQuarantinedAndRepeatedKeysAreCountedAsSuperseded() throws Exception {
        // given a CRM export with an account without id and one account twice, then a second export with that
        // account once more
        // (a steward's own mapping that does not mark the id required, as real CRM exports are often mapped)
        Path mappings = Files.createDirectories(home.resolve("mappings"));
        Files.writeString(mappings.resolve("crm_accounts.yaml"), """
                name: crm_accounts
                inbox: crm
                file-pattern: "crm_accounts*.csv"
                target: raw.crm_account
                fields:
                  - { column: "Account ID", field: account_id, type: string }
                  - { column: "Account Name", field: account_name, type: string }
                  - { column: "Street", field: street, type: string }
                  - { column: "Postal Code", field: postcode, type: string }
                  - { column: "City", field: city, type: string }
                  - { column: "Country", field: country, type: string }
                  - { column: "Industry", field: industry, type: string }
                  - { column: "Sales Region", field: sales_region, type: string }
                """);
        Files.writeString(home.resolve("salesbi.yaml"), "mappings: ./mappings\n");
        Path crm = Files.createDirectories(home.resolve("inbox/crm"));
        Files.writeString(
                crm.resolve("crm_accounts_20260110.csv"),
                HEADER
                        + "A-1,Brandt Maschinenbau GmbH,Hauptstr. 1,70173,Stuttgart,DE,,,,,,Maschinenbau,Süd,Meier,,2020-01-01\n"
                        + ",Ohne Nummer AG,Ring 2,20095,Hamburg,DE,,,,,,Maschinenbau,Nord,Meier,,2020-01-01\n"
                        + "A-2,Hofmann Lebensmittel AG,Allee 3,20095,Hamburg,DE,,,,,,Lebensmittelindustrie,Nord,Kurz,,2020-01-01\n"
                        + "A-1,Brandt Maschinenbau GmbH,Hauptstr. 10,70173,Stuttgart,DE,,,,,,Maschinenbau,Süd,Meier,,2020-01-01\n");
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            new NightlyRun(settings, warehouse).execute(LocalDate.of(2026, 1, 15), false);
            // then 4 rows: 2 current (A-1's second row, A-2), 1 quarantined (no id), 1 superseded (A-1's first row)
            assertThat(WarehouseRows.of(
                            warehouse,
                            "select file_name, rows_delivered, rows_current, rows_quarantined,"
                                    + " rows_filtered, rows_superseded from kpi.dq_file_rows"))
                    .containsExactly(List.of("crm_accounts_20260110.csv", 4L, 2L, 1L, 0L, 1L));
            assertThat(WarehouseRows.of(warehouse, "select row_number, rule, message from quarantine.rejected_row"))
                    .containsExactly(List.of(
                            3L,
                            "crm_account.missing_key",
                            "CRM account 'Ohne Nummer AG' has no Account ID; expected" + " the CRM's account id"));

            Files.writeString(
                    crm.resolve("crm_accounts_20260111.csv"),
                    HEADER
                            + "A-1,Brandt Maschinenbau GmbH,Hauptstr. 12,70173,Stuttgart,DE,,,,,,Maschinenbau,Süd,Meier,,"
                            + "2020-01-01\n");
            new NightlyRun(settings, warehouse).execute(LocalDate.of(2026, 1, 16), false);

            // the next delivery's A-1 supersedes the first file's: nothing is lost, every row is explained
            assertThat(WarehouseRows.of(
                            warehouse,
                            "select file_name, rows_delivered, rows_current, rows_quarantined,"
                                    + " rows_filtered, rows_superseded from kpi.dq_file_rows order by load_id"))
                    .containsExactly(
                            List.of("crm_accounts_20260110.csv", 4L, 1L, 1L, 0L, 2L),
                            List.of("crm_accounts_20260111.csv", 1L, 1L, 0L, 0L, 0L));
        }
    }
}
