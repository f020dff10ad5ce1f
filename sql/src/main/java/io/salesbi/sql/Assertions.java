package io.salesbi.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-publish checks of the warehouse: every {@code sql/assert/*.sql} is one query returning the violating rows,
 * each with a {@code message} column. No row from any check means the KPIs may be published.
 */
public final class Assertions {

    private static final Logger log = LoggerFactory.getLogger(Assertions.class);
    private static final String FOLDER = "sql/assert";

    private Assertions() {}

    /** Runs every {@code sql/assert/*.sql}; returns the failures, empty when all checks pass. */
    public static List<AssertionFailure> check(Connection conn) throws SQLException {
        List<AssertionFailure> failures = new ArrayList<>();
        List<String> scripts = ClasspathScripts.list(FOLDER);
        for (String script : scripts) {
            failures.addAll(checkOne(conn, script));
        }
        log.info("Assertions: {} checks, {} failures", scripts.size(), failures.size());
        failures.forEach(failure -> log.warn("Assertion failed: {}", failure));
        return List.copyOf(failures);
    }

    private static List<AssertionFailure> checkOne(Connection conn, String script) throws SQLException {
        List<AssertionFailure> failures = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet rows = statement.executeQuery(
                        ClasspathScripts.read(script).strip().replaceAll(";\\s*$", ""))) {
            while (rows.next()) {
                failures.add(new AssertionFailure(script, rows.getString("message")));
            }
        } catch (SQLException e) {
            throw new SQLException(script + " failed to run: " + e.getMessage(), e.getSQLState(), e);
        }
        return failures;
    }
}
