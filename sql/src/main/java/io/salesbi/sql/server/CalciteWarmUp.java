package io.salesbi.sql.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one query through Calcite before the endpoint takes requests, so the analyst's first query does not pay for
 * loading and compiling Calcite's planner and code generator (seconds on a cold JVM). A failure only costs the
 * warm-up, never the start.
 */
final class CalciteWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(CalciteWarmUp.class);

    private CalciteWarmUp() {
    }

    static void run(CalciteSessionFactory sessions) {
        long started = System.nanoTime();
        try (Connection conn = sessions.open(UserAccount.anonymous())) {
            String relation = firstRelation(conn.getMetaData());
            if (relation == null) {
                return;
            }
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from " + relation + " where 1 = 1")) {
                rs.next();
            }
            LOG.info("Calcite warmed up on {} in {} ms", relation, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Calcite warm-up skipped: {}", e.getMessage());
        }
    }

    private static String firstRelation(DatabaseMetaData meta) throws SQLException {
        try (ResultSet rs = meta.getTables(null, CalciteSessionFactory.DEFAULT_SCHEMA, "%", null)) {
            return rs.next() ? "\"" + rs.getString("TABLE_SCHEM") + "\".\"" + rs.getString("TABLE_NAME") + "\"" : null;
        }
    }
}
