package io.salesbi.pipeline.job;

import io.salesbi.match.MatchTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Keeps the night's match result out of sight until the night is published. The matcher reads the published ids
 * from {@code core} and writes its result straight into {@code staging.next_*} (the id history there starts as a
 * copy of the published one), inside the match step's transaction. The consolidate step moves the parked result
 * into {@code core} in the same transaction that rebuilds facts and runs the pre-publish checks, so analysts see new
 * golden customers exactly when they see the night's numbers, and never when a check fails.
 */
final class MatchResultStaging {

    /** The tables the matcher writes. */
    static final List<String> TABLES = List.of(
            "customer_xref", "customer_golden", "customer_match_pair", "customer_override", "customer_id_history");

    /** Where the matcher parks its result: staging.next_customer_xref and so on. */
    static final MatchTables PARKED = new MatchTables("staging", "next_");

    private MatchResultStaging() {}

    /**
     * Before matching: empty parked tables shaped like the published ones; the id history starts as the published
     * history, since the matcher appends to it.
     */
    static void prepareParking(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String t : TABLES) {
                st.execute("create or replace table " + PARKED.qualified(t) + " as select * from core." + t
                        + (t.equals("customer_id_history") ? "" : " limit 0"));
            }
        }
    }

    /**
     * In the publishing transaction: the parked result becomes core and leaves staging, so a later night that skips
     * matching (nothing changed) publishes nothing and rewrites none of the customer tables. A night that never
     * matched changes nothing.
     */
    static void publish(Connection conn) throws SQLException {
        if (!parked(conn)) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            for (String t : TABLES) {
                st.execute("delete from core." + t);
                st.execute("insert into core." + t + " select * from staging.next_" + t);
                st.execute("drop table staging.next_" + t);
            }
        }
    }

    /** Whether a match result waits to be published. */
    static boolean parked(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "select count(*) from duckdb_tables() where schema_name = 'staging' and table_name like 'next_customer_%'")) {
            rs.next();
            return rs.getInt(1) == TABLES.size();
        }
    }
}
