package io.astroshield.persistence.screening;

import io.astroshield.persistence.DataOrigin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a screening run was asked to do.
 *
 * @param windowStart    start of the screening window (UTC)
 * @param windowDuration length of the window
 * @param thresholdM     miss-distance threshold in metres
 * @param primaries      catalog numbers screened against the catalog; empty for all-vs-all
 * @param origin         live data, offline analysis or replay
 */
public record RunParameters(Instant windowStart, Duration windowDuration, double thresholdM, List<Integer> primaries,
                            DataOrigin origin) {
    public RunParameters {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowDuration, "windowDuration");
        Objects.requireNonNull(origin, "origin");
        primaries = List.copyOf(primaries);
        if (windowDuration.isNegative() || windowDuration.isZero()) {
            throw new IllegalArgumentException("windowDuration: " + windowDuration);
        }
        if (!(thresholdM > 0) || !Double.isFinite(thresholdM)) {
            throw new IllegalArgumentException("thresholdM: " + thresholdM);
        }
    }

    public boolean allVsAll() {
        return primaries.isEmpty();
    }
}
