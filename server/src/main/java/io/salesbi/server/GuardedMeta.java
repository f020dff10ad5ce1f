package io.salesbi.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.Meta.ConnectionHandle;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.QueryState.StateType;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the Avatica {@link Meta} with what every request must pass, whatever its kind (a dynamic proxy, so a request
 * type added by a later Avatica cannot slip past): the connection and statement belong to the requesting user
 * ({@link SessionOwnership}), SQL text is a read-only query ({@link ReadOnlyStatementGuard}), batches (which only
 * exist to write) are refused, failures reach the client as short messages with an SQL state ({@link ClientErrors}),
 * and each request is logged with user, operation, SQL and duration; each query is recorded in the audit trail
 * ({@link QueryAudit}). Connection
 * properties sent by the client are never logged: they may hold the password.
 */
final class GuardedMeta implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedMeta.class);
    private static final Set<String> BATCH_METHODS =
            Set.of("prepareAndExecuteBatch", "executeBatch", "executeBatchProtobuf");
    private static final Set<String> LOGGED_AT_INFO =
            Set.of("openConnection", "closeConnection", "prepare", "prepareAndExecute", "execute");

    /** Requests that run (or continue) a query in DuckDB: they take a place of the {@link RunningQueries}. */
    private static final Set<String> QUERY_METHODS = Set.of("prepareAndExecute", "execute", "fetch");

    private final ProtobufMeta delegate;
    private final ReadOnlyStatementGuard guard;
    private final RunningQueries queries;
    private final SessionOwnership ownership;
    private final QueryAudit audit;

    private GuardedMeta(
            ProtobufMeta delegate,
            ReadOnlyStatementGuard guard,
            RunningQueries queries,
            SessionOwnership ownership,
            AuditLog audit) {
        this.delegate = delegate;
        this.guard = guard;
        this.queries = queries;
        this.ownership = ownership;
        this.audit = new QueryAudit(audit);
    }

    static ProtobufMeta wrap(ProtobufMeta delegate, ReadOnlyStatementGuard guard) {
        return wrap(
                delegate, guard, new RunningQueries(QueryLimits.DEFAULT), new SessionOwnership(), AuditLog.logOnly());
    }

    /**
     * The guarded Meta whose query requests run within {@code queries}' limits and can be interrupted there, whose
     * connections and statements are recorded in {@code ownership} (which {@link StatementControlHandler} checks
     * too), and whose queries are recorded in {@code audit}.
     */
    static ProtobufMeta wrap(
            ProtobufMeta delegate,
            ReadOnlyStatementGuard guard,
            RunningQueries queries,
            SessionOwnership ownership,
            AuditLog audit) {
        return (ProtobufMeta) Proxy.newProxyInstance(
                GuardedMeta.class.getClassLoader(),
                new Class<?>[] {ProtobufMeta.class},
                new GuardedMeta(delegate, guard, queries, ownership, audit));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return invokeDelegate(method, args);
        }
        UserAccount user = CurrentUser.require();
        String operation = method.getName();
        String sql = sqlOf(operation, args);
        long started = System.nanoTime();
        boolean newlyClaimed = false;
        try {
            if (BATCH_METHODS.contains(operation)) {
                throw new StatementRefusedException("read-only endpoint: batches are not allowed");
            }
            if ("openConnection".equals(operation)) {
                newlyClaimed = ownership.claim(user, connectionIdOf(args[0]));
            }
            ownership.checkAccess(user, operation, args);
            if (sql != null) {
                String query = guard.check(sql);
                if (!"syncResults".equals(operation)) {
                    args[1] = query;
                }
            }
            Object result = invoke(method, operation, user, args);
            ownership.record(operation, args, result);
            if ("openConnection".equals(operation) && args[1] instanceof Map<?, ?> info) {
                // SessionMeta has checked the property: a number of seconds
                queries.connectionOpened(connectionIdOf(args[0]), (String) info.get(QueryLimits.TIMEOUT_PROPERTY));
            }
            logRequest(user, operation, statementOf(args, result), sql, started, null);
            audit.after(operation, args, result, null, null, user, CurrentUser.address(), sql, started);
            return result;
        } catch (Throwable e) {
            if (newlyClaimed) {
                ownership.forgetConnection(connectionIdOf(args[0]));
            }
            logRequest(user, operation, statementOf(args, null), sql, started, e);
            Throwable answer = ClientErrors.toClient(e, user.name(), operation);
            audit.after(operation, args, null, answer, e, user, CurrentUser.address(), sql, started);
            throw answer;
        }
    }

    /**
     * Runs the request: a query within the limits of {@link RunningQueries}; a close first interrupts the queries
     * still running on the statement or connection it closes.
     */
    private Object invoke(Method method, String operation, UserAccount user, Object[] args) throws Throwable {
        if (QUERY_METHODS.contains(operation) && args[0] instanceof StatementHandle handle) {
            return queries.run(user, handle.connectionId, handle.id, () -> invokeDelegate(method, args));
        }
        if ("closeStatement".equals(operation) && args[0] instanceof StatementHandle handle) {
            queries.closing(handle.connectionId, handle.id);
        } else if ("closeConnection".equals(operation) && args[0] instanceof ConnectionHandle handle) {
            queries.closing(handle.id, null);
        }
        return invokeDelegate(method, args);
    }

    private Object invokeDelegate(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AssertionError planner) {
                // Calcite reports a query it cannot plan (window functions over DuckDB tables, for one) with an
                // AssertionError; Avatica only turns exceptions into an error response, so the client would get an
                // unreadable HTTP 500 instead of the reason.
                throw new AvaticaRuntimeException(
                        "Calcite cannot run this query: " + firstLineOf(planner.getMessage()),
                        -1,
                        "0A000",
                        AvaticaSeverity.ERROR);
            }
            throw e.getCause();
        }
    }

    /**
     * The SQL text a request asks to run: the argument of the prepare calls, or the query a client asks to re-run.
     * An execute request runs what its statement prepared (and logged) earlier; the text it carries is the
     * client's and is ignored.
     */
    private static String sqlOf(String operation, Object[] args) {
        if (args == null) {
            return null;
        }
        if (operation.equals("prepare") || operation.equals("prepareAndExecute")) {
            return (String) args[1];
        }
        // A client may ask to re-run a statement's query after a server fail-over: that SQL must pass the guard too.
        if (operation.equals("syncResults") && args[1] instanceof QueryState state && state.type == StateType.SQL) {
            return state.sql;
        }
        return null;
    }

    /** The statement a request created or used, for the log; "-" for connection-level requests. */
    private static String statementOf(Object[] args, Object result) {
        if (result instanceof StatementHandle handle) {
            return Integer.toString(handle.id);
        }
        if (args != null && args.length > 0 && args[0] instanceof StatementHandle handle) {
            return Integer.toString(handle.id);
        }
        return "-";
    }

    private static void logRequest(
            UserAccount user, String operation, String statement, String sql, long started, Throwable failure) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        String oneLineSql = oneLine(sql);
        if (failure != null) {
            LOG.warn(
                    "jdbc user={} op={} statement={} ms={} refused_or_failed=\"{}\" sql={}",
                    user.name(),
                    operation,
                    statement,
                    millis,
                    oneLine(failure.getMessage()),
                    oneLineSql);
        } else if (LOGGED_AT_INFO.contains(operation)) {
            LOG.info(
                    "jdbc user={} op={} statement={} ms={} sql={}",
                    user.name(),
                    operation,
                    statement,
                    millis,
                    oneLineSql);
        } else {
            LOG.debug("jdbc user={} op={} statement={} ms={}", user.name(), operation, statement, millis);
        }
    }

    private static String firstLineOf(String text) {
        if (text == null) {
            return "no reason given";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Connection handles of the arguments, for {@link SessionOwnership}. */
    static String connectionIdOf(Object argument) {
        if (argument instanceof ConnectionHandle handle) {
            return handle.id;
        }
        if (argument instanceof StatementHandle handle) {
            return handle.connectionId;
        }
        return null;
    }
}
