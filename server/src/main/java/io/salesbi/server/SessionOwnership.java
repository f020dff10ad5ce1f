package io.salesbi.server;

import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.avatica.Meta.ConnectionHandle;
import org.apache.calcite.avatica.Meta.ExecuteResult;
import org.apache.calcite.avatica.Meta.MetaResultSet;
import org.apache.calcite.avatica.Meta.StatementHandle;

/**
 * Remembers which user opened which Avatica connection and which connection owns which statement, and refuses a
 * request that names somebody else's. Avatica trusts the ids the client sends, and statement ids are small
 * consecutive numbers shared by all connections, so without this a user could fetch another user's result rows
 * (for example a regional manager reading a steward's quarantine query).
 *
 * <p>Entries idle for longer than {@link #FORGET_AFTER} are dropped: Avatica's own caches close connections and
 * statements idle for 10 minutes, and clients that vanish without closing must not grow these maps forever.
 */
final class SessionOwnership {

    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Map<String, String> connectionUsers = expiringMap();
    private final Map<Integer, String> statementConnections = expiringMap();

    private static <K, V> Map<K, V> expiringMap() {
        return CacheBuilder.newBuilder()
                .expireAfterAccess(FORGET_AFTER)
                .<K, V>build()
                .asMap();
    }

    /**
     * Claims a connection id for the user opening it; returns whether the claim is new. The owner may open the same
     * id again (the Avatica client re-opens a connection the server expired); whether it is still open is for
     * Avatica to say.
     */
    boolean claim(UserAccount user, String connectionId) {
        String owner = connectionUsers.putIfAbsent(connectionId, user.name());
        if (owner != null && !owner.equals(user.name())) {
            throw new StatementRefusedException("connection " + connectionId + " belongs to another user");
        }
        return owner == null;
    }

    /** Refuses a request naming a connection or statement that is not the user's own. */
    void checkAccess(UserAccount user, String operation, Object[] args) {
        if (args == null || operation.equals("openConnection")) {
            return;
        }
        for (Object argument : args) {
            String connectionId = GuardedMeta.connectionIdOf(argument);
            if (connectionId == null) {
                continue;
            }
            String owner = connectionUsers.get(connectionId);
            if (owner == null && operation.equals("closeConnection")) {
                continue;
            }
            if (owner == null) {
                throw new StatementRefusedException("connection " + connectionId + " is not open");
            }
            if (!owner.equals(user.name())) {
                throw new StatementRefusedException("connection " + connectionId + " belongs to another user");
            }
            if (argument instanceof StatementHandle statement) {
                String statementConnection = statementConnections.get(statement.id);
                if (!Objects.equals(statementConnection, connectionId)) {
                    throw new StatementRefusedException(
                            "statement " + statement.id + " is unknown on connection " + connectionId);
                }
            }
        }
    }

    /** Forgets a connection whose opening failed, so its id does not stay claimed. */
    void forgetConnection(String connectionId) {
        connectionUsers.remove(connectionId);
    }

    /** Learns the statements a request created and forgets closed connections and statements. */
    void record(String operation, Object[] args, Object result) {
        if (result instanceof StatementHandle statement) {
            statementConnections.put(statement.id, statement.connectionId);
        } else if (result instanceof MetaResultSet resultSet) {
            statementConnections.put(resultSet.statementId, resultSet.connectionId);
        } else if (result instanceof ExecuteResult executeResult) {
            executeResult.resultSets.forEach(rs -> statementConnections.put(rs.statementId, rs.connectionId));
        }
        if (operation.equals("closeStatement") && args[0] instanceof StatementHandle statement) {
            statementConnections.remove(statement.id, statement.connectionId);
        } else if (operation.equals("closeConnection") && args[0] instanceof ConnectionHandle connection) {
            connectionUsers.remove(connection.id);
            statementConnections.values().removeIf(connection.id::equals);
        }
    }
}
