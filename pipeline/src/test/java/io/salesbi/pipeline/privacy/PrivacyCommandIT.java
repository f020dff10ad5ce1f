package io.salesbi.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesbi.connectors.read.FileScanner;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesbi privacy} on a hand-made installation whose every place is known: two contacts named Anna Schmidt in
 * the CRM, one of them also in a rep's Excel list and a quarantined e-mail, her phone in match evidence, the CRM
 * export and the Excel list in the archive. Exact hits, bad input answered without a change, and an erasure that
 * changes exactly her values.
 */
class PrivacyCommandIT {

    private static final String ANNA = "anna.schmidt@kunde.de";
    private static final String OTHER_ANNA = "a.schmidt@andere.de";

    @TempDir
    Path home;

    @BeforeEach
    void installation() throws Exception {
        Path crm = Files.createDirectories(home.resolve("archive/crm"));
        Files.writeString(crm.resolve("20260110-020000_crm_contacts.csv"), """
                Contact ID,Account ID,First Name,Last Name,Buying Center Role,Email,Phone
                C1,A1,Anna,Schmidt,decider,Anna.Schmidt@kunde.de,+49 40 1234567
                C2,A2,Anna,Schmidt,user,a.schmidt@andere.de,+49 89 7654321
                C3,A1,Bernd,Vogel,user,b.vogel@kunde.de,
                """);
        Path excel = Files.createDirectories(home.resolve("archive/excel"));
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(excel.resolve("20260110-020000_Kundenliste_Horn.xlsx"))) {
            Sheet sheet = book.createSheet("Kunden");
            row(sheet, 0, "Kundenliste Horn");
            row(sheet, 2, "Nr.", "Firma", "Ansprechpartner", "Telefon", "E-Mail", "Bemerkung");
            row(sheet, 3, "1", "Kunde GmbH", "Anna Schmidt", "040 1234567", ANNA, "mag Rückrufe vormittags");
            row(sheet, 4, "2", "Vogel KG", "Bernd Vogel", "", "b.vogel@kunde.de", "kennt Anna Schmidt");
            book.write(out);
        }
        String crmHash = Erasure.sha256(crm.resolve("20260110-020000_crm_contacts.csv"));
        try (Warehouse warehouse = Warehouse.open(home.resolve("warehouse/salesbi.duckdb"));
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            st.execute(("""
                    insert into raw.crm_contact (_load_id, _source_file, _file_hash, _sheet, _row_number, contact_id,
                      account_id, first_name, last_name, buying_center_role, email, phone) values
                      (1, 'crm_contacts.csv', 'h1', null, 2, 'C1', 'A1', 'Anna', 'Schmidt', 'decider', 'Anna.Schmidt@kunde.de', '+49 40 1234567'),
                      (1, 'crm_contacts.csv', 'h1', null, 3, 'C2', 'A2', 'Anna', 'Schmidt', 'user', 'a.schmidt@andere.de', '+49 89 7654321'),
                      (1, 'crm_contacts.csv', 'h1', null, 4, 'C3', 'A1', 'Bernd', 'Vogel', 'user', 'b.vogel@kunde.de', null)""").replace("'h1'", "'" + crmHash + "'"));
            st.execute("""
                    insert into raw.crm_activity (_load_id, _source_file, _file_hash, _sheet, _row_number, activity_id,
                        account_id, contact_id) values
                      (2, 'crm_activities.csv', 'h2', null, 2, 'X1', 'A1', 'C1'),
                      (2, 'crm_activities.csv', 'h2', null, 3, 'X2', 'A1', 'C1'),
                      (2, 'crm_activities.csv', 'h2', null, 4, 'X3', 'A1', 'C3')""");
            st.execute("""
                    insert into raw.sales_rep_customer (_load_id, _source_file, _file_hash, _sheet, _row_number, list_no,
                        company_name, contact_person, phone, email, remark) values
                      (3, 'Kundenliste_Horn.xlsx', 'h3', 'Kunden', 4, '1', 'Kunde GmbH', 'Anna Schmidt', '040 1234567',
                       'anna.schmidt@kunde.de', 'mag Rückrufe vormittags'),
                      (3, 'Kundenliste_Horn.xlsx', 'h3', 'Kunden', 5, '2', 'Vogel KG', 'Bernd Vogel', null,
                       'b.vogel@kunde.de', 'kennt Anna Schmidt')""");
            st.execute("""
                    insert into quarantine.rejected_row (load_id, run_id, stage, source, source_file, sheet, row_number,
                        column_name, raw_value, rule, message) values
                      (4, 1, 'ingest', 'crm_contacts', 'crm_contacts_2.csv', null, 7, 'email',
                       'anna.schmidt@kunde.de;', 'type.email', 'expected an e-mail address')""");
            st.execute("""
                    insert into core.customer_match_pair values ('crm:A1', 'excel:1', 0.97, 3.5, 'match', true,
                      '{"phone": {"level": "exact", "values": ["+49 40 1234567", "040 1234567"]}}')""");
            st.execute("""
                    insert into ops.file_load (load_id, run_id, source, file_name, file_hash, status, started_at)
                    values (1, 1, 'crm_contacts', 'crm_contacts.csv', '%s', 'LOADED', now())""".formatted(crmHash));
        }
    }

    @Test
    void theAccessReportNamesEveryPlace() throws Exception {
        Path out = home.resolve("out");

        String console = run(
                0,
                "privacy",
                "export",
                "--home",
                home.toString(),
                "--email",
                ANNA,
                "--phone",
                "+49 40 1234567",
                "--out",
                out.toString());

        assertThat(console).contains("9 places hold data of this person").doesNotContain(ANNA);
        // relations in catalogue order (own rows and mentions first, then rows linked by her contact id), then files;
        // the remark "kennt Anna Schmidt" is not hers by e-mail or phone, so it is not reported
        assertThat(hits(out))
                .containsExactly(
                        "warehouse core.customer_match_pair null null null text {evidence={\"phone\": {\"level\": \"exact\", \"values\": [\"+49 40 1234567\", \"040 1234567\"]}}}",
                        "warehouse quarantine.rejected_row crm_contacts_2.csv null 7 text {raw_value=anna.schmidt@kunde.de;}",
                        "warehouse raw.crm_contact crm_contacts.csv null 2 row {contact_id=C1, email=Anna.Schmidt@kunde.de, first_name=Anna, last_name=Schmidt, phone=+49 40 1234567}",
                        "warehouse raw.sales_rep_customer Kundenliste_Horn.xlsx Kunden 4 row {contact_person=Anna Schmidt, email=anna.schmidt@kunde.de, phone=040 1234567, remark=mag Rückrufe vormittags}",
                        "warehouse staging.customer_source_row load 3 null null row {email=anna.schmidt@kunde.de, phone=040 1234567}",
                        "warehouse raw.crm_activity crm_activities.csv null 2 linked {contact_id=C1}",
                        "warehouse raw.crm_activity crm_activities.csv null 3 linked {contact_id=C1}",
                        "archive archive/crm/20260110-020000_crm_contacts.csv null null 2 row {column 1=C1, column 2=A1, column 3=Anna, column 4=Schmidt, column 5=decider, column 6=Anna.Schmidt@kunde.de, column 7=+49 40 1234567}",
                        "archive archive/excel/20260110-020000_Kundenliste_Horn.xlsx null Kunden 4 row {column 1=1, column 2=Kunde GmbH, column 3=Anna Schmidt, column 4=040 1234567, column 5=anna.schmidt@kunde.de, column 6=mag Rückrufe vormittags}");
        assertThat(Files.readString(out.resolve(Files.list(out)
                        .filter(f -> f.toString().endsWith(".md"))
                        .findFirst()
                        .orElseThrow()
                        .getFileName())))
                .contains("| archive | `archive/excel/20260110-020000_Kundenliste_Horn.xlsx` |  | Kunden | 4 | row |");
    }

    @Test
    void anAmbiguousNameOrAnUnknownPersonChangesNothing() throws Exception {
        String ambiguous = run(2, "privacy", "erase", "--home", home.toString(), "--name", "anna  SCHMIDT");
        assertThat(ambiguous)
                .contains("the identifiers match 2 different e-mail addresses")
                .contains("The identifiers match several people; nothing changed");

        String unknown = run(0, "privacy", "erase", "--home", home.toString(), "--email", "nobody@kunde.de", "--yes");
        assertThat(unknown).contains("No data of this person found").contains("Nothing to erase");

        String none = run(2, "privacy", "erase", "--home", home.toString());
        assertThat(none).contains("give at least one of --email, --name, --phone");
        assertThat(rows("select count(*) from ops.privacy_suppression")).containsExactly("0");
        assertThat(rows("select count(*) from ops.privacy_audit")).containsExactly("0");
        assertThat(
                        rows(
                                "select count(*) from raw.crm_contact where email like 'erased-%' or first_name like 'erased-%'"))
                .containsExactly("0");
        assertThat(PrivacyKey.fileOf(home.resolve("warehouse/salesbi.duckdb"))).doesNotExist();
    }

    @Test
    void anErasureChangesHerValuesAndNothingElse() throws Exception {
        String hashBefore = Erasure.sha256(home.resolve("archive/crm/20260110-020000_crm_contacts.csv"));

        String console = run(
                0,
                "privacy",
                "erase",
                "--home",
                home.toString(),
                "--email",
                ANNA,
                "--phone",
                "+49 40 1234567",
                "--yes");

        assertThat(console).contains("2 files rewritten").doesNotContain(ANNA);
        String id = rows("select erasure_id from ops.privacy_audit").get(0);
        String token = "erased-" + id;
        assertThat(rows(
                        "select contact_id, first_name, last_name, buying_center_role, email, phone from raw.crm_contact "
                                + "order by _row_number"))
                .containsExactly(
                        token + "-1 " + token + " " + token + " decider " + token + " " + token,
                        "C2 Anna Schmidt user a.schmidt@andere.de +49 89 7654321",
                        "C3 Bernd Vogel user b.vogel@kunde.de null");
        assertThat(rows("select activity_id, contact_id from raw.crm_activity order by 1"))
                .containsExactly("X1 " + token + "-1", "X2 " + token + "-1", "X3 C3");
        assertThat(rows("select company_name, contact_person, phone, email, remark from raw.sales_rep_customer "
                        + "order by _row_number"))
                .containsExactly(
                        "Kunde GmbH " + token + " " + token + " " + token + " " + token,
                        "Vogel KG Bernd Vogel null b.vogel@kunde.de kennt Anna Schmidt");
        assertThat(rows("select raw_value from quarantine.rejected_row")).containsExactly(token + ";");
        assertThat(rows("select evidence from core.customer_match_pair"))
                .containsExactly(
                        "{\"phone\": {\"level\": \"exact\", \"values\": [\"+" + token + "\", \"" + token + "\"]}}");
        // the files: her rows rewritten, the others untouched, the load's fingerprint is the new file's
        Path csv = home.resolve("archive/crm/20260110-020000_crm_contacts.csv");
        assertThat(Files.readAllLines(csv))
                .containsExactly(
                        "Contact ID,Account ID,First Name,Last Name,Buying Center Role,Email,Phone",
                        "C1,A1," + token + "," + token + ",decider," + token + "," + token,
                        "C2,A2,Anna,Schmidt,user,a.schmidt@andere.de,+49 89 7654321",
                        "C3,A1,Bernd,Vogel,user,b.vogel@kunde.de,");
        String hashAfter = Erasure.sha256(csv);
        assertThat(hashAfter).isNotEqualTo(hashBefore);
        assertThat(rows("select file_hash from ops.file_load")).containsExactly(hashAfter);
        assertThat(rows("select distinct _file_hash from raw.crm_contact")).containsExactly(hashAfter);
        List<String> excel = new ArrayList<>();
        new FileScanner()
                .scan(
                        home.resolve("archive/excel/20260110-020000_Kundenliste_Horn.xlsx"),
                        (sheet, row, cells) -> excel.add(sheet + " " + row + " "
                                + cells.stream().map(c -> c.text()).toList()));
        assertThat(excel)
                .containsExactly(
                        "Kunden 1 [Kundenliste Horn]",
                        "Kunden 3 [Nr., Firma, Ansprechpartner, Telefon, E-Mail, Bemerkung]",
                        "Kunden 4 [1, Kunde GmbH, " + token + ", " + token + ", " + token
                                + ", mag Rückrufe vormittags]",
                        "Kunden 5 [2, Vogel KG, Bernd Vogel, , b.vogel@kunde.de, kennt Anna Schmidt]");
        assertThat(rows("select kind from ops.privacy_suppression order by 1")).containsExactly("email", "phone");
        assertThat(rows("select identifier_kinds, files_rewritten from ops.privacy_audit"))
                .containsExactly("email, phone 2");
        assertThat(String.join("\n", rows("select * from ops.privacy_audit"))
                        + rows("select * from ops.privacy_suppression"))
                .doesNotContainIgnoringCase("anna")
                .doesNotContain("1234567");
    }

    @Test
    void aStaffMembersAuditTrailIsReportedButKeptByAnErasure() throws Exception {
        // the JDBC endpoint's audit trail names the analyst h.berger (a login and a query) and another user
        try (Warehouse warehouse = Warehouse.open(home.resolve("warehouse/salesbi.duckdb"));
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            st.execute("""
                    insert into ops.audit (logged_at, event, login, client_address, outcome, sql_sha256) values
                      (timestamp '2026-01-12 08:00:00', 'login', 'h.berger', '10.0.0.7', 'ok', null),
                      (timestamp '2026-01-12 08:01:00', 'query', 'h.berger', '10.0.0.7', 'ok', 'abc'),
                      (timestamp '2026-01-12 08:02:00', 'login', 'sven', '10.0.0.8', 'ok', null)""");
        }
        Path out = home.resolve("out");

        String export =
                run(0, "privacy", "export", "--home", home.toString(), "--name", "h.berger", "--out", out.toString());

        // the access report lists both of her rows in ops.audit (Art. 15 holds for staff too), and nothing else
        assertThat(export).contains("2 places hold data of this person");
        assertThat(hits(out))
                .containsExactly(
                        "warehouse ops.audit null null null row {client_address=10.0.0.7, login=h.berger}",
                        "warehouse ops.audit null null null row {client_address=10.0.0.7, login=h.berger}");

        // an erasure keeps the audit trail (retention purges it) and, with nothing else found, changes nothing
        String erase = run(0, "privacy", "erase", "--home", home.toString(), "--name", "h.berger", "--yes");
        assertThat(erase).contains("Kept: 2 rows of ops relations").contains("Nothing to erase");
        assertThat(rows("select login, client_address from ops.audit order by logged_at"))
                .containsExactly("h.berger 10.0.0.7", "h.berger 10.0.0.7", "sven 10.0.0.8");
        assertThat(rows("select count(*) from ops.privacy_suppression")).containsExactly("0");
        assertThat(rows("select count(*) from ops.privacy_audit")).containsExactly("0");
    }

    private List<String> hits(Path out) throws Exception {
        Path json;
        try (var files = Files.list(out)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        List<String> hits = new ArrayList<>();
        for (JsonNode h : new ObjectMapper().readTree(json.toFile()).get("hits")) {
            List<String> values = new ArrayList<>();
            h.get("values")
                    .fields()
                    .forEachRemaining(
                            e -> values.add(e.getKey() + "=" + e.getValue().asText()));
            hits.add(h.get("place").asText() + " " + h.get("location").asText() + " "
                    + h.get("sourceFile").asText(null)
                    + " " + h.get("sheet").asText(null) + " "
                    + (h.get("row").isNull() ? "null" : h.get("row").asText())
                    + " " + h.get("match").asText() + " {" + String.join(", ", values) + "}");
        }
        return hits;
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection conn = Warehouse.openReadOnly(home.resolve("warehouse/salesbi.duckdb"));
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        var cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute(args)).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }
}
