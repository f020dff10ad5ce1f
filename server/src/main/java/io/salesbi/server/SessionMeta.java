package io.salesbi.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's {@link JdbcMeta} whose connections are Calcite sessions for the request's authenticated user instead of
 * {@code DriverManager} connections built from client-sent properties.
 *
 * <p>Frames after the first hold at least {@value #MIN_FRAME_ROWS} rows. The Avatica JDBC client asks for frames of
 * 100 rows (its default fetch size), and every frame is one HTTP round trip: a 5,000-row KPI dataset took 50 of
 * them, now two (Avatica caps the first frame, which comes with the execute response, at 100 rows). A frame never
 * holds more rows than the statement's maximum row count, and clients read larger frames as they come.
 */
final class SessionMeta extends JdbcMeta {

    static final int MIN_FRAME_ROWS = 5_000;

    /**
     * How much later than the maximum query timeout DuckDB's own timeout interrupts a statement: RunningQueries,
     * which tells the client why, comes first.
     */
    static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(5);

    private final CalciteSessionFactory sessions;

    SessionMeta(CalciteSessionFactory sessions) throws SQLException {
        super("jdbc:calcite:", new Properties());
        this.sessions = sessions;
    }

    @Override
    protected Connection createConnection(String url, Properties clientProperties) throws SQLException {
        // The only client property the server reads: how long this connection's queries may run, within the maximum.
        // RunningQueries enforces it (and each statement's own timeout) per request; DuckDB's own timeout at the
        // maximum is the backstop for any query that would slip past it.
        try {
            sessions.limits().timeoutFor(clientProperties.getProperty(QueryLimits.TIMEOUT_PROPERTY));
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "22023");
        }
        return sessions.open(
                CurrentUser.require(), sessions.limits().maxTimeout().plus(BACKSTOP_MARGIN));
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        return super.fetch(h, offset, frameRows(fetchMaxRowCount));
    }

    /** The rows a frame may hold: what the client asked, but at least {@value #MIN_FRAME_ROWS}; 0 and negative
     * values (no limit, or Avatica's defaults) pass unchanged. */
    static int frameRows(int requested) {
        return requested > 0 ? Math.max(requested, MIN_FRAME_ROWS) : requested;
    }

    /** Closes every open session; the cache's removal listener closes the JDBC objects. */
    void closeAll() {
        getStatementCache().invalidateAll();
        getConnectionCache().invalidateAll();
    }
}
