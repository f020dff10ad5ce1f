package io.salesbi.sql;

import io.salesbi.sql.ScriptRunSummary.ScriptResult;
import io.salesbi.sql.SqlStatementSplitter.ScriptStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the set-based SQL steps of the nightly job: the classpath scripts {@code sql/<folder>/*.sql} in file-name
 * order, each holding one or more statements, on one connection (temp tables live from statement to statement).
 * A folder runs in one transaction: readers on other connections (the JDBC server) see the warehouse before or
 * after the step, never half-rebuilt tables, and a failed step leaves the previous state for the re-run. When the
 * caller has already switched auto-commit off, the folder joins the caller's transaction instead.
 */
public final class SqlScripts {

    private static final Logger log = LoggerFactory.getLogger(SqlScripts.class);
    private static final Pattern DATA_CHANGE = Pattern.compile(
            "(?:insert\\s+(?:or\\s+\\w+\\s+)?into|delete\\s+from|update|merge\\s+into)\\s+([\\w.\"]+)",
            Pattern.CASE_INSENSITIVE);

    private SqlScripts() {}

    /**
     * Runs classpath scripts {@code sql/<folder>/*.sql} in file-name order; returns the rows affected per script.
     *
     * @throws SQLException naming the script, the statement number, its line and first line, with the cause
     * @throws IllegalArgumentException when the folder holds no script
     */
    public static ScriptRunSummary runFolder(Connection conn, String folder) throws SQLException {
        List<String> scripts = ClasspathScripts.list("sql/" + folder);
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("no SQL scripts in classpath folder sql/" + folder);
        }
        List<ScriptResult> results = new ArrayList<>();
        boolean ownTransaction = conn.getAutoCommit();
        if (ownTransaction) {
            conn.setAutoCommit(false);
        }
        try {
            boolean fullRebuild = ScriptFingerprint.fullRebuild(conn);
            TableChecksums checksums = TableChecksums.forFolder();
            for (String script : scripts) {
                results.add(runUnlessUnchanged(conn, script, fullRebuild, checksums));
            }
            if (ownTransaction) {
                conn.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (ownTransaction) {
                conn.rollback();
            }
            throw e;
        } finally {
            if (ownTransaction) {
                conn.setAutoCommit(true);
            }
        }
        ScriptRunSummary summary = new ScriptRunSummary(folder, results);
        log.info("SQL folder {}: {} scripts, {} rows affected", folder, results.size(), summary.totalRowsAffected());
        return summary;
    }

    /**
     * Runs a script, or skips it when it carries {@value ScriptFingerprint#MARKER} and nothing it names changed since
     * its last run (never on a --full night). The tables it names are those of the expanded script, so a table only
     * the validation skeleton names ({@link SqlTemplates}) counts as well.
     */
    private static ScriptResult runUnlessUnchanged(
            Connection conn, String resource, boolean fullRebuild, TableChecksums checksums) throws SQLException {
        String text = SqlTemplates.expand(ClasspathScripts.read(resource));
        Optional<ScriptFingerprint> fingerprint = ScriptFingerprint.of(resource, text);
        if (fingerprint.isEmpty()) {
            ScriptResult result = runScript(conn, resource);
            checksums.written(ScriptFingerprint.writtenTables(text));
            return result;
        }
        long started = System.nanoTime();
        if (!fullRebuild && fingerprint.get().unchanged(conn, checksums)) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info(
                    "SQL script {}: skipped, the {} tables it names and the parameters it reads are as its last run "
                            + "left them (checked in {} ms)",
                    resource,
                    fingerprint.get().tables().size(),
                    millis);
            return new ScriptResult(resource, 0, 0, millis, true);
        }
        ScriptResult result = runScript(conn, resource);
        checksums.written(ScriptFingerprint.writtenTables(text));
        fingerprint.get().record(conn, checksums);
        return new ScriptResult(
                resource, result.statements(), result.rowsAffected(), (System.nanoTime() - started) / 1_000_000, false);
    }

    /** Runs one classpath script, e.g. {@code sql/validate/40_erp_order_line.sql}. */
    public static ScriptResult runScript(Connection conn, String resource) throws SQLException {
        long started = System.nanoTime();
        List<ScriptStatement> statements =
                SqlStatementSplitter.split(SqlTemplates.expand(ClasspathScripts.read(resource)));
        long rows = 0;
        for (ScriptStatement statement : statements) {
            // a fresh Statement each time: DuckDB closes a Statement after an error
            try (Statement jdbc = conn.createStatement()) {
                long statementStarted = System.nanoTime();
                boolean hasResultSet = jdbc.execute(statement.sql());
                if (!hasResultSet && isDataChange(statement.sql())) {
                    rows += Math.max(jdbc.getUpdateCount(), 0);
                }
                log.debug(
                        "SQL script {} statement {} (line {}: {}) in {} ms",
                        resource,
                        statement.number(),
                        statement.line(),
                        statement.firstLine(),
                        (System.nanoTime() - statementStarted) / 1_000_000);
            } catch (SQLException e) {
                throw new SQLException(
                        "%s statement %d (line %d: %s) failed: %s"
                                .formatted(
                                        resource,
                                        statement.number(),
                                        statement.line(),
                                        statement.firstLine(),
                                        e.getMessage()),
                        e.getSQLState(),
                        e);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("SQL script {}: {} statements, {} rows affected in {} ms", resource, statements.size(), rows, millis);
        return new ScriptResult(resource, statements.size(), rows, millis);
    }

    /**
     * Insert, update and delete of a warehouse table count as rows affected; building or filling a temp table (the
     * scripts name every warehouse table with its schema, temp tables without) does not.
     */
    private static boolean isDataChange(String sql) {
        Matcher change = DATA_CHANGE.matcher(sql.stripLeading());
        return change.lookingAt() && change.group(1).contains(".");
    }
}
