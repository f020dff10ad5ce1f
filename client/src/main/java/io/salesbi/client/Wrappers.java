package io.salesbi.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * The JDBC objects of {@link SalesbiDriver}: dynamic proxies over Avatica's, so that every JDBC method not named here
 * is Avatica's. Statements send cancel and query timeout to the server ({@link StatementControl}); result sets
 * convert {@code getObject(column, type)} ({@link TypedResultSet}); {@code getConnection()} and
 * {@code getStatement()} answer the wrappers, and {@code unwrap} reaches Avatica's objects.
 */
final class Wrappers {

    /** What the server's messages of a query ended by its timeout start with. */
    static final String TIMEOUT_MESSAGE = "query timeout after ";

    private Wrappers() {}

    static Connection connection(Connection avatica, StatementControl control) {
        Connection[] self = new Connection[1];
        self[0] = proxy(Connection.class, avatica, (proxy, method, args) -> {
            Object result = invoke(avatica, method, args);
            if (result instanceof Statement statement) {
                return statement(statement, self[0], control);
            }
            if (result instanceof DatabaseMetaData metadata) {
                return proxy(DatabaseMetaData.class, metadata, (p, m, a) -> {
                    if (m.getName().equals("getConnection")) {
                        return self[0];
                    }
                    return invoke(metadata, m, a);
                });
            }
            return result;
        });
        return self[0];
    }

    private static Statement statement(Statement avatica, Connection connection, StatementControl control) {
        Class<? extends Statement> type = avatica instanceof CallableStatement
                ? CallableStatement.class
                : avatica instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        Statement[] self = new Statement[1];
        int[] sentTimeout = {0};
        self[0] = proxy(type, avatica, (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
                case "cancel" -> {
                    // The server interrupts the running request, which then fails with "cancelled". Avatica's own
                    // cancel is not called: it only sets a flag in the client, which is never cleared, so every
                    // later result of the statement would fail with "Statement canceled".
                    AvaticaStatement handle = avatica.unwrap(AvaticaStatement.class);
                    if (handle.handle != null) {
                        control.cancel(handle.handle.connectionId, handle.handle.id);
                    }
                    return null;
                }
                case "setQueryTimeout" -> {
                    invoke(avatica, method, args);
                    int seconds = (Integer) args[0];
                    synchronized (sentTimeout) {
                        if (seconds != sentTimeout[0]) {
                            AvaticaStatement handle = avatica.unwrap(AvaticaStatement.class);
                            control.timeout(handle.handle.connectionId, handle.handle.id, seconds);
                            sentTimeout[0] = seconds;
                        }
                    }
                    return null;
                }
                case "getConnection" -> {
                    return connection;
                }
                case "setObject" -> {
                    if (args.length >= 2 && JavaTimeParameters.convertible(args[1])) {
                        JavaTimeParameters.set((PreparedStatement) avatica, (Integer) args[0], args[1]);
                        return null;
                    }
                }
                default -> {
                    // Avatica's
                }
            }
            Object result;
            try {
                result = invoke(avatica, method, args);
            } catch (SQLException e) {
                throw name.startsWith("execute") ? timeoutException(e) : e;
            }
            return result instanceof ResultSet rows ? TypedResultSet.wrap(rows, self[0]) : result;
        });
        return self[0];
    }

    /** A query ended by its timeout as {@link SQLTimeoutException}, as JDBC asks; other errors unchanged. */
    static SQLException timeoutException(SQLException e) {
        String message = e.getMessage();
        int at = message == null ? -1 : message.indexOf(TIMEOUT_MESSAGE);
        if (at < 0 || e instanceof SQLTimeoutException) {
            return e;
        }
        return new SQLTimeoutException(message.substring(at), e.getSQLState(), e.getErrorCode(), e);
    }

    /** A proxy of {@code type} over {@code delegate}; {@code unwrap} and {@code isWrapperFor} see both. */
    static <T> T proxy(Class<T> type, Object delegate, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(Wrappers.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("unwrap") && a != null && a.length == 1 && ((Class<?>) a[0]).isInstance(p)) {
                return p;
            }
            if (m.getName().equals("isWrapperFor") && a != null && a.length == 1 && ((Class<?>) a[0]).isInstance(p)) {
                return true;
            }
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> p == a[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> type.getSimpleName() + " of salesbi over " + delegate;
                };
            }
            return handler.invoke(p, m, a);
        }));
    }

    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return Accessible.of(method).invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
