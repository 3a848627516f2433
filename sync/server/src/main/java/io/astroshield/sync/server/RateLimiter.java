package io.astroshield.sync.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller key, in its exact integer form (the generic cell rate algorithm): {@code capacity}
 * requests at once, then one every {@code period / capacity}. {@link #tryAcquire} answers how long to wait when the
 * bucket is empty. Idle callers' entries are forgotten when the map grows past {@link #MAX_KEYS}.
 */
final class RateLimiter {
    static final int MAX_KEYS = 10_000;

    private final long intervalNanos;
    private final long burstNanos;
    private final Clock clock;
    private final Map<String, Cell> cells = new ConcurrentHashMap<>();

    RateLimiter(int capacity, Duration period, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period: " + period);
        }
        this.intervalNanos = Math.max(1, period.toNanos() / capacity);
        this.burstNanos = (capacity - 1) * intervalNanos;
        this.clock = clock;
    }

    /** Zero when the request may go now (its slot is taken), else how long until one is free. */
    Duration tryAcquire(String key) {
        long now = nanos();
        if (cells.size() > MAX_KEYS) {
            cells.values().removeIf(c -> c.isIdle(now));
        }
        return cells.computeIfAbsent(key, k -> new Cell(now)).take(now);
    }

    private long nanos() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The theoretical arrival time of the caller's next request, if it kept to the rate. */
    private final class Cell {
        private long theoreticalArrival;

        Cell(long now) {
            this.theoreticalArrival = now;
        }

        synchronized Duration take(long now) {
            long tat = Math.max(theoreticalArrival, now);
            long ahead = tat - now;
            if (ahead > burstNanos) {
                return Duration.ofNanos(ahead - burstNanos);
            }
            theoreticalArrival = tat + intervalNanos;
            return Duration.ZERO;
        }

        synchronized boolean isIdle(long now) {
            return theoreticalArrival <= now;
        }
    }
}
