package io.astroshield.sync.server;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Token bucket arithmetic with a hand-driven clock: burst, wait time, refill, separate keys. */
class RateLimiterTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBurstOfCapacityPassesThenTheNextWaitsForOneRefillInterval() {
        // given 10 per minute: one token every 6 s
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1), clock);
        // when
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("ann")).isZero();
        }
        Duration wait = limiter.tryAcquire("ann");
        // then
        assertThat(wait).isEqualTo(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire("ann")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("ann")).isZero();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), new ManualClock());
        assertThat(limiter.tryAcquire("ann")).isZero();
        assertThat(limiter.tryAcquire("ann")).isPositive();
        assertThat(limiter.tryAcquire("bob")).isZero();
    }
}
