package io.astroshield.domain.screening;

/**
 * The objects of a screening, indexed 0..size-1, whose TEME states can be computed at any
 * time given in seconds from the screening's reference epoch. Implementations are safe for
 * concurrent use by several threads.
 */
public interface OrbitSource {

    int size();

    /** Catalog number of object {@code i}. */
    int noradId(int i);

    /** Bounds on the motion of object {@code i} over the window. */
    OrbitBounds bounds(int i);

    /**
     * Writes object {@code i}'s TEME position (m) and velocity (m/s) at {@code tS} seconds
     * from the reference epoch into {@code out[off..off+5]}.
     *
     * @return 0 on success, else a non-zero code that {@link #errorMessage} explains
     */
    int state(int i, double tS, double[] out, int off);

    /** A sentence for a non-zero code returned by {@link #state}. */
    String errorMessage(int code);

    /** Age of object {@code i}'s orbit data at {@code tS}, in days (time since its epoch). */
    double epochAgeDays(int i, double tS);
}
