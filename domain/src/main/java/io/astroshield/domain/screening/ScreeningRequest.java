package io.astroshield.domain.screening;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What to screen: a window, the primaries (empty: all-vs-all) and the settings.
 *
 * @param start      window start (UTC)
 * @param durationS  window length, s
 * @param primaryIds catalog numbers screened against the catalog; empty for all-vs-all (OEM primaries come on top)
 * @param settings   threshold, long-encounter speed, sampling and threads
 */
public record ScreeningRequest(Instant start, double durationS, Set<Integer> primaryIds, ScreeningSettings settings) {
    public ScreeningRequest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(settings, "settings");
        primaryIds = Set.copyOf(primaryIds);
        if (!(durationS > 0 && Double.isFinite(durationS))) {
            throw new IllegalArgumentException("durationS must be positive: " + durationS);
        }
    }
}
