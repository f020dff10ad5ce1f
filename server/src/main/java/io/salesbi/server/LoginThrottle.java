package io.salesbi.server;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Failed logins by user name (per address, and over all addresses for the lockout) and by address, and whether the
 * next attempt may be checked at all ({@link LoginLimits}). User names are counted whether or not an account has
 * them, so throttling and lockout tell an attacker nothing about which names exist. The counters live in memory (a
 * restart forgets them) and are dropped an hour after their last failure, at most {@value #MAX_KEYS} of each kind.
 */
final class LoginThrottle {

    static final int MAX_KEYS = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** Why an attempt is refused before its password is checked, or {@link #ALLOWED}. */
    enum Verdict {
        ALLOWED,
        USER_THROTTLED,
        ADDRESS_THROTTLED,
        LOCKED;

        String outcome() {
            return switch (this) {
                case ALLOWED -> "allowed";
                case USER_THROTTLED, ADDRESS_THROTTLED -> "throttled";
                case LOCKED -> "locked";
            };
        }
    }

    /** Failures of one key: how many in a row, when the last was, and attempts being checked now. */
    private static final class Failures {
        long count;
        int inFlight;
        Instant last = Instant.EPOCH;
        Instant lockedUntil = Instant.EPOCH;
    }

    private final LoginLimits limits;
    private final Clock clock;
    private final Cache<String, Failures> byUserAndAddress = cache();
    private final Cache<String, Failures> byUser = cache();
    private final Cache<String, Failures> byAddress = cache();

    LoginThrottle(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    private static Cache<String, Failures> cache() {
        return CacheBuilder.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(FORGET_AFTER.toSeconds(), TimeUnit.SECONDS)
                .build();
    }

    /** Whether an attempt of {@code user} from {@code address} may have its password checked now. */
    synchronized Verdict check(String user, String address) {
        Instant now = clock.instant();
        Failures all = byUser.getIfPresent(userKey(user));
        if (all != null && now.isBefore(all.lockedUntil)) {
            return Verdict.LOCKED;
        }
        if (all != null
                && limits.lockoutFailures() > 0
                && all.inFlight > 0
                && all.count + all.inFlight >= limits.lockoutFailures()) {
            // the attempts being checked may lock the name
            return Verdict.USER_THROTTLED;
        }
        if (waiting(byUserAndAddress.getIfPresent(pairKey(user, address)), limits.freeFailuresPerUser(), now)) {
            return Verdict.USER_THROTTLED;
        }
        if (waiting(byAddress.getIfPresent(address), limits.freeFailuresPerAddress(), now)) {
            return Verdict.ADDRESS_THROTTLED;
        }
        return Verdict.ALLOWED;
    }

    /**
     * {@link #check} that, when the attempt is allowed, counts it as being checked until {@link #failed} or
     * {@link #succeeded} reports its outcome: concurrent attempts beyond the free failures are refused even before
     * the first of them failed, so a flood hashes no more passwords than the free failures allow.
     */
    synchronized Verdict attempt(String user, String address) {
        Verdict verdict = check(user, address);
        if (verdict == Verdict.ALLOWED) {
            get(byUserAndAddress, pairKey(user, address)).inFlight++;
            get(byAddress, address).inFlight++;
            get(byUser, userKey(user)).inFlight++;
        }
        return verdict;
    }

    /** How long the attempts of {@code user} from {@code address} must still wait (zero: none). */
    synchronized Duration retryAfter(String user, String address) {
        Instant now = clock.instant();
        Instant until = now;
        Failures all = byUser.getIfPresent(userKey(user));
        if (all != null) {
            until = later(until, all.lockedUntil);
        }
        until = later(
                until, waitEnd(byUserAndAddress.getIfPresent(pairKey(user, address)), limits.freeFailuresPerUser()));
        until = later(until, waitEnd(byAddress.getIfPresent(address), limits.freeFailuresPerAddress()));
        return Duration.between(now, until);
    }

    /** A checked password was wrong (or the user name unknown). */
    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        failure(get(byUserAndAddress, pairKey(user, address)), now);
        failure(get(byAddress, address), now);
        Failures all = get(byUser, userKey(user));
        failure(all, now);
        if (limits.lockoutFailures() > 0 && all.count >= limits.lockoutFailures()) {
            all.lockedUntil = now.plus(limits.lockout());
            all.count = 0;
        }
    }

    /**
     * A password was right. A login (a password checked against its hash) forgives the failures of the user name
     * from that address and ends its run of failures towards the lockout; a request whose password was accepted
     * before forgives nothing, so a user working from the same address as an attacker does not reset the
     * attacker's count. An address's failures are never forgiven by one name's success.
     */
    synchronized void succeeded(String user, String address, boolean login) {
        Failures pair = byUserAndAddress.getIfPresent(pairKey(user, address));
        Failures fromAddress = byAddress.getIfPresent(address);
        Failures all = byUser.getIfPresent(userKey(user));
        for (Failures failures : new Failures[] {pair, fromAddress, all}) {
            if (failures != null) {
                failures.inFlight = Math.max(0, failures.inFlight - 1);
            }
        }
        if (login) {
            byUserAndAddress.invalidate(pairKey(user, address));
            if (all != null) {
                all.count = 0;
            }
        }
    }

    /**
     * Whether a key must wait: its failures (with the attempts being checked) have used up the free ones, and either
     * attempts are still being checked or the backoff after the last failure has not passed.
     */
    private boolean waiting(Failures failures, int free, Instant now) {
        if (failures == null || failures.count + failures.inFlight < free) {
            return false;
        }
        return failures.inFlight > 0 || now.isBefore(waitEnd(failures, free));
    }

    private Instant waitEnd(Failures failures, int free) {
        return failures == null ? Instant.EPOCH : failures.last.plus(limits.backoffAfter(failures.count, free));
    }

    private static void failure(Failures failures, Instant now) {
        failures.inFlight = Math.max(0, failures.inFlight - 1);
        failures.count++;
        failures.last = now;
    }

    private static Failures get(Cache<String, Failures> cache, String key) {
        try {
            return cache.get(key, Failures::new);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String user, String address) {
        return userKey(user) + '\u0000' + address;
    }
}
