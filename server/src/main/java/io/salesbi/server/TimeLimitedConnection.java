package io.salesbi.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * A session connection whose every statement carries the endpoint's query timeout. Analysts' queries run inside the
 * process that also runs the nightly job, so a runaway cross join must not hold DuckDB's cores for hours. Calcite
 * passes the timeout on to DuckDB, which interrupts the query; the client gets an SQLException. Avatica does not
 * send a client's own {@code setQueryTimeout} to the server, so the server sets it.
 */
final class TimeLimitedConnection implements InvocationHandler {

    private final Connection delegate;
    private final int timeoutSeconds;

    private TimeLimitedConnection(Connection delegate, int timeoutSeconds) {
        this.delegate = delegate;
        this.timeoutSeconds = timeoutSeconds;
    }

    static Connection wrap(Connection delegate, Duration timeout) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        return (Connection) Proxy.newProxyInstance(TimeLimitedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TimeLimitedConnection(delegate, seconds));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Statement statement
                && (method.getName().equals("createStatement") || method.getName().startsWith("prepare"))) {
            statement.setQueryTimeout(timeoutSeconds);
        }
        return result;
    }
}
