package io.salesbi.server;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.Meta.ConnectionHandle;
import org.apache.calcite.avatica.Meta.ExecuteResult;
import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.Meta.MetaResultSet;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * Follows each query through the Avatica requests that make it (prepare, execute, fetch, close) and writes one
 * {@link AuditLog} event per query when its last row has gone to the client, when it failed, or when its statement
 * or connection closed before (outcome {@code closed}). Rows count what the client received; the duration runs from
 * the execute request to that moment.
 */
final class QueryAudit {

    /** A query whose rows the client is still fetching. */
    private static final class Pending {
        final String login;
        final String address;
        final String sql;
        final long started;
        long rows;

        Pending(String login, String address, String sql, long started) {
            this.login = login;
            this.address = address;
            this.sql = sql;
            this.started = started;
        }
    }

    private final AuditLog audit;
    private final Map<String, String> preparedSql = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    QueryAudit(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * A request to the Meta has been answered ({@code failure} null) or has failed ({@code failure} as the client
     * gets it, {@code cause} as the server saw it).
     */
    void after(
            String operation,
            Object[] args,
            Object result,
            Throwable failure,
            Throwable cause,
            UserAccount user,
            String address,
            String sql,
            long started) {
        switch (operation) {
            case "prepare" -> {
                if (result instanceof StatementHandle handle && sql != null) {
                    preparedSql.put(key(handle), sql);
                }
            }
            case "prepareAndExecute", "execute" -> {
                StatementHandle handle = (StatementHandle) args[0];
                String text = sql != null ? sql : preparedSql.getOrDefault(key(handle), "");
                if (sql != null) {
                    preparedSql.put(key(handle), sql);
                }
                finish(pending.remove(key(handle)), "closed", null);
                Pending query = new Pending(user.name(), address, text, started);
                if (failure != null) {
                    finish(query, outcomeOf(failure, cause), stateOf(failure));
                } else if (add(query, (ExecuteResult) result)) {
                    finish(query, "ok", null);
                } else {
                    pending.put(key(handle), query);
                }
            }
            case "fetch" -> {
                String key = key((StatementHandle) args[0]);
                Pending query = pending.get(key);
                if (query == null) {
                    return;
                }
                if (failure != null) {
                    pending.remove(key);
                    finish(query, outcomeOf(failure, cause), stateOf(failure));
                } else if (result instanceof Frame frame) {
                    query.rows += rows(frame);
                    if (frame.done) {
                        pending.remove(key);
                        finish(query, "ok", null);
                    }
                }
            }
            case "closeStatement" -> {
                String key = key((StatementHandle) args[0]);
                preparedSql.remove(key);
                finish(pending.remove(key), "closed", null);
            }
            case "closeConnection" -> {
                String prefix = ((ConnectionHandle) args[0]).id + "/";
                preparedSql.keySet().removeIf(key -> key.startsWith(prefix));
                for (String key : List.copyOf(pending.keySet())) {
                    if (key.startsWith(prefix)) {
                        finish(pending.remove(key), "closed", null);
                    }
                }
            }
            default -> {
                // metadata and connection requests are no queries
            }
        }
    }

    /** Adds the first frames' rows; whether the query has sent its last row. */
    private static boolean add(Pending query, ExecuteResult result) {
        boolean done = true;
        for (MetaResultSet resultSet : result.resultSets) {
            if (resultSet.firstFrame != null) {
                query.rows += rows(resultSet.firstFrame);
                done &= resultSet.firstFrame.done;
            }
        }
        return done;
    }

    private static long rows(Frame frame) {
        if (frame.rows instanceof Collection<?> collection) {
            return collection.size();
        }
        long rows = 0;
        for (Object ignored : frame.rows) {
            rows++;
        }
        return rows;
    }

    private void finish(Pending query, String outcome, String detail) {
        if (query != null) {
            audit.query(
                    query.login,
                    query.address,
                    query.sql,
                    query.rows,
                    (System.nanoTime() - query.started) / 1_000_000,
                    outcome,
                    detail);
        }
    }

    /**
     * The outcome of a failed query: refused (read-only refusal, too busy), cancelled, timeout, closed (interrupted
     * because its statement or connection was closed), or error.
     */
    private static String outcomeOf(Throwable failure, Throwable cause) {
        for (Throwable reason = cause; reason != null; reason = reason.getCause()) {
            if (reason instanceof QueryInterruptedException interrupted) {
                return interrupted.outcome();
            }
        }
        String state = stateOf(failure);
        return ClientErrors.REFUSED_STATE.equals(state) || ClientErrors.BUSY_STATE.equals(state) ? "refused" : "error";
    }

    private static String stateOf(Throwable failure) {
        return failure instanceof AvaticaRuntimeException avatica ? avatica.getSqlState() : null;
    }

    private static String key(StatementHandle handle) {
        return handle.connectionId + "/" + handle.id;
    }
}
