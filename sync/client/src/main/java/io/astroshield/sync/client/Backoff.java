package io.astroshield.sync.client;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row, a wait drawn uniformly from
 * [base·2^(n-1)/2, base·2^(n-1)], capped at {@code max}, so that many clients coming back after one outage spread
 * out instead of knocking together (the lower half-bound keeps a retry from coming at once).
 */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private final Random random;

    Backoff(Duration base, Duration max, Random random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff base " + base + ", max " + max);
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failures} (≥ 1) failures in a row. */
    Duration after(int failures) {
        int n = Math.max(1, Math.min(failures, 30));
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(n - 1, 20));
        long floor = ceiling / 2;
        long jitter;
        synchronized (random) {
            jitter = floor + (long) (random.nextDouble() * (ceiling - floor + 1));
        }
        return Duration.ofMillis(Math.min(jitter, max.toMillis()));
    }
}
