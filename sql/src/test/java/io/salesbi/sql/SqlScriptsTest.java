package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptsTest {

    @TempDir
    Path dir;

    @Test
    void failingStatementIsNamedAndTheWholeFolderRolledBack() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            assertThatThrownBy(() -> SqlScripts.runFolder(conn, "test-broken"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("sql/test-broken/20_selects_a_missing_column.sql statement 2"
                            + " (line 3: select missing_column) failed: Binder Error");

            assertThat(
                            TestWarehouse.rows(
                                    conn,
                                    "select table_name from information_schema.tables where table_name = 'step_must_roll_back'"))
                    .isEmpty();
            assertThat(conn.getAutoCommit()).isTrue();
        }
    }

    @Test
    void summaryCountsRowsAffectedPerScriptInFileNameOrder() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            FixtureWarehouse.load(conn, FixtureWarehouse.THREE_CUSTOMERS_TWO_YEARS);

            ScriptRunSummary summary = SqlScripts.runFolder(conn, "validate");

            assertThat(summary.scripts())
                    .extracting(ScriptRunSummary.ScriptResult::script)
                    .first()
                    .isEqualTo("sql/validate/05_customer_source_keys.sql");
            // order lines: 15 raw rows, 14 after the re-delivery of D3/1; 5 quarantined, 9 staged; nothing to delete;
            // plus the "everything changed" marker for consolidation and the incremental state
            assertThat(orderLines(summary).rowsAffected()).isEqualTo(5 + 9 + 2);
            // again with no new rows: only D9/1, rejected as dated after the as-of date, is checked again (its
            // rejection deleted and written again, its key marked changed), plus the state
            assertThat(orderLines(SqlScripts.runFolder(conn, "validate")).rowsAffected())
                    .isEqualTo(4);
            // a full rebuild deletes and writes everything again
            TestWarehouse.execute(conn, "update ops.parameter set value = 'true' where name = 'full_rebuild'");
            assertThat(orderLines(SqlScripts.runFolder(conn, "validate")).rowsAffected())
                    .isEqualTo(2 * (5 + 9) + 2);
        }
    }

    /** The order lines' script of a run, found by name (a new source's script may come before it). */
    private static ScriptRunSummary.ScriptResult orderLines(ScriptRunSummary summary) {
        return summary.scripts().stream()
                .filter(s -> s.script().equals("sql/validate/40_erp_order_line.sql"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void splitterKeepsSemicolonsInQuotesAndCommentsAndCountsLines() {
        List<SqlStatementSplitter.ScriptStatement> statements = SqlStatementSplitter.split("""
                -- header; not a statement
                select 'a;b', "c;d" from t; /* block;
                comment */ insert into t
                values ('it''s; fine');
                """);

        assertThat(statements)
                .extracting(SqlStatementSplitter.ScriptStatement::sql)
                .containsExactly("select 'a;b', \"c;d\" from t", "insert into t\nvalues ('it''s; fine')");
        assertThat(statements)
                .extracting(SqlStatementSplitter.ScriptStatement::line)
                .containsExactly(2, 3);
    }

    @Test
    void scriptsAreListedFromAJarToo() throws Exception {
        Path jar = dir.resolve("scripts.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out)) {
            // directory entries as the Maven jar plugin writes them: they are how a jar folder is found
            for (String name : List.of(
                    "sql/",
                    "sql/jarred/",
                    "sql/jarred/20_b.sql",
                    "sql/jarred/10_a.sql",
                    "sql/jarred/nested/30_c.sql",
                    "sql/jarred/readme.txt")) {
                zip.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    zip.write("select 1;".getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);

            assertThat(ClasspathScripts.list("sql/jarred"))
                    .containsExactly("sql/jarred/10_a.sql", "sql/jarred/20_b.sql");
            assertThat(ClasspathScripts.read("sql/jarred/10_a.sql")).isEqualTo("select 1;");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void jobParametersRejectAnUnknownName() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            JobParameters.set(conn, Map.of("cost_per_visit_eur", "500"));

            assertThat(JobParameters.read(conn))
                    .containsEntry("cost_per_visit_eur", "500")
                    .containsEntry("abc_a_cutoff", "0.8");
            assertThatThrownBy(() -> JobParameters.set(conn, Map.of("cost_per_vist_eur", "500")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "unknown job parameters [cost_per_vist_eur]; expected some of [abc_a_cutoff");
        }
    }
}
