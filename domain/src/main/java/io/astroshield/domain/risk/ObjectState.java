package io.astroshield.domain.risk;

/**
 * Position (m) and velocity (m/s) of one object at the time of closest approach, in the inertial
 * frame shared by both objects of an {@link Encounter} (GCRF, EME2000 or TEME at TCA: any one
 * frame, as long as both objects use it).
 */
public record ObjectState(double xM, double yM, double zM, double vxMps, double vyMps, double vzMps) {

    public ObjectState {
        if (!(Double.isFinite(xM) && Double.isFinite(yM) && Double.isFinite(zM)
                && Double.isFinite(vxMps) && Double.isFinite(vyMps) && Double.isFinite(vzMps))) {
            throw new IllegalArgumentException("non-finite state: " + xM + ", " + yM + ", " + zM
                    + ", " + vxMps + ", " + vyMps + ", " + vzMps);
        }
    }

    /** A state from position (m) and velocity (m/s) arrays of length 3. */
    public static ObjectState of(double[] positionM, double[] velocityMps) {
        if (positionM.length != 3 || velocityMps.length != 3) {
            throw new IllegalArgumentException("position and velocity need 3 components each");
        }
        return new ObjectState(positionM[0], positionM[1], positionM[2],
                velocityMps[0], velocityMps[1], velocityMps[2]);
    }

    /** Position in m, a fresh array. */
    public double[] positionM() {
        return new double[] {xM, yM, zM};
    }

    /** Velocity in m/s, a fresh array. */
    public double[] velocityMps() {
        return new double[] {vxMps, vyMps, vzMps};
    }
}
