package io.salesbi.pipeline.job;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Keeps the night's match result out of sight until the night is published. The matcher writes its tables in
 * {@code core} (it reads the published ids from there); the match step then parks the result in {@code staging.next_*}
 * and puts the published tables back, all in its own uncommitted transaction. The consolidate step moves the parked
 * result into {@code core} in the same transaction that rebuilds facts and runs the pre-publish checks, so analysts
 * see new golden customers exactly when they see the night's numbers, and never when a check fails.
 */
final class MatchResultStaging {

    /** The tables the matcher writes. */
    static final List<String> TABLES = List.of("customer_xref", "customer_golden", "customer_match_pair",
            "customer_override", "customer_id_history");

    private MatchResultStaging() {
    }

    /** Before matching: remember the published tables (connection-local temporary copies). */
    static void rememberPublished(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String t : TABLES) {
                st.execute("create or replace temp table published_" + t + " as select * from core." + t);
            }
        }
    }

    /** After matching: park the new result in staging and put the published tables back in core. */
    static void parkResultAndRestorePublished(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String t : TABLES) {
                st.execute("create or replace table staging.next_" + t + " as select * from core." + t);
                st.execute("delete from core." + t);
                st.execute("insert into core." + t + " select * from published_" + t);
                st.execute("drop table published_" + t);
            }
        }
    }

    /** In the publishing transaction: the parked result becomes core. A night that never matched changes nothing. */
    static void publish(Connection conn) throws SQLException {
        if (!exists(conn)) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            for (String t : TABLES) {
                st.execute("delete from core." + t);
                st.execute("insert into core." + t + " select * from staging.next_" + t);
            }
        }
    }

    private static boolean exists(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "select count(*) from duckdb_tables() where schema_name = 'staging' and table_name like 'next_customer_%'")) {
            rs.next();
            return rs.getInt(1) == TABLES.size();
        }
    }
}
