package io.astroshield.domain.propagation;

/**
 * A position and velocity in TEME (True Equator, Mean Equinox of date), the frame SGP4 works in.
 * Position in metres, velocity in metres per second.
 */
public record TemeState(double xM, double yM, double zM, double vxMps, double vyMps, double vzMps) {

    public TemeState {
        if (!(Double.isFinite(xM) && Double.isFinite(yM) && Double.isFinite(zM)
                && Double.isFinite(vxMps) && Double.isFinite(vyMps) && Double.isFinite(vzMps))) {
            throw new IllegalArgumentException("non-finite TEME state");
        }
    }

    /** The state held in {@code buffer[offset..offset+5]} as x, y, z (m), vx, vy, vz (m/s). */
    public static TemeState of(double[] buffer, int offset) {
        return new TemeState(buffer[offset], buffer[offset + 1], buffer[offset + 2],
                buffer[offset + 3], buffer[offset + 4], buffer[offset + 5]);
    }

    /** Distance from the Earth's centre, metres. */
    public double radiusM() {
        return Math.sqrt(xM * xM + yM * yM + zM * zM);
    }

    /** Speed, metres per second. */
    public double speedMps() {
        return Math.sqrt(vxMps * vxMps + vyMps * vyMps + vzMps * vzMps);
    }
}
