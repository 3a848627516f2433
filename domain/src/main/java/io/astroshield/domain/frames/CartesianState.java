package io.astroshield.domain.frames;

/**
 * Position (m) and velocity (m/s) of one object in a frame the holder names: TEME for SGP4
 * states and screening events, the CDM's REF_FRAME for CDM objects, the encounter's inertial
 * frame for Pc. One record for all of them, so states pass between those parts unconverted.
 */
public record CartesianState(double xM, double yM, double zM, double vxMps, double vyMps, double vzMps) {

    public CartesianState {
        if (!(Double.isFinite(xM) && Double.isFinite(yM) && Double.isFinite(zM)
                && Double.isFinite(vxMps) && Double.isFinite(vyMps) && Double.isFinite(vzMps))) {
            throw new IllegalArgumentException("non-finite state: " + xM + ", " + yM + ", " + zM + ", "
                    + vxMps + ", " + vyMps + ", " + vzMps);
        }
    }

    /** The state held in {@code buffer[offset..offset+5]} as x, y, z (m), vx, vy, vz (m/s). */
    public static CartesianState of(double[] buffer, int offset) {
        return new CartesianState(buffer[offset], buffer[offset + 1], buffer[offset + 2],
                buffer[offset + 3], buffer[offset + 4], buffer[offset + 5]);
    }

    /** A state from position (m) and velocity (m/s) arrays of length 3. */
    public static CartesianState of(double[] positionM, double[] velocityMps) {
        if (positionM.length != 3 || velocityMps.length != 3) {
            throw new IllegalArgumentException("position and velocity need 3 components each");
        }
        return new CartesianState(positionM[0], positionM[1], positionM[2], velocityMps[0], velocityMps[1], velocityMps[2]);
    }

    /** Position in m, a fresh array. */
    public double[] positionM() {
        return new double[] {xM, yM, zM};
    }

    /** Velocity in m/s, a fresh array. */
    public double[] velocityMps() {
        return new double[] {vxMps, vyMps, vzMps};
    }

    /** Distance from the frame origin, m. */
    public double radiusM() {
        return Math.sqrt(xM * xM + yM * yM + zM * zM);
    }

    /** Speed in the frame, m/s. */
    public double speedMps() {
        return Math.sqrt(vxMps * vxMps + vyMps * vyMps + vzMps * vzMps);
    }
}
