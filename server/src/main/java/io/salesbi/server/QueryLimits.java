package io.salesbi.server;

import java.time.Duration;

/**
 * How long and how many analysts' queries may run at once. Queries run inside the process that also runs the
 * nightly job, on the same cores, so neither a runaway query nor a crowd of them may take the warehouse or the
 * endpoint's own threads ({@code GET /health} keeps answering while the limit is reached).
 *
 * @param defaultTimeout       how long a query may run unless its connection asks for less or more
 *                             ({@value #TIMEOUT_PROPERTY} in seconds); DuckDB interrupts it then
 * @param maxTimeout           the longest timeout a connection may ask for
 * @param maxConcurrent        queries running at once over all users (execute and fetch requests)
 * @param maxConcurrentPerUser queries running at once of one user
 * @param maxQueued            requests waiting for a free place; more are refused at once as "too busy"
 * @param queueWait            how long a request waits for a place before it is refused as "too busy"
 */
public record QueryLimits(
        Duration defaultTimeout,
        Duration maxTimeout,
        int maxConcurrent,
        int maxConcurrentPerUser,
        int maxQueued,
        Duration queueWait) {

    /** The client connection property (seconds) that sets the query timeout of a connection's statements. */
    public static final String TIMEOUT_PROPERTY = "query_timeout";

    public static final QueryLimits DEFAULT =
            new QueryLimits(Duration.ofMinutes(5), Duration.ofMinutes(30), 8, 4, 16, Duration.ofSeconds(30));

    public QueryLimits {
        if (defaultTimeout == null || defaultTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("JDBC query timeout must be at least 1 second, was " + defaultTimeout);
        }
        if (maxTimeout == null || maxTimeout.compareTo(defaultTimeout) < 0) {
            throw new IllegalArgumentException("JDBC maximum query timeout " + maxTimeout
                    + " is shorter than the default query timeout " + defaultTimeout);
        }
        if (maxConcurrent < 1 || maxConcurrentPerUser < 1 || maxConcurrentPerUser > maxConcurrent) {
            throw new IllegalArgumentException("JDBC concurrent queries must be at least 1 and per user at most the "
                    + "total, were " + maxConcurrent + " total, " + maxConcurrentPerUser + " per user");
        }
        if (maxQueued < 0 || queueWait == null || queueWait.isNegative()) {
            throw new IllegalArgumentException(
                    "JDBC query queue needs a length >= 0 and a wait >= 0, was " + maxQueued + " and " + queueWait);
        }
    }

    /** These limits with another default timeout, raising the maximum to it where needed. */
    public QueryLimits withDefaultTimeout(Duration timeout) {
        Duration max = maxTimeout.compareTo(timeout) < 0 ? timeout : maxTimeout;
        return new QueryLimits(timeout, max, maxConcurrent, maxConcurrentPerUser, maxQueued, queueWait);
    }

    /**
     * How long a query may run and why, for the client's error message: "query timeout after 1 s (the statement's
     * query timeout)".
     */
    record QueryTimeout(Duration duration, String source) {

        /** The message of a query interrupted by this timeout. */
        String message() {
            return "query timeout after " + duration.toSeconds() + " s (" + source + ")";
        }
    }

    /**
     * The timeout of a query whose statement or connection ({@code whose}, e.g. "the statement's query timeout")
     * asked for {@code requestedSeconds}: the default when it asked for none (null or 0, JDBC's "no limit"), the
     * maximum when it asked for more.
     */
    QueryTimeout timeout(Long requestedSeconds, String whose) {
        if (requestedSeconds == null || requestedSeconds <= 0) {
            return new QueryTimeout(defaultTimeout, "the server's default query timeout");
        }
        if (requestedSeconds > maxTimeout.toSeconds()) {
            return new QueryTimeout(
                    maxTimeout, "the server's maximum query timeout; " + whose + " was " + requestedSeconds + " s");
        }
        return new QueryTimeout(Duration.ofSeconds(requestedSeconds), whose);
    }

    /** The timeout of a connection that asked for {@code requestedSeconds} (null or blank: the default), capped. */
    Duration timeoutFor(String requestedSeconds) {
        if (requestedSeconds == null || requestedSeconds.isBlank()) {
            return defaultTimeout;
        }
        long seconds;
        try {
            seconds = Long.parseLong(requestedSeconds.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    TIMEOUT_PROPERTY + " must be a number of seconds, was '" + requestedSeconds + "'");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be at least 1 second, was " + seconds);
        }
        Duration requested = Duration.ofSeconds(seconds);
        return requested.compareTo(maxTimeout) > 0 ? maxTimeout : requested;
    }

    /** Jetty threads: every running and queued request, plus room for health checks, logins and metadata. */
    int serverThreads() {
        return maxConcurrent + maxQueued + 8;
    }
}
