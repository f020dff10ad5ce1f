package io.salesbi.sql.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's {@link JdbcMeta} whose connections are Calcite sessions for the request's authenticated user instead of
 * {@code DriverManager} connections built from client-sent properties.
 */
final class SessionMeta extends JdbcMeta {

    private final CalciteSessionFactory sessions;

    SessionMeta(CalciteSessionFactory sessions) throws SQLException {
        super("jdbc:calcite:", new Properties());
        this.sessions = sessions;
    }

    @Override
    protected Connection createConnection(String url, Properties clientProperties) throws SQLException {
        return sessions.open(CurrentUser.require());
    }

    /** Closes every open session; the cache's removal listener closes the JDBC objects. */
    void closeAll() {
        getStatementCache().invalidateAll();
        getConnectionCache().invalidateAll();
    }
}
