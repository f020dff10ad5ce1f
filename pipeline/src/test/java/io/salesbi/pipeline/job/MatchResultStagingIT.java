package io.salesbi.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.match.MatchSettings;
import io.salesbi.pipeline.matching.TestWarehouse;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The match step parks its result in staging; core changes only when the consolidate step publishes it. */
class MatchResultStagingIT {

    private static final String XREF_OF_MUELLER = """
            select source_system || ':' || source_key || '=' || customer_id from %s
            where customer_id = 'C0000001' order by all""";

    @TempDir
    Path folder;

    @Test
    void theParkedResultReachesCoreOnlyWhenPublished() throws Exception {
        try (Warehouse warehouse = Warehouse.open(folder.resolve("warehouse.duckdb"))) {
            try (Connection conn = warehouse.connect()) {
                TestWarehouse.runScript(conn, "/match/german_customers_three_silos.sql");
            }
            night(warehouse, 1);
            publish(warehouse);
            try (Connection conn = warehouse.connect()) {
                TestWarehouse.runScript(conn, "/match/german_customers_second_delivery.sql");
            }

            night(warehouse, 2);

            try (Connection conn = warehouse.connect()) {
                List<String> mueller =
                        List.of("crm:A-1001=C0000001", "erp:100001=C0000001", "excel:Kundenliste_Meier/1=C0000001");
                assertThat(TestWarehouse.rows(conn, XREF_OF_MUELLER.formatted("core.customer_xref")))
                        .containsExactlyElementsOf(mueller);
                assertThat(TestWarehouse.rows(conn, XREF_OF_MUELLER.formatted("staging.next_customer_xref")))
                        .containsExactly(
                                "crm:A-1001=C0000001",
                                "crm:A-1004=C0000001",
                                "erp:100001=C0000001",
                                "excel:Kundenliste_Meier/1=C0000001");
                assertThat(TestWarehouse.rows(
                                conn,
                                "select run_id, event, count(*) "
                                        + "from staging.next_customer_id_history group by all order by all"))
                        .containsExactly("1|new|5", "2|new|1");
                assertThat(TestWarehouse.rows(conn, "select count(*) from core.customer_id_history"))
                        .containsExactly("5");
            }

            publish(warehouse);

            try (Connection conn = warehouse.connect()) {
                assertThat(TestWarehouse.rows(conn, XREF_OF_MUELLER.formatted("core.customer_xref")))
                        .containsExactly(
                                "crm:A-1001=C0000001",
                                "crm:A-1004=C0000001",
                                "erp:100001=C0000001",
                                "excel:Kundenliste_Meier/1=C0000001");
                assertThat(TestWarehouse.rows(conn, "select count(*) from core.customer_golden"))
                        .containsExactly("6");
                assertThat(TestWarehouse.rows(
                                conn,
                                "select run_id, event, count(*) "
                                        + "from core.customer_id_history group by all order by all"))
                        .containsExactly("1|new|5", "2|new|1");
                // published means gone from staging: a night that skips matching republishes nothing
                assertThat(TestWarehouse.rows(
                                conn,
                                "select count(*) from duckdb_tables() "
                                        + "where schema_name = 'staging' and table_name like 'next_customer_%'"))
                        .containsExactly("0");
            }
        }
    }

    private static void night(Warehouse warehouse, long runId) throws Exception {
        NightContext night = new NightContext(runId, LocalDate.of(2025, 1, 2), true);
        inTransaction(warehouse, conn -> {
            TestWarehouse.validateDebtors(conn);
            return new StandardizeCustomersTasklet(warehouse).work(conn, night);
        });
        inTransaction(
                warehouse, conn -> new MatchCustomersTasklet(warehouse, MatchSettings.defaults()).work(conn, night));
    }

    private static void publish(Warehouse warehouse) throws Exception {
        inTransaction(warehouse, conn -> {
            MatchResultStaging.publish(conn);
            return null;
        });
    }

    private interface Work {
        Object run(Connection conn) throws Exception;
    }

    private static void inTransaction(Warehouse warehouse, Work work) throws Exception {
        try (Connection conn = warehouse.connect()) {
            conn.setAutoCommit(false);
            work.run(conn);
            conn.commit();
        }
    }
}
