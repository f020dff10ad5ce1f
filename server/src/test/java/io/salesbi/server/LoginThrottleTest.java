package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.server.LoginThrottle.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Backoff, lockout and per-address throttling on a clock the test moves (no waiting, no timing). */
class LoginThrottleTest {

    /** 3 free failures per user name and address, 10 per address; waits 1, 2, 4, 8, 8 s; 6 in a row lock 10 min. */
    private static final LoginLimits LIMITS =
            new LoginLimits(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(8), 6, Duration.ofMinutes(10));

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    @Test
    void aUserNameWaitsAfterItsFreeFailuresAndTheWaitDoubles() {
        fail("anna", "10.0.0.7", 3);
        assertThat(throttle.check("anna", "10.0.0.7")).isEqualTo(Verdict.USER_THROTTLED);
        assertThat(throttle.retryAfter("anna", "10.0.0.7")).isEqualTo(Duration.ofSeconds(1));
        // another user name from the same address, and the same name from another address, are not slowed
        assertThat(throttle.check("bob", "10.0.0.7")).isEqualTo(Verdict.ALLOWED);
        assertThat(throttle.check("anna", "10.0.0.8")).isEqualTo(Verdict.ALLOWED);

        clock.advance(Duration.ofSeconds(1));
        fail("anna", "10.0.0.7", 1);
        assertThat(throttle.retryAfter("anna", "10.0.0.7")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(1_999));
        assertThat(throttle.check("anna", "10.0.0.7")).isEqualTo(Verdict.USER_THROTTLED);
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.check("anna", "10.0.0.7")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        assertThat(LIMITS.backoffAfter(2, 3)).isZero();
        assertThat(LIMITS.backoffAfter(3, 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LIMITS.backoffAfter(4, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LIMITS.backoffAfter(5, 3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(LIMITS.backoffAfter(6, 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(LIMITS.backoffAfter(7, 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(LIMITS.backoffAfter(1_000_000, 3)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aSuccessForgivesTheFailures() {
        fail("anna", "10.0.0.7", 3);
        clock.advance(Duration.ofSeconds(1));
        throttle.succeeded("anna", "10.0.0.7", true);
        fail("anna", "10.0.0.7", 2);
        assertThat(throttle.check("anna", "10.0.0.7")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void consecutiveFailuresFromAnyAddressLockTheNameForTheLockoutEvenAfterASuccess() {
        fail("anna", "10.0.0.7", 3);
        fail("anna", "10.0.0.8", 3);
        assertThat(throttle.check("anna", "10.0.0.9")).isEqualTo(Verdict.LOCKED);
        assertThat(throttle.retryAfter("anna", "10.0.0.9")).isEqualTo(Duration.ofMinutes(10));
        throttle.succeeded("anna", "10.0.0.9", true);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(throttle.check("anna", "10.0.0.9")).isEqualTo(Verdict.LOCKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check("anna", "10.0.0.9")).isEqualTo(Verdict.ALLOWED);
        // user names are counted whether or not an account has them, case-insensitively
        fail("Nobody", "10.0.0.7", 3);
        fail("nobody", "10.0.0.8", 3);
        assertThat(throttle.check("NOBODY", "10.0.0.9")).isEqualTo(Verdict.LOCKED);
    }

    @Test
    void anAddressTryingManyNamesWaitsForAllOfThem() {
        for (int i = 0; i < 10; i++) {
            fail("user" + i, "10.0.0.66", 1);
        }
        assertThat(throttle.check("carol", "10.0.0.66")).isEqualTo(Verdict.ADDRESS_THROTTLED);
        assertThat(throttle.check("carol", "10.0.0.67")).isEqualTo(Verdict.ALLOWED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check("carol", "10.0.0.66")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void lockoutZeroNeverLocks() {
        LoginThrottle neverLocks = new LoginThrottle(
                new LoginLimits(3, 100, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO), clock);
        for (int i = 0; i < 50; i++) {
            assertThat(neverLocks.attempt("anna", "10.0.0." + i)).isEqualTo(Verdict.ALLOWED);
            neverLocks.failed("anna", "10.0.0." + i);
        }
        assertThat(neverLocks.check("anna", "10.0.0.200")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void limitsThatMakeNoSenseAreRefused() {
        assertThatThrownBy(() ->
                        new LoginLimits(0, 10, Duration.ofSeconds(1), Duration.ofSeconds(8), 6, Duration.ofMinutes(1)))
                .hasMessageContaining("free failures per user and per address must be at " + "least 1, were 0 and 10");
        assertThatThrownBy(() ->
                        new LoginLimits(3, 10, Duration.ofSeconds(9), Duration.ofSeconds(8), 6, Duration.ofMinutes(1)))
                .hasMessageContaining("at most the maximum backoff");
    }

    @Test
    void attemptsBeingCheckedCountSoConcurrentAttemptsCannotExceedTheFreeFailures() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("anna", "10.0.0.7")).isEqualTo(Verdict.ALLOWED);
        }
        // three passwords are being hashed: a fourth attempt waits, before any of them failed
        assertThat(throttle.attempt("anna", "10.0.0.7")).isEqualTo(Verdict.USER_THROTTLED);
        throttle.failed("anna", "10.0.0.7");
        throttle.failed("anna", "10.0.0.7");
        throttle.failed("anna", "10.0.0.7");
        assertThat(throttle.retryAfter("anna", "10.0.0.7")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        // after the backoff one attempt at a time
        assertThat(throttle.attempt("anna", "10.0.0.7")).isEqualTo(Verdict.ALLOWED);
        assertThat(throttle.attempt("anna", "10.0.0.7")).isEqualTo(Verdict.USER_THROTTLED);
    }

    @Test
    void aRequestWithAPasswordAcceptedBeforeForgivesNothing() {
        fail("anna", "10.0.0.7", 2);
        assertThat(throttle.attempt("anna", "10.0.0.7")).isEqualTo(Verdict.ALLOWED);
        throttle.succeeded("anna", "10.0.0.7", false);
        fail("anna", "10.0.0.7", 1);
        assertThat(throttle.check("anna", "10.0.0.7")).isEqualTo(Verdict.USER_THROTTLED);
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.attempt(user, address)).isEqualTo(Verdict.ALLOWED);
            throttle.failed(user, address);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
