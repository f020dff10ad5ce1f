package io.salesbi.server;

import java.time.Duration;

/**
 * How many wrong passwords a login may cost before the endpoint slows it down or locks it ({@link LoginThrottle}).
 * Throttled and locked attempts are refused before any password is hashed, so a flood of wrong passwords costs the
 * server almost nothing and legitimate logins keep their speed.
 *
 * @param freeFailuresPerUser    failed logins of one user name from one address before each further attempt waits a
 *                               backoff
 * @param freeFailuresPerAddress failed logins from one address (whatever the user name) before that address waits a
 *                               backoff: a flood over many user names
 * @param backoff                the first wait; it doubles with every further failure
 * @param maxBackoff             the longest wait
 * @param lockoutFailures        consecutive failed logins of one user name (from any address) that lock it; 0 never
 *                               locks
 * @param lockout                how long a locked user name stays locked (a successful login cannot end it early)
 */
public record LoginLimits(
        int freeFailuresPerUser,
        int freeFailuresPerAddress,
        Duration backoff,
        Duration maxBackoff,
        int lockoutFailures,
        Duration lockout) {

    public static final LoginLimits DEFAULT =
            new LoginLimits(5, 50, Duration.ofSeconds(1), Duration.ofMinutes(5), 20, Duration.ofMinutes(15));

    public LoginLimits {
        if (freeFailuresPerUser < 1 || freeFailuresPerAddress < 1) {
            throw new IllegalArgumentException("JDBC login: free failures per user and per address must be at least 1,"
                    + " were " + freeFailuresPerUser + " and " + freeFailuresPerAddress);
        }
        if (backoff == null
                || backoff.isNegative()
                || backoff.isZero()
                || maxBackoff == null
                || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("JDBC login: backoff must be positive and at most the maximum backoff, "
                    + "were " + backoff + " and " + maxBackoff);
        }
        if (lockoutFailures < 0) {
            throw new IllegalArgumentException(
                    "JDBC login: lockout failures must be 0 (never lock) or more, was " + lockoutFailures);
        }
        if (lockout == null || lockout.isNegative()) {
            throw new IllegalArgumentException("JDBC login: lockout duration must be >= 0, was " + lockout);
        }
    }

    /** The wait after {@code failures} failures of which {@code free} cost nothing: 0, then backoff doubling. */
    Duration backoffAfter(long failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        long doublings = Math.min(failures - free, 30);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
