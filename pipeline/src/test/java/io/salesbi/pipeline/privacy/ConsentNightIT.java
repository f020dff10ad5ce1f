package io.salesbi.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * Consent end to end (#21 item 6): the demo's CRM export marks a few contacts as opted out; after one night they are
 * flagged in core.dim_contact, their touchpoints count in kpi.touchpoints, and kpi.contact_touchpoints has no row of
 * theirs while it has one for every other contact of a golden customer.
 */
class ConsentNightIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @TempDir
    Path tmp;

    @Test
    void theDemosOptedOutContactsCountInAggregatesOnly() throws Exception {
        Path home = tmp.resolve("site");
        new DemoDataGenerator(new GeneratorSettings(0.02, 7, home, AS_OF)).generate();
        Set<String> optedOutInFile = optedOut(home);
        assertThat(optedOutInFile).as("opted-out contacts in the demo export").isNotEmpty();
        SalesbiSettings settings = SettingsLoader.defaults(home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            RunResult night = new NightlyRun(settings, warehouse).execute(AS_OF, true);
            assertThat(night.status()).as(night.failure()).isEqualTo(BatchStatus.COMPLETED);

            try (Connection conn = warehouse.connect()) {
                // the flag as delivered reaches the core contact
                assertThat(ids(conn, "select contact_id from core.dim_contact where opted_out"))
                        .isEqualTo(optedOutInFile);
                // contact level: none of them; every other contact of a golden customer
                assertThat(count(
                                conn,
                                "select count(*) from kpi.contact_touchpoints t join core.dim_contact c "
                                        + "using (contact_id) where c.opted_out"))
                        .isZero();
                assertThat(count(conn, "select count(*) from kpi.contact_touchpoints"))
                        .isPositive()
                        .isEqualTo(
                                count(
                                        conn,
                                        "select count(*) from core.dim_contact where not opted_out and customer_id is not null"));
                // aggregates: their touchpoints are there, and every touchpoint counts
                long theirs = count(
                        conn,
                        "select count(*) from core.fact_touchpoint t join core.dim_contact c using (contact_id) "
                                + "where c.opted_out");
                assertThat(theirs).as("touchpoints of opted-out contacts").isPositive();
                assertThat(count(conn, "select sum(touchpoints) from kpi.touchpoints"))
                        .isEqualTo(count(conn, "select count(*) from core.fact_touchpoint"));
                assertThat(count(conn, "select sum(touchpoints) from kpi.contact_touchpoints"))
                        .isEqualTo(count(
                                conn,
                                "select count(*) from core.fact_touchpoint t join core.dim_contact c "
                                        + "using (contact_id) where not c.opted_out and c.customer_id is not null"));
            }
        }
    }

    /** The contact ids the generated CRM export marks as opted out. */
    private static Set<String> optedOut(Path home) throws Exception {
        Set<String> ids = new TreeSet<>();
        Path file;
        try (Stream<Path> files = Files.list(home.resolve("inbox/crm"))) {
            file = files.filter(f -> f.getFileName().toString().startsWith("crm_contacts_"))
                    .findFirst()
                    .orElseThrow();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(in)) {
                if (r.get("Opted Out").equals("true")) {
                    ids.add(r.get("Contact ID"));
                }
            }
        }
        return ids;
    }

    private static Set<String> ids(Connection conn, String sql) throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static long count(Connection conn, String sql) throws Exception {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
