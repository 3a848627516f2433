package io.astroshield.domain.cdm;

/**
 * A vector in the RTN frame of object 1 as CCSDS defines it: R along the position vector,
 * N along the orbital angular momentum, T completing the right-handed set. The unit is the
 * one of the field that holds it (metres for positions, m/s for velocities).
 */
public record RtnVector(double r, double t, double n) {

    public RtnVector {
        if (!(Double.isFinite(r) && Double.isFinite(t) && Double.isFinite(n))) {
            throw new IllegalArgumentException("non-finite RTN vector: " + r + ", " + t + ", " + n);
        }
    }

    public double norm() {
        return Math.sqrt(r * r + t * t + n * n);
    }
}
