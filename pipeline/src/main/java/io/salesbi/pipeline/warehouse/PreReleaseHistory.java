package io.salesbi.pipeline.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A warehouse made by a development build before release 0.1. Its Flyway history lists the development migrations
 * {@value #FIRST_SCRIPT} to {@value #LAST_SCRIPT}, which release 0.1 squashed into {@code V1__baseline.sql}; Flyway
 * would refuse it with a checksum mismatch for version 1 and "applied migration not resolved locally" for the others.
 * This tells the steward what happened and the two ways out (docs/architecture.md, "Migrations after a release"):
 * re-create the warehouse, or adopt its schema as the baseline with {@code -D}{@value #ADOPT_PROPERTY}{@code =true}
 * when its history reached {@value #LAST_SCRIPT}, whose schema is exactly the baseline's (SchemaCatalogueTest).
 */
final class PreReleaseHistory {

    /** System property that adopts a complete pre-release schema as the baseline (once; later opens need nothing). */
    static final String ADOPT_PROPERTY = "salesbi.warehouse.adopt-pre-release";

    static final String HISTORY_TABLE = "flyway_schema_history";
    /** Where the adopted warehouse keeps its development history, for the record. */
    static final String KEPT_HISTORY_TABLE = "flyway_schema_history_pre_release";

    static final String FIRST_SCRIPT = "V1__raw_and_operations.sql";
    static final String LAST_SCRIPT = "V50__masters_from_order_lines.sql";

    private PreReleaseHistory() {}

    /** Whether the warehouse's Flyway history is one of the development migrations before the baseline. */
    static boolean present(Connection conn) throws SQLException {
        if (count(
                        conn,
                        "select count(*) from duckdb_tables() where database_name = current_database() "
                                + "and schema_name = current_schema() and table_name = '" + HISTORY_TABLE + "'")
                == 0) {
            return false;
        }
        return count(
                        conn,
                        "select count(*) from " + HISTORY_TABLE + " where version = '1' and script = '" + FIRST_SCRIPT
                                + "'")
                > 0;
    }

    /** The error for a pre-release warehouse that is not (or cannot be) adopted; names the file and both ways out. */
    static SQLException refusal(Path file, Connection conn, boolean adoptAsked) throws SQLException {
        String last = lastScript(conn);
        String reason = adoptAsked
                ? "; it cannot be adopted as the baseline because its history ends at " + last + ", not at "
                        + LAST_SCRIPT + " (or has a failed migration)"
                : " (its history runs from " + FIRST_SCRIPT + " to " + last + ")";
        String adopt = adoptAsked
                ? ""
                : " If its history ends at " + LAST_SCRIPT + ", its schema is the baseline's:"
                        + " adopt it once with SALESBI_JAVA_OPTS=-D" + ADOPT_PROPERTY + "=true.";
        return new SQLException("The warehouse " + file + " was made by a development build of salesbi before "
                + "release 0.1, whose migrations V1 to V50 were squashed into V1__baseline.sql" + reason + ". "
                + "Re-create it: move the file away and run the night again with the files of the archive put back "
                + "into the inbox." + adopt + " See docs/architecture.md, \"Migrations after a release\".");
    }

    /** Whether the history ends at {@value #LAST_SCRIPT}, every migration successful. */
    static boolean adoptable(Connection conn) throws SQLException {
        return count(conn, "select count(*) from " + HISTORY_TABLE + " where not success") == 0
                && count(conn, "select count(*) from " + HISTORY_TABLE + " where try_cast(version as integer) > 50")
                        == 0
                && count(
                                conn,
                                "select count(*) from " + HISTORY_TABLE + " where version = '50' and script = '"
                                        + LAST_SCRIPT + "' and success")
                        == 1;
    }

    /** Moves the development history aside, so that Flyway can baseline the warehouse at version 1. */
    static void keepAside(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("alter table " + HISTORY_TABLE + " rename to " + KEPT_HISTORY_TABLE);
        }
    }

    private static String lastScript(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select script from " + HISTORY_TABLE
                        + " where version is not null order by try_cast(version as integer) desc limit 1")) {
            return rs.next() ? rs.getString(1) : FIRST_SCRIPT;
        }
    }

    private static long count(Connection conn, String query) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
