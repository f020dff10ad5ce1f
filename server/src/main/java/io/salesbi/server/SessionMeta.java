package io.salesbi.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(SessionMeta.class);

    /**
     * How much later than the maximum query timeout DuckDB's own timeout interrupts a statement: RunningQueries,
     * which tells the client why, comes first.
     */
    static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(5);

    private final CalciteSessionFactory sessions;

    /** Results whose rows after the first frame the stream may read straight from DuckDB, by statement. */
    private final Map<String, DirectRows.Stream> directRows = new ConcurrentHashMap<>();

    private final AtomicLong rowsReadDirectly = new AtomicLong();

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
    public ExecuteResult prepareAndExecute(
            StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame, PrepareCallback callback)
            throws NoSuchStatementException {
        directRows.remove(key(h));
        try (DirectRows.Capture capture = DirectRows.capture()) {
            ExecuteResult result = super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
            if (result.resultSets.size() == 1) {
                try {
                    DirectRows.Stream stream = capture.stream(result.resultSets.get(0), maxRowCount);
                    if (stream != null) {
                        directRows.put(key(h), stream);
                    }
                    LOG.debug(
                            "statement {}: the rows after its first frame stream {}",
                            h.id,
                            stream == null ? "through Calcite" : "straight from DuckDB");
                } catch (SQLException e) {
                    // DuckDB's column types cannot be read: the rows go Calcite's way
                    LOG.debug("no direct rows for statement {}: {}", h.id, e.getMessage());
                }
            }
            return result;
        }
    }

    /** A prepared statement runs (again): its rows go Calcite's way, and no earlier result is read directly. */
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        directRows.remove(key(h));
        return super.execute(h, parameterValues, maxRowsInFirstFrame);
    }

    /**
     * The next frame of a result. A fetch of {@link RowStreamHandler}'s stream reads a result Calcite runs as one
     * DuckDB query straight from DuckDB ({@link DirectRows}); once it has, Avatica's own fetch of that result is
     * refused, since Calcite's cursor no longer knows where the result stands.
     */
    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        DirectRows.Stream direct = directRows.get(key(h));
        if (direct != null) {
            FrameBuffer target = DirectRows.streamTarget();
            if (target != null && offset == direct.nextOffset()) {
                try {
                    DirectRows.EncodedFrame frame = direct.fetch(target, frameRows(fetchMaxRowCount));
                    rowsReadDirectly.addAndGet(((java.util.Collection<?>) frame.rows).size());
                    return frame;
                } catch (SQLException e) {
                    throw new AvaticaRuntimeException(
                            e.getMessage(), e.getErrorCode(), e.getSQLState(), AvaticaSeverity.ERROR);
                }
            }
            if (direct.started()) {
                throw new MissingResultsException(h);
            }
            directRows.remove(key(h));
        }
        return super.fetch(h, offset, frameRows(fetchMaxRowCount));
    }

    @Override
    public void closeStatement(StatementHandle h) {
        directRows.remove(key(h));
        super.closeStatement(h);
    }

    @Override
    public void closeConnection(ConnectionHandle ch) {
        directRows.keySet().removeIf(key -> key.startsWith(ch.id + "/"));
        super.closeConnection(ch);
    }

    /** Rows streamed straight from DuckDB so far ({@link DirectRows}), for tests and benchmarks. */
    long rowsReadDirectly() {
        return rowsReadDirectly.get();
    }

    private static String key(StatementHandle h) {
        return h.connectionId + "/" + h.id;
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
