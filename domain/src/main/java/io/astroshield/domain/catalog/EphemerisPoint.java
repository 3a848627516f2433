package io.astroshield.domain.catalog;

import java.time.Instant;
import java.util.Objects;

/** One state of an ephemeris: position in metres and velocity in m/s in the ephemeris' frame. */
public record EphemerisPoint(Instant time, double xM, double yM, double zM,
                             double vxMps, double vyMps, double vzMps) {
    public EphemerisPoint {
        Objects.requireNonNull(time, "time");
        if (!(Double.isFinite(xM) && Double.isFinite(yM) && Double.isFinite(zM)
                && Double.isFinite(vxMps) && Double.isFinite(vyMps) && Double.isFinite(vzMps))) {
            throw new IllegalArgumentException("non-finite state at " + time);
        }
    }
}
