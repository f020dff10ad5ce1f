package io.salesbi.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysts' queries running now: how many may run at once ({@link QueryLimits}, over all users and per user,
 * with a short bounded queue) and which DuckDB statements each one runs, so that closing its statement or connection
 * from another thread, or closing the server, interrupts it in DuckDB. Avatica's protocol has no cancel request (a
 * client's {@code Statement.cancel()} only sets a flag in the client); the close requests are what a client sends
 * while its query runs.
 *
 * <p>Every warehouse connection the server opens passes {@link #track(Connection)}: during a query it registers the
 * statements Calcite creates on it with that query, on the request's own thread.
 */
final class RunningQueries {

    private static final Logger LOG = LoggerFactory.getLogger(RunningQueries.class);

    private final QueryLimits limits;
    private final Semaphore places;
    private final Map<String, Semaphore> placesPerUser = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Set<Execution> running = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Execution> current = new ThreadLocal<>();

    RunningQueries(QueryLimits limits) {
        this.limits = limits;
        this.places = new Semaphore(limits.maxConcurrent(), true);
    }

    /** A request to the Meta, which may throw what the Meta throws. */
    @FunctionalInterface
    interface Request<T> {
        T call() throws Throwable;
    }

    /** One query request running: its statement and the DuckDB statements it created. */
    private record Execution(String connectionId, Integer statementId, Set<Statement> statements) {}

    /**
     * Runs one query request of {@code user} for the statement ({@code statementId} null for a connection-level
     * request) once a place is free.
     *
     * @throws ServerBusyException "too busy" when no place frees up in the queue wait or the queue is full
     */
    <T> T run(UserAccount user, String connectionId, Integer statementId, Request<T> request) throws Throwable {
        Semaphore userPlaces =
                placesPerUser.computeIfAbsent(user.name(), name -> new Semaphore(limits.maxConcurrentPerUser(), true));
        acquire(userPlaces, user, "of user " + user.name());
        try {
            acquire(places, user, "in total");
            try {
                Execution execution = new Execution(connectionId, statementId, ConcurrentHashMap.newKeySet());
                running.add(execution);
                current.set(execution);
                try {
                    return request.call();
                } finally {
                    current.remove();
                    running.remove(execution);
                }
            } finally {
                places.release();
            }
        } finally {
            userPlaces.release();
        }
    }

    private void acquire(Semaphore semaphore, UserAccount user, String scope) throws InterruptedException {
        if (semaphore.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > limits.maxQueued()) {
            waiting.decrementAndGet();
            throw tooBusy(user, scope);
        }
        try {
            if (!semaphore.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw tooBusy(user, scope);
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    private ServerBusyException tooBusy(UserAccount user, String scope) {
        LOG.warn(
                "jdbc user={} refused: too many queries running {} ({} in total, {} per user, {} may wait {} s)",
                user.name(),
                scope,
                limits.maxConcurrent(),
                limits.maxConcurrentPerUser(),
                limits.maxQueued(),
                limits.queueWait().toSeconds());
        return new ServerBusyException("server too busy: too many queries are running " + scope + " (at most "
                + limits.maxConcurrent() + " in total and " + limits.maxConcurrentPerUser() + " per user); try again "
                + "in a moment");
    }

    /** Interrupts in DuckDB the running queries of a statement, or of every statement of a connection (null). */
    void cancel(String connectionId, Integer statementId) {
        for (Execution execution : running) {
            if (execution.connectionId().equals(connectionId)
                    && (statementId == null || Objects.equals(statementId, execution.statementId()))) {
                cancel(execution);
            }
        }
    }

    /** Interrupts every running query (the server is closing). */
    void cancelAll() {
        running.forEach(RunningQueries::cancel);
    }

    private static void cancel(Execution execution) {
        for (Statement statement : List.copyOf(execution.statements())) {
            try {
                statement.cancel();
                LOG.info(
                        "jdbc query of connection {} statement {} interrupted in DuckDB",
                        execution.connectionId(),
                        execution.statementId());
            } catch (SQLException | RuntimeException e) {
                LOG.debug("cannot interrupt a DuckDB statement: {}", e.getMessage());
            }
        }
    }

    /** The connection as Calcite gets it: statements created during a query are registered with that query. */
    Connection track(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                RunningQueries.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Execution execution = current.get();
                    if (execution != null && result instanceof Statement statement) {
                        execution.statements().add(statement);
                    }
                    return result;
                });
    }
}
