package io.salesbi.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesbi.connectors.read.FileScanner;
import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data subject's requests on a real small installation (the demo inbox at scale 0.02, one night): the access report
 * of one CRM contact, their erasure, and the next night with the same CRM export delivered again: the contact stays
 * away (one row suppressed), nothing of their e-mail or phone is anywhere in the warehouse or the kept files, and the
 * revenue KPIs keep their amounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureNightIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    private Path tmp;

    private Path home;
    private SalesbiSettings settings;
    private Path originalContacts;
    private String contactId;
    private String email;
    private String phone;
    private String firstName;
    private String lastName;
    private long line;
    private long activities;
    private long linkedRows;
    private List<Object> revenueBefore;

    @BeforeAll
    void firstNight(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        home = tmp.resolve("site");
        new DemoDataGenerator(new GeneratorSettings(0.02, 7, home, AS_OF)).generate();
        settings = SettingsLoader.defaults(home);
        try (Stream<Path> crm = Files.list(home.resolve("inbox/crm"))) {
            Path contacts = crm.filter(f -> f.getFileName().toString().startsWith("crm_contacts"))
                    .findFirst()
                    .orElseThrow();
            originalContacts = Files.copy(contacts, tmp.resolve(contacts.getFileName()));
        }
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            RunResult night = new NightlyRun(settings, warehouse).execute(AS_OF, true);
            assertThat(night.ok()).as(night.failure()).isTrue();
            try (Connection conn = warehouse.connect();
                    Statement st = conn.createStatement()) {
                // a contact with e-mail, phone and activities whose e-mail is theirs alone
                try (ResultSet rs = st.executeQuery("""
                        select contact_id, email, phone, first_name, last_name, _row_number from raw.crm_contact
                        where email is not null and phone is not null and length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 6
                          and lower(email) in (select lower(email) from raw.crm_contact group by all having count(*) = 1)
                          and contact_id in (select contact_id from raw.crm_activity)
                        order by contact_id limit 1""")) {
                    assertThat(rs.next()).isTrue();
                    contactId = rs.getString(1);
                    email = rs.getString(2);
                    phone = rs.getString(3);
                    firstName = rs.getString(4);
                    lastName = rs.getString(5);
                    line = rs.getLong(6);
                }
                activities = count(st, "select count(*) from raw.crm_activity where contact_id = '" + contactId + "'");
                // every relation the catalogue declares contact_id for, but the contact's own rows
                linkedRows = count(
                        st,
                        "select (select count(*) from raw.crm_activity where contact_id = '" + contactId
                                + "') + (select count(*) from staging.crm_activity where contact_id = '" + contactId
                                + "') + (select count(*) from core.dim_contact where contact_id = '" + contactId
                                + "') + (select count(*) from core.fact_touchpoint where contact_id = '" + contactId
                                + "') + (select count(*) from kpi.contact_touchpoints where contact_id = '" + contactId
                                + "')");
                revenueBefore = revenue(st);
            }
        }
    }

    @Test
    @Order(1)
    void theAccessReportListsEveryPlaceWithFileAndRow() throws Exception {
        // the line the contact is on in the delivered file, found independently of the readers
        List<String> lines = Files.readAllLines(originalContacts);
        long expectedLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(email)) {
                assertThat(expectedLine).as("the e-mail is on one line").isZero();
                expectedLine = i + 1;
            }
        }
        assertThat(line).isEqualTo(expectedLine);
        Path out = tmp.resolve("report");

        String console = run(
                "privacy",
                "export",
                "--home",
                home.toString(),
                "--email",
                email.toUpperCase(Locale.ROOT),
                "--out",
                out.toString());

        assertThat(console).doesNotContain(email).doesNotContain(lastName);
        Path json;
        try (Stream<Path> files = Files.list(out)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> rowHits = new ArrayList<>();
        long linked = 0;
        for (JsonNode h : report.get("hits")) {
            if (h.get("match").asText().equals("row")) {
                rowHits.add(h.get("place").asText() + " "
                        + h.get("location").asText().replaceAll("/\\d{8}-\\d{6}_", "/") + " "
                        + h.get("sourceFile").asText(null) + " " + h.get("row").asLong());
            } else if (h.get("match").asText().equals("linked")) {
                linked++;
            }
        }
        String file = originalContacts.getFileName().toString();
        assertThat(rowHits)
                .containsExactlyInAnyOrder(
                        "warehouse raw.crm_contact " + file + " " + line,
                        "warehouse staging.crm_contact " + file + " " + line,
                        "archive archive/crm/" + file + " null " + line);
        // the contact's activities: raw and staging rows, the touchpoint facts, the contact dimension, and the
        // contact-level KPI row (kpi.contact_touchpoints)
        assertThat(activities).isPositive();
        assertThat(linked).isEqualTo(linkedRows).isGreaterThanOrEqualTo(2 * activities + 1);
        String markdown = Files.readString(Path.of(json.toString().replace(".json", ".md")));
        assertThat(markdown)
                .contains("| warehouse | `raw.crm_contact` | " + file + " |  | " + line + " | row |")
                .contains(email);
    }

    @Test
    @Order(2)
    void erasureLastsThroughTheNextDeliveryAndKeepsRevenue() throws Exception {
        String without = run("privacy", "erase", "--home", home.toString(), "--email", email);
        assertThat(without).contains("Nothing changed yet");
        assertThat(occurrences(email)).isPositive();

        String erased = run("privacy", "erase", "--home", home.toString(), "--email", email, "--yes");

        assertThat(erased)
                .contains("Erased (erasure ")
                .contains("1 files rewritten")
                .doesNotContain(email);
        assertThat(occurrences(email))
                .as("places holding the e-mail after the erasure")
                .isZero();
        assertThat(occurrences(phone))
                .as("places holding the phone after the erasure")
                .isZero();
        // the same export delivered again
        Files.copy(originalContacts, home.resolve("inbox/crm").resolve(originalContacts.getFileName()));
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            RunResult night = new NightlyRun(settings, warehouse).execute(AS_OF, false);
            assertThat(night.ok()).as(night.failure()).isTrue();
            try (Connection conn = warehouse.connect();
                    Statement st = conn.createStatement()) {
                long rows = count(
                        st,
                        "select count(*) from raw.crm_contact where _load_id = (select max(load_id) "
                                + "from ops.file_load where source = 'crm_contacts')");
                try (ResultSet rs = st.executeQuery("""
                        select status, rows_delivered, rows_loaded, rows_suppressed from ops.file_load
                        where source = 'crm_contacts' order by load_id desc limit 1""")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("LOADED");
                    assertThat(rs.getLong(4)).isEqualTo(1);
                    assertThat(rs.getLong(3)).isEqualTo(rs.getLong(2) - 1).isEqualTo(rows);
                }
                assertThat(count(
                                st,
                                "select rows_suppressed from kpi.dq_file_rows where source = 'crm_contacts' "
                                        + "order by load_id desc limit 1"))
                        .isEqualTo(1);
                assertThat(count(
                                st,
                                "select count(*) from ops.privacy_audit where identifier_kinds = 'email' "
                                        + "and files_rewritten = 1"))
                        .isEqualTo(1);
                assertThat(revenue(st)).isEqualTo(revenueBefore);
            }
        }
        // the archived copy of the new delivery keeps its rows and columns, the person's row blanked
        List<Path> copies;
        try (Stream<Path> archived = Files.list(home.resolve("archive/crm"))) {
            copies = archived.filter(f -> f.getFileName()
                            .toString()
                            .endsWith(originalContacts.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        assertThat(copies).hasSize(2);
        List<String> kept = Files.readAllLines(copies.get(1));
        List<String> delivered = Files.readAllLines(originalContacts);
        assertThat(kept).hasSameSizeAs(delivered);
        assertThat(kept.get((int) line - 1)).matches("suppressed(,suppressed)*");
        assertThat(kept.get((int) line)).isEqualTo(delivered.get((int) line));
        assertThat(occurrences(email))
                .as("places holding the e-mail after the next night")
                .isZero();
        assertThat(occurrences(phone))
                .as("places holding the phone after the next night")
                .isZero();
        // the audit holds no identifier
        assertThat(Files.readString(PrivacyKey.fileOf(settings.warehouse())).strip())
                .hasSize(64);
    }

    /**
     * Warehouse columns and files of the installation (archive, error, dashboards, logs, match review, inbox) holding
     * {@code value}, compared case-insensitively.
     */
    private long occurrences(String value) throws Exception {
        String needle = value.toLowerCase(Locale.ROOT);
        long found = 0;
        try (Connection conn = Warehouse.openReadOnly(settings.warehouse());
                Statement st = conn.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    select c.table_schema || '.' || c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t using (table_catalog, table_schema, table_name)
                    where t.table_type = 'BASE TABLE' and c.data_type = 'VARCHAR'
                      and c.table_catalog = current_database()""")) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + "\u0000" + rs.getString(2));
                }
            }
            for (String c : columns) {
                String[] tc = c.split("\u0000");
                found += count(
                        st,
                        "select count(*) from " + tc[0] + " where contains(lower(\"" + tc[1] + "\"), '"
                                + needle.replace("'", "''") + "')");
            }
        }
        for (String folder : List.of("archive", "error", "dashboards", "logs", "review", "inbox")) {
            Path dir = home.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = f.toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".xlsx")) {
                        long[] hits = {0};
                        new FileScanner()
                                .scan(
                                        f,
                                        (sheet, row, cells) -> cells.forEach(cell -> {
                                            if (cell.text()
                                                    .toLowerCase(Locale.ROOT)
                                                    .contains(needle)) {
                                                hits[0]++;
                                            }
                                        }));
                        found += hits[0];
                    } else if (new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .toLowerCase(Locale.ROOT)
                            .contains(needle)) {
                        found++;
                    }
                }
            }
        }
        return found;
    }

    private static List<Object> revenue(Statement st) throws Exception {
        List<Object> totals = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select round(sum(net_revenue_eur), 2), count(*) from kpi.channel_pnl")) {
            rs.next();
            totals.add(rs.getBigDecimal(1));
            totals.add(rs.getLong(2));
        }
        try (ResultSet rs = st.executeQuery("select round(sum(revenue_eur), 2), count(*) from kpi.customer_value")) {
            rs.next();
            totals.add(rs.getBigDecimal(1));
            totals.add(rs.getLong(2));
        }
        return totals;
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        var cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        assertThat(code).as(out.toString()).isIn(0);
        return out.toString();
    }
}
