package io.salesbi.server;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The one DuckDB snapshot a session's statement reads, or, inside a JDBC transaction ({@code setAutoCommit(false)}),
 * every statement until commit or rollback: the DataSource of the session's warehouse schemas.
 *
 * <p>Calcite runs a statement as one or more queries on DuckDB (one per schema a join spans, one per subquery it
 * cannot push down) and asks its DataSource for a connection for each of them. Fresh connections would each read the
 * last commit when they start, so a night publishing in between made one statement mix two nights. Here every
 * connection Calcite asks for during a statement is the same DuckDB connection, with auto-commit off: DuckDB starts
 * its transaction at the first query and every later query on it reads that transaction's snapshot (MVCC), whatever
 * commits meanwhile. {@link #beginStatement()} detaches the snapshot in auto-commit mode, so the next statement reads
 * the nights published up to then; {@link #endTransaction()} does so on commit and rollback. A detached DuckDB
 * connection is closed when Calcite has closed every borrowing of it (a cursor still being fetched keeps reading its
 * own snapshot). Calcite closes each query's connection through its result set's statement, so statements and
 * result sets are lent as wrappers that lead back to the borrowing, never to the DuckDB connection.
 *
 * <p>A session inside a long transaction keeps DuckDB from dropping the row versions of its snapshot: the query
 * timeout does not end a transaction, closing the connection does.
 */
final class SessionSnapshot implements DataSource {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SessionSnapshot.class);

    private final DataSource warehouse;
    private boolean autoCommit = true;
    private Pinned current;
    private boolean closed;

    SessionSnapshot(DataSource warehouse) {
        this.warehouse = warehouse;
    }

    /** A statement starts: in auto-commit mode it reads a snapshot of its own. */
    synchronized void beginStatement() {
        if (autoCommit) {
            detach();
        }
    }

    /** Commit or rollback: the next statement reads a new snapshot. */
    synchronized void endTransaction() {
        detach();
    }

    synchronized void setAutoCommit(boolean autoCommit) {
        if (autoCommit && !this.autoCommit) {
            // JDBC: switching auto-commit on commits the transaction.
            detach();
        }
        this.autoCommit = autoCommit;
    }

    synchronized boolean autoCommit() {
        return autoCommit;
    }

    /** The session ends: its snapshot's DuckDB connection closes once its last cursor is closed. */
    synchronized void close() {
        closed = true;
        detach();
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the session is closed", "08003");
        }
        if (current == null) {
            Connection connection = warehouse.getConnection();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            current = new Pinned(connection);
        }
        return current.borrow();
    }

    private void detach() {
        if (current != null) {
            current.detach();
            current = null;
        }
    }

    /**
     * One DuckDB connection with its transaction, lent to Calcite as often as it asks: the borrowings' close
     * returns it; the connection closes when it is detached and nothing borrows it any more.
     */
    private static final class Pinned {

        private final Connection connection;
        private int borrowed;
        private boolean detached;

        Pinned(Connection connection) {
            this.connection = connection;
        }

        synchronized Connection borrow() {
            borrowed++;
            boolean[] returned = {false};
            Connection[] borrowing = new Connection[1];
            borrowing[0] = (Connection) Proxy.newProxyInstance(
                    SessionSnapshot.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "close" -> {
                                synchronized (Pinned.this) {
                                    if (!returned[0]) {
                                        returned[0] = true;
                                        giveBack();
                                    }
                                }
                                return null;
                            }
                            case "isClosed" -> {
                                return returned[0] || connection.isClosed();
                            }
                            // The transaction is the session's: Calcite never commits it nor turns it off.
                            case "commit", "rollback", "setAutoCommit" -> {
                                return null;
                            }
                            case "getAutoCommit" -> {
                                return false;
                            }
                            default -> {
                                Object result = invoke(connection, method, args);
                                return result instanceof Statement statement
                                        ? onBorrowing(statement, borrowing[0])
                                        : result;
                            }
                        }
                    });
            return borrowing[0];
        }

        synchronized void detach() {
            detached = true;
            closeIfUnused();
        }

        private void giveBack() {
            borrowed--;
            closeIfUnused();
        }

        private void closeIfUnused() {
            if (detached && borrowed == 0) {
                try {
                    // A read-only transaction: nothing to commit.
                    connection.rollback();
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("ending a snapshot's DuckDB transaction: {}", e.getMessage());
                }
                try {
                    connection.close();
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("closing a snapshot's DuckDB connection: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * The statement as Calcite sees it: its {@code getConnection()}, also through its result sets, is the borrowing,
     * since Calcite closes a query's connection as {@code resultSet.getStatement().getConnection().close()}.
     */
    private static Statement onBorrowing(Statement statement, Connection borrowing) {
        Class<?> type = statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        Statement[] wrapped = new Statement[1];
        wrapped[0] = (Statement) Proxy.newProxyInstance(
                SessionSnapshot.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return borrowing;
                    }
                    if (statement instanceof PreparedStatement prepared
                            && args != null
                            && args.length == 2
                            && (method.getName().equals("setInt")
                                    || method.getName().equals("setLong"))
                            && setDateTime(prepared, (Integer) args[0], ((Number) args[1]).longValue())) {
                        return null;
                    }
                    Object result = invoke(statement, method, args);
                    return result instanceof ResultSet rows ? ofStatement(rows, wrapped[0]) : result;
                });
        return wrapped[0];
    }

    /**
     * Binds a DATE or TIMESTAMP parameter of a DuckDB query as a date or timestamp. Calcite holds dates as days and
     * timestamps as milliseconds since 1970 (local time) and binds them as numbers, which DuckDB refuses to compare
     * with a date or timestamp column: a BI tool's {@code setDate}/{@code setTimestamp} failed. Whether the DuckDB
     * parameter is one comes from DuckDB's parameter metadata; other numbers are bound as they are.
     *
     * @return whether the parameter was bound here
     */
    private static boolean setDateTime(PreparedStatement statement, int index, long value) throws SQLException {
        int type;
        try {
            type = statement.getParameterMetaData().getParameterType(index);
        } catch (SQLException | RuntimeException unknown) {
            return false;
        }
        if (type == Types.DATE) {
            statement.setObject(index, LocalDate.ofEpochDay(value));
            return true;
        }
        if (type == Types.TIMESTAMP) {
            statement.setObject(
                    index,
                    LocalDateTime.ofEpochSecond(
                            Math.floorDiv(value, 1_000L),
                            (int) Math.floorMod(value, 1_000L) * 1_000_000,
                            ZoneOffset.UTC));
            return true;
        }
        return false;
    }

    private static ResultSet ofStatement(ResultSet rows, Statement statement) {
        // while a query executes, DirectRows follows where Calcite's cursor leaves the result
        DirectRows.Cursor cursor = DirectRows.opened(rows);
        return (ResultSet) Proxy.newProxyInstance(
                SessionSnapshot.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getStatement")) {
                        return statement;
                    }
                    if (cursor != null && method.getName().equals("next")) {
                        boolean onRow = rows.next();
                        cursor.moved(onRow);
                        return onRow;
                    }
                    return invoke(rows, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return Accessible.of(method).invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through SLF4J.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // In-process connections do not log in.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("SessionSnapshot logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("SessionSnapshot is not a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
