package io.salesbi.server;

/**
 * A query the server interrupted in DuckDB ({@link RunningQueries}): its client cancelled it, it ran into its timeout,
 * or its statement or connection was closed while it ran. The message is what the client reads; the outcome is what
 * the audit trail records ({@value #CANCELLED}, {@value #TIMEOUT} or {@value #CLOSED}).
 */
final class QueryInterruptedException extends RuntimeException {

    static final String CANCELLED = "cancelled";
    static final String TIMEOUT = "timeout";
    static final String CLOSED = "closed";

    private final String outcome;

    QueryInterruptedException(String outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    String outcome() {
        return outcome;
    }
}
