package io.salesbi.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;

/**
 * A session connection whose every statement carries the endpoint's maximum query timeout and reads one night
 * ({@link SessionSnapshot}). Analysts' queries run inside the process that also runs the nightly job, so a runaway
 * cross join must not hold DuckDB's cores for hours. {@link RunningQueries} interrupts each request after its own
 * timeout (statement, connection or default); the maximum set here, which Calcite passes on to DuckDB, is the
 * backstop for any query that would slip past it.
 *
 * <p>Each execution of a statement first tells the session's snapshot that a statement starts; auto-commit, commit
 * and rollback are the snapshot's (Calcite itself has no transactions), and closing the session ends its snapshot.
 */
final class TimeLimitedConnection implements InvocationHandler {

    private final Connection delegate;
    private final int timeoutSeconds;
    private final SessionSnapshot snapshot;

    private TimeLimitedConnection(Connection delegate, int timeoutSeconds, SessionSnapshot snapshot) {
        this.delegate = delegate;
        this.timeoutSeconds = timeoutSeconds;
        this.snapshot = snapshot;
    }

    static Connection wrap(Connection delegate, Duration timeout, SessionSnapshot snapshot) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        return (Connection) Proxy.newProxyInstance(
                TimeLimitedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new TimeLimitedConnection(delegate, seconds, snapshot));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "setAutoCommit" -> {
                snapshot.setAutoCommit((Boolean) args[0]);
                return null;
            }
            case "getAutoCommit" -> {
                return snapshot.autoCommit();
            }
            case "commit", "rollback" -> {
                if (args == null || args.length == 0) {
                    snapshot.endTransaction();
                    return null;
                }
            }
            case "close" -> {
                try {
                    return invokeOn(delegate, method, args);
                } finally {
                    snapshot.close();
                }
            }
            default -> {
                // any other method goes to Calcite
            }
        }
        Object result = invokeOn(delegate, method, args);
        if (result instanceof DatabaseMetaData metadata) {
            return WithColumnSizes.of(metadata);
        }
        if (result instanceof Statement statement
                && (method.getName().equals("createStatement")
                        || method.getName().startsWith("prepare"))) {
            statement.setQueryTimeout(timeoutSeconds);
            return statementOnSnapshot(statement);
        }
        return result;
    }

    /** The statement whose every execution starts with {@link SessionSnapshot#beginStatement()}. */
    private Statement statementOnSnapshot(Statement statement) {
        Class<?> type = statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(
                TimeLimitedConnection.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        snapshot.beginStatement();
                    }
                    Object result = invokeOn(statement, method, args);
                    if (result instanceof ResultSet rows) {
                        return WithColumnSizes.of(rows);
                    }
                    return result instanceof ResultSetMetaData columns ? WithColumnSizes.of(columns) : result;
                });
    }

    private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
