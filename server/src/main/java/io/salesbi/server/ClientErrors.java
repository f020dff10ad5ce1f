package io.salesbi.server;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.runtime.CalciteContextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client is told when its request fails: a short message it can act on and an SQL state, never Java class
 * names or stack traces (Avatica would otherwise send the whole causal chain, "UndeclaredThrowableException: ... ->
 * SQLException: ..."). The analyst's own mistakes keep their reason: a name Calcite cannot resolve (with line and
 * column), a refusal, "too busy", DuckDB's error (conversion, division by zero, ...), an interrupted query. Anything
 * else is an internal error: the client gets a reference id, and the server log carries it with the full exception.
 */
final class ClientErrors {

    static final String VALIDATION_STATE = "42000";
    static final String REFUSED_STATE = "42501";
    static final String BUSY_STATE = "53400";
    static final String INTERRUPTED_STATE = "57014";
    static final String DATA_STATE = "22000";
    static final String INTERNAL_STATE = "XX000";

    private static final Logger LOG = LoggerFactory.getLogger(ClientErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** DuckDB's error messages: "Conversion Error: ...", "Binder Error: ...", "INTERRUPT Error: Interrupted!". */
    private static final Pattern DUCKDB_ERROR = Pattern.compile("^[A-Za-z ]+ Error: .*", Pattern.DOTALL);

    private ClientErrors() {}

    /**
     * The exception to answer {@code failure} with: Avatica's own "no such connection/statement" exceptions pass
     * unchanged (its client reacts to them), everything else becomes an {@link AvaticaRuntimeException}.
     */
    static Throwable toClient(Throwable failure, String user, String operation) {
        if (failure instanceof AvaticaRuntimeException
                || failure instanceof NoSuchConnectionException
                || failure instanceof NoSuchStatementException
                || failure instanceof MissingResultsException) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryInterruptedException) {
                return error(cause.getMessage(), INTERRUPTED_STATE);
            }
            if (cause instanceof StatementRefusedException) {
                return error(cause.getMessage(), REFUSED_STATE);
            }
            if (cause instanceof ServerBusyException) {
                return error(cause.getMessage(), BUSY_STATE);
            }
            if (cause instanceof CalciteContextException) {
                return error(cause.getMessage(), VALIDATION_STATE);
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null) {
                String message = sql.getMessage().strip();
                if (message.startsWith("INTERRUPT Error")) {
                    return error(
                            "Interrupted: the query ran longer than its timeout, or its connection was closed",
                            INTERRUPTED_STATE);
                }
                int timeout = message.indexOf("Timeout of '");
                if (timeout >= 0) {
                    // Calcite's own check between rows: "Timeout of '1000' ms for query execution is reached."
                    int end = message.indexOf("reached", timeout);
                    return error(
                            "Interrupted: "
                                    + (end < 0
                                            ? message.substring(timeout)
                                            : message.substring(timeout, end + "reached".length())),
                            INTERRUPTED_STATE);
                }
                if (DUCKDB_ERROR.matcher(message).matches()) {
                    return error(firstLine(message), DATA_STATE);
                }
                if ("22023".equals(sql.getSQLState())) {
                    return error(message, sql.getSQLState());
                }
            }
        }
        String reference = HexFormat.of().formatHex(RANDOM.generateSeed(4));
        LOG.error("jdbc internal error reference={} user={} op={}", reference, user, operation, failure);
        return error(
                "internal error of the server (reference " + reference + "; the server log has the details)",
                INTERNAL_STATE);
    }

    private static AvaticaRuntimeException error(String message, String sqlState) {
        return new AvaticaRuntimeException(message, -1, sqlState, AvaticaSeverity.ERROR);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
