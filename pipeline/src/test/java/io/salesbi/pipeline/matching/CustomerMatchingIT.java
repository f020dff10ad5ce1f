package io.salesbi.pipeline.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.match.*;
import io.salesbi.match.quality.MatchQuality;
import io.salesbi.match.quality.WarehouseMatchQuality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerMatchingIT {

    private static final String XREF = """
            select source_system || ':' || source_key || '=' || customer_id
            from core.customer_xref order by source_system, source_key""";

    @TempDir
    Path folder;

    @Test
    void standardizesTheThreeSilosIntoCustomerRecords() throws Exception {
        try (Connection conn = TestWarehouse.create(folder)) {
            TestWarehouse.runScript(conn, "/match/german_customers_three_silos.sql");

            long written = TestWarehouse.standardize(conn, 1);

            assertThat(written).isEqualTo(10);
            assertThat(TestWarehouse.rows(conn, """
                    select record_key, name_normalized, legal_form, street, house_number, postcode, city, country,
                           phone, email, website_domain, vat_id, erp_debtor_no, source_updated_at
                    from staging.customer_record
                    where record_key in ('crm:A-1001', 'erp:100002', 'excel:Kundenliste_Meier/1')
                    order by record_key"""))
                    .containsExactly(
                            "crm:A-1001|mueller maschinenbau|GmbH|Hauptstraße|12|70173|Stuttgart|DE|+49711123456"
                                    + "|info@mueller-maschinenbau.de|mueller-maschinenbau.de|null|100001|2025-01-01 00:00:00.0",
                            "erp:100002|schmidt metallbau|GmbH & Co. KG|Hafenstraße|3|28195|Bremen|DE|+494213330999"
                                    + "|null|null|DE136695976|100002|2025-01-01 00:00:00.0",
                            "excel:Kundenliste_Meier/1|mueller maschinenbau|null|Hauptstraße|12|70173|Stuttgart|null"
                                    + "|+49711123456|k.mueller@mueller-maschinenbau.de|null|null|null|2025-01-02 07:30:00.0");
        }
    }

    @Test
    void matchesTheSilosIntoGoldenCustomersKeepingTheTwoSchmidtsApart() throws Exception {
        try (Connection conn = TestWarehouse.create(folder)) {
            TestWarehouse.runScript(conn, "/match/german_customers_three_silos.sql");
            TestWarehouse.standardize(conn, 1);

            MatchRunSummary summary = new CustomerMatcher(MatchSettings.defaults()).run(conn, 1);

            assertThat(summary.records()).isEqualTo(10);
            assertThat(summary.customers()).isEqualTo(5);
            List<String> xref = TestWarehouse.rows(conn, XREF);
            assertThat(xref)
                    .contains(
                            "crm:A-1001=C0000001",
                            "erp:100001=C0000001",
                            "excel:Kundenliste_Meier/1=C0000001",
                            "crm:A-1002=C0000002",
                            "erp:100002=C0000002",
                            "crm:A-1003=C0000003",
                            "excel:Kundenliste_Meier/2=C0000003",
                            "crm:A-2001=C0000004",
                            "erp:100003=C0000005");
            assertThat(xref).contains("excel:Kundenliste_Meier/3=C0000004");
            assertThat(TestWarehouse.rows(conn, """
                    select customer_id, company_name, legal_form, street, postcode, city, country, phone, vat_id,
                           account_owner, record_count, source_systems, field_sources
                    from core.customer_golden where customer_id in ('C0000001', 'C0000002') order by customer_id"""))
                    .containsExactly(
                            "C0000001|Mueller Maschinenbau GmbH|GmbH|Hauptstraße 12|70173|Stuttgart|DE|+49711123456|null"
                                    + "|Anna Berg|3|crm,erp,excel|{\"company_name\":\"erp:100001\",\"street\":\"erp:100001\","
                                    + "\"postcode\":\"erp:100001\",\"city\":\"erp:100001\",\"country\":\"erp:100001\","
                                    + "\"phone\":\"excel:Kundenliste_Meier/1\",\"email\":\"excel:Kundenliste_Meier/1\","
                                    + "\"website_domain\":\"crm:A-1001\",\"industry\":\"erp:100001\","
                                    + "\"sales_region\":\"erp:100001\",\"account_owner\":\"crm:A-1001\","
                                    + "\"wallet_estimate_eur\":\"crm:A-1001\",\"potential_eur\":\"excel:Kundenliste_Meier/1\"}",
                            SCHMIDT_METALLBAU_GOLDEN);

            assertThat(TestWarehouse.rows(
                            conn, "select event, count(*) from core.customer_id_history group by event order by event"))
                    .containsExactly("new|5");
            assertThat(TestWarehouse.rows(
                            conn,
                            "select record_key_1, record_key_2, decision "
                                    + "from core.customer_match_pair where same_customer order by all"))
                    .containsExactly(
                            "crm:A-1001|erp:100001|id_match", "crm:A-1001|excel:Kundenliste_Meier/1|match",
                            "crm:A-1002|erp:100002|id_match", "crm:A-1003|excel:Kundenliste_Meier/2|match",
                            "crm:A-2001|excel:Kundenliste_Meier/3|match", "erp:100001|excel:Kundenliste_Meier/1|match");
        }
    }

    @Test
    void measuresTheMatchingAgainstAGroundTruthOfSourceKeys() throws Exception {
        Path truth = Path.of(
                getClass().getResource("/match/german_customers_truth.csv").toURI());
        try (Connection conn = TestWarehouse.create(folder)) {
            TestWarehouse.runScript(conn, "/match/german_customers_three_silos.sql");
            TestWarehouse.standardize(conn, 1);
            new CustomerMatcher(MatchSettings.defaults()).run(conn, 1);

            MatchQuality quality = WarehouseMatchQuality.of(conn, truth, "entity_id");

            assertThat(quality.records()).isEqualTo(10);
            assertThat(quality.truePairs()).isEqualTo(6);
            assertThat(quality.predictedPairs()).isEqualTo(6);
            assertThat(quality.correctPairs()).isEqualTo(6);
            assertThat(quality.f1()).isEqualTo(1.0);
        }
    }

    /** Schmidt Metallbau from CRM and ERP: both delivered the same day, so the ERP's phone survives by trust. */
    private static final String SCHMIDT_METALLBAU_GOLDEN = "C0000002|Schmidt Metallbau GmbH u. Co. KG|GmbH & Co. KG"
            + "|Hafenstraße 3|28195|Bremen|DE|+494213330999|DE136695976|Jan Ohm|2|crm,erp|{\"company_name\":\"erp:100002\","
            + "\"street\":\"erp:100002\",\"postcode\":\"erp:100002\",\"city\":\"erp:100002\",\"country\":\"erp:100002\","
            + "\"phone\":\"erp:100002\",\"email\":\"crm:A-1002\",\"website_domain\":\"crm:A-1002\",\"vat_id\":\"erp:100002\","
            + "\"industry\":\"erp:100002\",\"sales_region\":\"erp:100002\",\"account_owner\":\"crm:A-1002\","
            + "\"wallet_estimate_eur\":\"crm:A-1002\"}";

    @Test
    void runningTwiceOnTheSameInputGivesIdenticalTables() throws Exception {
        try (Connection conn = TestWarehouse.create(folder)) {
            TestWarehouse.runScript(conn, "/match/german_customers_three_silos.sql");
            TestWarehouse.standardize(conn, 1);
            new CustomerMatcher(MatchSettings.defaults()).run(conn, 1);
            List<List<String>> first = snapshot(conn);

            TestWarehouse.standardize(conn, 2);
            MatchRunSummary second = new CustomerMatcher(MatchSettings.defaults()).run(conn, 2);

            assertThat(snapshot(conn)).isEqualTo(first);
            assertThat(second.newCustomers()).isZero();
        }
    }

    @Test
    void newRecordsJoinExistingCustomersWhoKeepTheirIds() throws Exception {
        try (Connection conn = TestWarehouse.create(folder)) {
            TestWarehouse.runScript(conn, "/match/german_customers_three_silos.sql");
            TestWarehouse.standardize(conn, 1);
            new CustomerMatcher(MatchSettings.defaults()).run(conn, 1);
            TestWarehouse.runScript(conn, "/match/german_customers_second_delivery.sql");

            TestWarehouse.standardize(conn, 2);
            MatchRunSummary summary = new CustomerMatcher(MatchSettings.defaults()).run(conn, 2);

            List<String> xref = TestWarehouse.rows(conn, XREF);
            assertThat(xref)
                    .contains(
                            "crm:A-1001=C0000001",
                            "erp:100001=C0000001",
                            "crm:A-1004=C0000001",
                            "crm:A-1003=C0000003",
                            "excel:Kundenliste_Meier/2=C0000003",
                            "erp:100004=C0000003",
                            "crm:A-1005=C0000006");
            assertThat(summary.newCustomers()).isEqualTo(1);
            assertThat(TestWarehouse.rows(
                            conn, "select run_id, event, customer_id from core.customer_id_history where run_id = 2"))
                    .containsExactly("2|new|C0000006");
        }
    }

    @Test
    void aStewardSplitIsHonouredAndSurvivesReRunsAndAForcedMatchToo() throws Exception {
        Path overrides = folder.resolve("overrides");
        Files.createDirectories(overrides);
        Files.writeString(overrides.resolve("steward_decisions.csv"), """
                action,record_1,record_2,comment
                force_split,crm:A-1003,excel:Kundenliste_Meier/2,different Becker (checked by phone)
                force_match,erp:100003,crm:A-2001,Weber took over Schmidt Maschinenbau
                """);
        Path reviews = folder.resolve("review");
        MatchSettings settings = new MatchSettings(0.9, 0.5, overrides, reviews);
        try (Connection conn = TestWarehouse.create(folder)) {
            TestWarehouse.runScript(conn, "/match/german_customers_three_silos.sql");
            TestWarehouse.standardize(conn, 1);
            new CustomerMatcher(MatchSettings.defaults()).run(conn, 1);

            MatchRunSummary split = new CustomerMatcher(settings).run(conn, 2);
            MatchRunSummary again = new CustomerMatcher(settings).run(conn, 3);

            List<String> xref = TestWarehouse.rows(conn, XREF);
            assertThat(xref)
                    .contains(
                            "crm:A-1003=C0000003",
                            "excel:Kundenliste_Meier/2=C0000006",
                            "crm:A-2001=C0000004",
                            "erp:100003=C0000004");
            assertThat(split.overridesApplied()).isEqualTo(2);
            assertThat(reviews.resolve("customer_review_run2.xlsx")).isRegularFile();
            assertThat(reviews.resolve("customer_review_run3.xlsx")).isRegularFile();
            assertThat(again.overridesApplied()).isEqualTo(2);
            assertThat(TestWarehouse.rows(
                            conn,
                            "select run_id, event, customer_id, related_customer_id from core.customer_id_history "
                                    + "where run_id > 1 order by run_id, event, customer_id"))
                    .containsExactly("2|merge|C0000004|C0000005", "2|split|C0000006|C0000003");
            assertThat(TestWarehouse.rows(
                            conn, "select action, record_key_1, status from core.customer_override order by action"))
                    .containsExactly("force_match|erp:100003|applied", "force_split|crm:A-1003|applied");
        }
    }

    private static List<List<String>> snapshot(Connection conn) throws Exception {
        return List.of(
                TestWarehouse.rows(conn, "select * from core.customer_xref order by all"),
                TestWarehouse.rows(conn, "select * from core.customer_golden order by all"),
                TestWarehouse.rows(conn, "select * from core.customer_match_pair order by all"),
                TestWarehouse.rows(conn, "select * from core.customer_id_history order by all"),
                TestWarehouse.rows(conn, "select * exclude (_load_id) from staging.customer_record order by all"));
    }
}
