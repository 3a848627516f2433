package io.astroshield.sync.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @Test
    void theWaitDoublesWithEachFailureWithinHalfToFullAndStopsAtTheCap() {
        // given: 100 ms base, 2 s cap
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7));
        for (int failures = 1; failures <= 12; failures++) {
            long ceiling = Math.min(2000, 100L << (failures - 1));
            for (int i = 0; i < 200; i++) {
                // when
                long ms = backoff.after(failures).toMillis();
                // then: in [ceiling/2, ceiling] (full jitter over the upper half)
                assertThat(ms).as("failure %d", failures).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void clientsWithDifferentSeedsSpreadOut() {
        // given: ten clients after the same outage
        Set<Long> waits = new HashSet<>();
        for (int seed = 0; seed < 10; seed++) {
            waits.add(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(seed)).after(5).toMillis());
        }
        // then: not all at the same moment (8 s to 16 s window, 1 ms resolution)
        assertThat(waits).hasSizeGreaterThan(5);
    }
}
