package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {

    @TempDir
    Path dir;

    @Test
    void runningValidateAndConsolidateTwiceChangesNothing() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);
            FixtureWarehouse.runValidateAndConsolidate(conn);
            Map<String, List<List<String>>> first = snapshot(conn);

            FixtureWarehouse.runValidateAndConsolidate(conn);

            assertThat(snapshot(conn)).isEqualTo(first);
            assertThat(first.get("core.fact_order_line")).hasSize(9);
            assertThat(first.get("quarantine.rejected_row")).hasSize(7);
        }
    }

    /** Every row of every staging, quarantine, core and kpi table or view, sorted. */
    private static Map<String, List<List<String>>> snapshot(Connection conn) throws Exception {
        Map<String, List<List<String>>> snapshot = new LinkedHashMap<>();
        List<List<String>> relations = TestWarehouse.rows(conn, """
                select table_schema || '.' || table_name from information_schema.tables
                where table_schema in ('staging', 'quarantine', 'core', 'kpi') order by 1""");
        for (List<String> relation : relations) {
            String name = relation.get(0);
            snapshot.put(name, TestWarehouse.rows(conn, "select * from " + name + " order by all"));
        }
        return snapshot;
    }
}
