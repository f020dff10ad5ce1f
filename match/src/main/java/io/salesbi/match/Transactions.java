package io.salesbi.match;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a connection, restoring its auto-commit mode afterwards. When the caller already
 * holds a transaction (auto-commit off), the work joins it and the caller commits: the nightly job publishes the
 * match result together with the rest of the night.
 */
final class Transactions {

    interface SqlWork {
        void run() throws SQLException;
    }

    private Transactions() {}

    static void inTransaction(Connection conn, SqlWork work) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        if (!autoCommit) {
            work.run();
            return;
        }
        conn.setAutoCommit(false);
        try {
            work.run();
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(autoCommit);
        }
    }
}
