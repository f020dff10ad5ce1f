package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSmokeTest {

    @TempDir
    Path dir;

    @Test
    void emptyWarehouseRunsEveryFolderAndPassesAssertions() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            ScriptRunSummary validate = SqlScripts.runFolder(conn, "validate");
            ScriptRunSummary consolidate = SqlScripts.runFolder(conn, "consolidate");

            assertThat(validate.scripts()).hasSameSizeAs(ClasspathScripts.list("sql/validate"));
            // nothing but the bookkeeping of incremental order lines: validation marks "all changed" and records its
            // state; consolidation consumes the mark and records the state of order line and credit note facts
            assertThat(validate.totalRowsAffected()).isEqualTo(2);
            assertThat(consolidate.totalRowsAffected()).isEqualTo(3);
            assertThat(TestWarehouse.rows(conn, "select * from kpi.dq_summary")).hasSize(1);
        }
    }
}
