package io.astroshield.sync.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Token bucket arithmetic with a hand-driven clock: burst, wait time, refill, separate keys. */
class RateLimiterTest {
    @Test
    void aBurstOfCapacityPassesThenTheNextWaitsForOneRefillInterval() {
        // given 10 per minute: one token every 6 s
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T00:00:00Z"));
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
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1),
                new ManualClock(Instant.parse("2026-11-22T00:00:00Z")));
        assertThat(limiter.tryAcquire("ann")).isZero();
        assertThat(limiter.tryAcquire("ann")).isPositive();
        assertThat(limiter.tryAcquire("bob")).isZero();
    }
}
