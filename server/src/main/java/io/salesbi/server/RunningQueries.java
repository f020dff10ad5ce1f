package io.salesbi.server;

import com.google.common.cache.CacheBuilder;
import io.salesbi.server.QueryLimits.QueryTimeout;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysts' queries running now: how many may run at once ({@link QueryLimits}, over all users and per user,
 * with a short bounded queue), how long each may run, and which DuckDB statements each one runs, so that a cancel,
 * a timeout, closing its statement or connection, or closing the server interrupts it in DuckDB.
 *
 * <p>Avatica's protocol carries neither {@code Statement.cancel()} nor {@code Statement.setQueryTimeout}: the
 * salesbi JDBC driver (module {@code client}) sends both to {@link StatementControlHandler}, which calls
 * {@link #cancel(String, int)} and {@link #setStatementTimeout(String, int, long)}. A query request (execute or
 * fetch) may run for its statement's timeout, else its connection's ({@value QueryLimits#TIMEOUT_PROPERTY}), else
 * the server's default, never longer than the server's maximum; a timer interrupts it then. An interrupted request
 * fails with a {@link QueryInterruptedException} that says why.
 *
 * <p>Every warehouse connection the server opens passes {@link #track(Connection)}: during a query it registers the
 * statements Calcite creates on it with that query's Avatica statement, on the request's own thread. DuckDB only
 * interrupts a statement that is executing, so an interrupted request is interrupted again every
 * {@link #REPEAT_INTERRUPT} until it ends (a cancel may arrive while Calcite still plans, before DuckDB runs
 * anything).
 */
final class RunningQueries implements AutoCloseable {

    static final Duration REPEAT_INTERRUPT = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(RunningQueries.class);
    /** Clients that vanish without closing must not grow the per-statement maps forever (as SessionOwnership). */
    private static final Duration FORGET_AFTER = SessionOwnership.FORGET_AFTER;

    private final QueryLimits limits;
    private final Semaphore places;
    private final Map<String, Semaphore> placesPerUser = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Set<Execution> running = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Execution> current = new ThreadLocal<>();
    private final Map<String, QueryTimeout> connectionTimeouts = expiringMap();
    private final Map<String, QueryTimeout> statementTimeouts = expiringMap();
    /** The DuckDB statements of each Avatica statement, kept from its execute through its fetches. */
    private final Map<String, Set<Statement>> duckDbStatements = expiringMap();

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "salesbi-query-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    RunningQueries(QueryLimits limits) {
        this.limits = limits;
        this.places = new Semaphore(limits.maxConcurrent(), true);
    }

    private static <K, V> Map<K, V> expiringMap() {
        return CacheBuilder.newBuilder()
                .expireAfterAccess(FORGET_AFTER)
                .<K, V>build()
                .asMap();
    }

    /** A request to the Meta, which may throw what the Meta throws. */
    @FunctionalInterface
    interface Request<T> {
        T call() throws Throwable;
    }

    /** Why a running request was interrupted: the audit trail's outcome and the client's message. */
    private record Interruption(String outcome, String message) {}

    /** One query request running: its statement and the DuckDB statements it created. */
    private static final class Execution {
        final String connectionId;
        final Integer statementId;
        final Set<Statement> statements;
        Interruption interruption;
        ScheduledFuture<?> interrupting;
        boolean finished;

        Execution(String connectionId, Integer statementId, Set<Statement> statements) {
            this.connectionId = connectionId;
            this.statementId = statementId;
            this.statements = statements;
        }

        synchronized Interruption interruption() {
            return interruption;
        }
    }

    /**
     * Runs one query request of {@code user} for the statement ({@code statementId} null for a connection-level
     * request) once a place is free, and interrupts it when it runs longer than its timeout.
     *
     * @throws ServerBusyException "too busy" when no place frees up in the queue wait or the queue is full
     * @throws QueryInterruptedException when the request was cancelled, timed out or closed while it ran
     */
    <T> T run(UserAccount user, String connectionId, Integer statementId, Request<T> request) throws Throwable {
        Semaphore userPlaces =
                placesPerUser.computeIfAbsent(user.name(), name -> new Semaphore(limits.maxConcurrentPerUser(), true));
        acquire(userPlaces, user, "of user " + user.name());
        try {
            acquire(places, user, "in total");
            try {
                return runWithTimeout(connectionId, statementId, request);
            } finally {
                places.release();
            }
        } finally {
            userPlaces.release();
        }
    }

    private <T> T runWithTimeout(String connectionId, Integer statementId, Request<T> request) throws Throwable {
        Set<Statement> statements = statementId == null
                ? ConcurrentHashMap.newKeySet()
                : duckDbStatements.computeIfAbsent(key(connectionId, statementId), k -> ConcurrentHashMap.newKeySet());
        Execution execution = new Execution(connectionId, statementId, statements);
        QueryTimeout timeout = timeoutOf(connectionId, statementId);
        running.add(execution);
        current.set(execution);
        ScheduledFuture<?> timer = timers.schedule(
                () -> interrupt(execution, new Interruption(QueryInterruptedException.TIMEOUT, timeout.message())),
                timeout.duration().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return request.call();
        } catch (Throwable e) {
            Interruption why = execution.interruption();
            if (why != null) {
                throw new QueryInterruptedException(why.outcome(), why.message(), e);
            }
            throw e;
        } finally {
            timer.cancel(false);
            current.remove();
            running.remove(execution);
            synchronized (execution) {
                execution.finished = true;
                if (execution.interrupting != null) {
                    execution.interrupting.cancel(false);
                }
            }
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

    /** The timeout of the statement's next request: its own, else its connection's, else the server's default. */
    QueryTimeout timeoutOf(String connectionId, Integer statementId) {
        QueryTimeout timeout = statementId == null ? null : statementTimeouts.get(key(connectionId, statementId));
        if (timeout == null) {
            timeout = connectionTimeouts.get(connectionId);
        }
        return timeout != null ? timeout : limits.timeout(null, "");
    }

    /**
     * A connection was opened asking for {@code requestedSeconds} (its {@value QueryLimits#TIMEOUT_PROPERTY}
     * property, already checked by {@link SessionMeta}; null or blank: none).
     */
    void connectionOpened(String connectionId, String requestedSeconds) {
        if (requestedSeconds != null && !requestedSeconds.isBlank()) {
            connectionTimeouts.put(
                    connectionId,
                    limits.timeout(
                            Long.parseLong(requestedSeconds.strip()),
                            "the connection's " + QueryLimits.TIMEOUT_PROPERTY));
        }
    }

    /**
     * Sets the timeout of a statement's next requests ({@code Statement.setQueryTimeout}); 0 (JDBC's "no limit")
     * falls back to the connection's or the server's default. Returns the timeout that applies now.
     */
    QueryTimeout setStatementTimeout(String connectionId, int statementId, long seconds) {
        String key = key(connectionId, statementId);
        if (seconds <= 0) {
            statementTimeouts.remove(key);
        } else {
            statementTimeouts.put(key, limits.timeout(seconds, "the statement's query timeout"));
        }
        return timeoutOf(connectionId, statementId);
    }

    /**
     * Interrupts in DuckDB the running requests of a statement ({@code Statement.cancel()}); returns how many were
     * running.
     */
    int cancel(String connectionId, int statementId) {
        return interrupt(
                connectionId,
                statementId,
                new Interruption(QueryInterruptedException.CANCELLED, "cancelled: the client cancelled the query"));
    }

    /**
     * A statement ({@code statementId} non-null) or a whole connection is being closed: interrupts its running
     * requests and forgets its timeouts.
     */
    void closing(String connectionId, Integer statementId) {
        interrupt(
                connectionId,
                statementId,
                new Interruption(
                        QueryInterruptedException.CLOSED,
                        "interrupted: the query's " + (statementId == null ? "connection" : "statement")
                                + " was closed while it ran"));
        if (statementId != null) {
            statementTimeouts.remove(key(connectionId, statementId));
            duckDbStatements.remove(key(connectionId, statementId));
        } else {
            String prefix = connectionId + "/";
            connectionTimeouts.remove(connectionId);
            statementTimeouts.keySet().removeIf(key -> key.startsWith(prefix));
            duckDbStatements.keySet().removeIf(key -> key.startsWith(prefix));
        }
    }

    /** Interrupts every running query (the server is closing). */
    void cancelAll() {
        Interruption closing =
                new Interruption(QueryInterruptedException.CLOSED, "interrupted: the server is shutting down");
        running.forEach(execution -> interrupt(execution, closing));
    }

    private int interrupt(String connectionId, Integer statementId, Interruption why) {
        int interrupted = 0;
        for (Execution execution : running) {
            if (execution.connectionId.equals(connectionId)
                    && (statementId == null || Objects.equals(statementId, execution.statementId))) {
                interrupt(execution, why);
                interrupted++;
            }
        }
        return interrupted;
    }

    /** Interrupts the request now and every {@link #REPEAT_INTERRUPT} until it ends; the first reason stays. */
    private void interrupt(Execution execution, Interruption why) {
        synchronized (execution) {
            if (execution.finished || execution.interruption != null) {
                return;
            }
            execution.interruption = why;
            LOG.info(
                    "jdbc query of connection {} statement {} interrupted in DuckDB: {}",
                    execution.connectionId,
                    execution.statementId,
                    why.message());
            execution.interrupting = timers.scheduleWithFixedDelay(
                    () -> cancelStatements(execution), 0, REPEAT_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void cancelStatements(Execution execution) {
        for (Statement statement : List.copyOf(execution.statements)) {
            try {
                if (!statement.isClosed()) {
                    statement.cancel();
                }
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
                        execution.statements.removeIf(RunningQueries::isClosed);
                        execution.statements.add(statement);
                    }
                    return result;
                });
    }

    private static boolean isClosed(Statement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static String key(String connectionId, int statementId) {
        return connectionId + "/" + statementId;
    }

    /** Stops the timers; running requests are no longer interrupted. */
    @Override
    public void close() {
        timers.shutdownNow();
    }
}
