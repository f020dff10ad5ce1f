package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated files follow docs/inbox-formats.md: names, headers, encodings, title rows, merged headers, truth. */
class InboxFormatsTest {

    static GeneratedInbox inbox;
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        inbox = GeneratedInbox.shared(0.01, 7L);
        dir = inbox.root;
    }

    @Test
    void crmFilesAreUtf8WithBomAndTheContractHeaders() throws IOException {
        assertThat(firstLine(inbox.crm("accounts"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFAccount ID,Account Name,"
                        + "Street,Postal Code,City,Country,Phone,Email,Website,VAT ID,ERP Debtor No,Industry,Sales Region,"
                        + "Account Owner,Wallet Estimate EUR,Created Date");
        assertThat(firstLine(inbox.crm("contacts"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFContact ID,Account ID,First Name,Last Name,Buying Center Role,Email,Phone,Opted Out");
        assertThat(firstLine(inbox.crm("activities"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFActivity ID,Account ID,Contact ID,Activity Date,Channel,Journey Phase,Activity Type");
        assertThat(firstLine(inbox.crm("opportunities"), StandardCharsets.UTF_8))
                .isEqualTo(
                        "\uFEFFOpportunity ID,Account ID,Product Category,Stage,Amount EUR,Expected Close Date,Snapshot Date,"
                                + "Created Date,Closed Date,Lead Source,Channel,Opportunity Owner,Lost Reason,Margin %,ERP Order No");
        assertThat(firstLine(inbox.crm("opportunity_history"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFOpportunity ID,Changed Date,Stage,Amount EUR,Expected Close Date");
        byte[] head = Arrays.copyOf(Files.readAllBytes(inbox.crm("accounts")), 3);
        assertThat(head).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void crmValuesComeFromTheContractVocabularies() throws IOException {
        Set<String> roles = new HashSet<>();
        int contacts = 0;
        int optedOut = 0;
        for (CSVRecord r : GeneratedInbox.crmRows(inbox.crm("contacts"))) {
            roles.add(r.get("Buying Center Role"));
            assertThat(r.get("Opted Out")).isIn("true", "false");
            contacts++;
            if (r.get("Opted Out").equals("true")) {
                optedOut++;
                assertThat(CrmAccountWriter.optedOut(
                                Integer.parseInt(r.get("Contact ID").substring("CON-".length()))))
                        .isTrue();
            }
        }
        assertThat(roles)
                .isSubsetOf("Decision Maker", "Purchaser", "User", "Influencer")
                .contains("Purchaser");
        // consent: a few contacts opted out (about one in 25), most did not
        assertThat(optedOut).isPositive().isLessThan(contacts / 10);
        for (CSVRecord r : GeneratedInbox.crmRows(inbox.crm("activities"))) {
            assertThat(r.get("Channel")).isIn("Visit", "Phone", "E-Mail", "Webinar", "Trade Fair", "Web Shop");
            assertThat(r.get("Journey Phase"))
                    .isIn("Need Recognition", "Preselection", "Purchase", "Usage", "New Demand");
            assertThat(r.get("Activity Date")).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void erpFilesAreWindows1252WithSemicolonsAndGermanNumbers() throws IOException {
        assertThat(firstLine(inbox.erp("debtors"), CsvFile.WINDOWS_1252))
                .isEqualTo(
                        "Debitor;Name 1;Name 2;Strasse;PLZ;Ort;Land;USt-IdNr;Waehrung;Branche;Region;Betreuer;Telefon");
        assertThat(firstLine(inbox.erp("products"), CsvFile.WINDOWS_1252))
                .isEqualTo("Artikel;Bezeichnung;Warengruppe;Listenpreis;Standardkosten;Einheit");
        assertThat(firstLine(inbox.erp("order_lines"), CsvFile.WINDOWS_1252))
                .isEqualTo("Beleg;Position;Belegdatum;"
                        + "Debitor;Artikel;Menge;Listenpreis;Nettopreis;Rabatt %;Waehrung;Vertriebskanal");
        assertThat(firstLine(inbox.erp("credit_notes"), CsvFile.WINDOWS_1252))
                .isEqualTo("Gutschrift;Datum;Debitor;Beleg;Artikel;Betrag;Waehrung;Grund");
        assertThat(firstLine(inbox.erp("fx_rates"), CsvFile.WINDOWS_1252)).isEqualTo("Waehrung;Monat;Kurs");

        byte[] bytes = Files.readAllBytes(inbox.erp("order_lines"));
        byte[] aussendienst = "Außendienst".getBytes(CsvFile.WINDOWS_1252);
        assertThat(aussendienst).hasSize(11);
        assertThat(indexOf(bytes, aussendienst)).isPositive();
        String text = new String(bytes, CsvFile.WINDOWS_1252);
        assertThat(text).contains(";Außendienst\r\n").doesNotContain("Ã");

        CSVRecord line = GeneratedInbox.erpRows(inbox.erp("order_lines")).get(0);
        assertThat(line.get("Belegdatum")).matches("\\d{2}\\.\\d{2}\\.202[345]");
        assertThat(line.get("Nettopreis")).matches("\\d+,\\d{2}");
        assertThat(line.get("Debitor")).matches("\\d{6}");
    }

    @Test
    void salesChannelsAreSpelledAsTheErpSpellsThem() throws IOException {
        Set<String> channels = new HashSet<>();
        for (CSVRecord r : GeneratedInbox.erpRows(inbox.erp("order_lines"))) {
            channels.add(r.get("Vertriebskanal"));
        }
        assertThat(channels)
                .isSubsetOf("Außendienst", "Innendienst", "E-Shop", "EDI", "Handelspartner", "Marktplatz")
                .contains("Außendienst");
    }

    @Test
    void repListsHaveTitleRowsMergedGroupHeadersAndTheHeaderInRowFive() throws IOException {
        List<Path> lists = inbox.repLists();
        assertThat(lists).isNotEmpty().allMatch(p -> p.getFileName().toString().matches("Kundenliste_\\w+\\.xlsx"));
        try (InputStream in = Files.newInputStream(lists.get(0));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Kunden");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Kundenliste Außendienst – ");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Stand: 15.01.2026");
            assertThat(sheet.getRow(2)).isNull();
            assertThat(sheet.getMergedRegions())
                    .containsExactlyInAnyOrder(CellRangeAddress.valueOf("C4:E4"), CellRangeAddress.valueOf("F4:H4"));
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Adresse");
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("Kontakt");
            assertThat(cells(sheet.getRow(4)))
                    .containsExactly(
                            "Nr.",
                            "Firma",
                            "Straße",
                            "PLZ",
                            "Ort",
                            "Ansprechpartner",
                            "Telefon",
                            "E-Mail",
                            "Potenzial EUR",
                            "Bemerkung");
        }
    }

    @Test
    void marketStudyHasATitleAndOneRowPerIndustryRegionAndYear() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("inbox/market/Marktstudie.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Marktvolumen");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Marktstudie");
            assertThat(sheet.getRow(1)).isNull();
            assertThat(cells(sheet.getRow(2)))
                    .containsExactly(
                            "Branche",
                            "Region",
                            "Jahr",
                            "Marktvolumen EUR",
                            "Wettbewerber 1",
                            "Anteil 1",
                            "Wettbewerber 2",
                            "Anteil 2",
                            "Wettbewerber 3",
                            "Anteil 3");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 6 * 5 * 3);
            Row first = sheet.getRow(3);
            assertThat(first.getCell(5).getNumericCellValue()).isBetween(0.0, 1.0);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }

    @Test
    void channelCostsCarryTheMonthAsAnExcelDate() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("inbox/costs/Kanalkosten.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Kanalkosten");
            assertThat(cells(sheet.getRow(0))).containsExactly("Kanal", "Monat", "Kostenart", "Betrag EUR");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(1))).isTrue();
            assertThat(first.getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo("2023-01-01");
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Außendienst");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Personal");
            // the shared pool the channel P&L allocates: one positive row per month
            long sharedRows = 0;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && "Gemeinkosten".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Vertriebsleitung");
                    assertThat(row.getCell(3).getNumericCellValue()).isPositive();
                    sharedRows++;
                }
            }
            assertThat(sharedRows).isEqualTo(FxRates.MONTHS);
        }
    }

    @Test
    void serviceDriversAreUtf8WithTheContractHeader() throws IOException {
        assertThat(firstLine(inbox.service(), StandardCharsets.UTF_8))
                .isEqualTo("Debitor,Year,Visits,Support Tickets,Special Deliveries");
    }

    @Test
    void truthCoversEveryCustomerRecordOfEverySourceExactlyOnce() throws IOException {
        List<String> expected = new ArrayList<>();
        for (CSVRecord r : GeneratedInbox.crmRows(inbox.crm("accounts"))) {
            expected.add("crm|" + r.get("Account ID"));
        }
        for (CSVRecord r : GeneratedInbox.erpRows(inbox.erp("debtors"))) {
            expected.add("erp|" + r.get("Debitor"));
        }
        for (Path list : inbox.repLists()) {
            String stem = list.getFileName().toString().replace(".xlsx", "");
            try (InputStream in = Files.newInputStream(list);
                    XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet sheet = wb.getSheet("Kunden");
                for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                    expected.add("excel|" + stem + "/"
                            + (long) sheet.getRow(r).getCell(0).getNumericCellValue());
                }
            }
        }
        List<String> truth = new ArrayList<>();
        for (CSVRecord r : GeneratedInbox.rows(inbox.truth("customer_truth"), StandardCharsets.UTF_8, ',')) {
            truth.add(r.get("source_system") + "|" + r.get("source_key"));
            assertThat(r.get("entity_id")).matches("E\\d{6}");
        }
        assertThat(truth).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat((long) truth.size()).isEqualTo(inbox.summary.sourceCustomerRecords());
    }

    @Test
    void everyEntityInTheTruthHasItsTrueFactsInCompaniesCsv() throws IOException {
        Set<String> entities = new HashSet<>();
        for (CSVRecord r : GeneratedInbox.rows(inbox.truth("companies"), StandardCharsets.UTF_8, ',')) {
            entities.add(r.get("entity_id"));
            assertThat(r.get("company_name")).isNotBlank();
        }
        assertThat((long) entities.size()).isEqualTo(inbox.summary.customerEntities());
        for (CSVRecord r : GeneratedInbox.rows(inbox.truth("customer_truth"), StandardCharsets.UTF_8, ',')) {
            assertThat(entities).contains(r.get("entity_id"));
        }
    }

    private static String firstLine(Path file, java.nio.charset.Charset charset) throws IOException {
        try (var reader = Files.newBufferedReader(file, charset)) {
            return reader.readLine();
        }
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(c -> values.add(c.getStringCellValue()));
        return values;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
