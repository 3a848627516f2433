package io.astroshield.domain.cdm;

/**
 * Position and velocity of one object at TCA, in the object's CDM reference frame
 * ({@link CdmObject#refFrame()}). Position in metres, velocity in m/s.
 */
public record CartesianState(double xM, double yM, double zM, double vxMps, double vyMps, double vzMps) {

    public CartesianState {
        if (!(Double.isFinite(xM) && Double.isFinite(yM) && Double.isFinite(zM)
                && Double.isFinite(vxMps) && Double.isFinite(vyMps) && Double.isFinite(vzMps))) {
            throw new IllegalArgumentException("non-finite state: " + xM + ", " + yM + ", " + zM + ", "
                    + vxMps + ", " + vyMps + ", " + vzMps);
        }
    }

    /** Distance from the frame origin, in metres. */
    public double radiusM() {
        return Math.sqrt(xM * xM + yM * yM + zM * zM);
    }

    /** Speed in the frame, in m/s. */
    public double speedMps() {
        return Math.sqrt(vxMps * vxMps + vyMps * vyMps + vzMps * vzMps);
    }
}
