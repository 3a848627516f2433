package io.astroshield.domain.risk;

/**
 * The covariance assumed when an object has none (TLE-only screening): 1-sigma 100 m radial,
 * 300 m in-track, 100 m cross-track, per object, in its own RTN frame, uncorrelated.
 *
 * <p>The figures are the radial / in-track / cross-track values CelesTrak's SOCRATES states for
 * its "Max Probability" column (celestrak.org/SOCRATES, data-field notes). SOCRATES uses them only
 * for the aspect ratio of the projected covariance ellipse, whose size and orientation it then
 * chooses for the maximum; using them as absolute 1-sigma values is this project's documented
 * assumption, not SOCRATES practice. SGP4 errors at a few days from epoch are often larger, so a
 * Pc under this covariance is a screening figure, never a basis for a manoeuvre decision.
 */
public final class DefaultCovariance {

    /** Radial 1-sigma, m. */
    public static final double SIGMA_RADIAL_M = 100.0;
    /** In-track (transverse) 1-sigma, m. */
    public static final double SIGMA_IN_TRACK_M = 300.0;
    /** Cross-track (normal) 1-sigma, m. */
    public static final double SIGMA_CROSS_TRACK_M = 100.0;

    private static final ObjectCovariance PER_OBJECT =
            ObjectCovariance.rtnSigmas(SIGMA_RADIAL_M, SIGMA_IN_TRACK_M, SIGMA_CROSS_TRACK_M);

    private DefaultCovariance() {
    }

    /** The assumed covariance of one object, 3x3 in its RTN frame, m². */
    public static ObjectCovariance perObject() {
        return PER_OBJECT;
    }

    /** An encounter of two objects without covariances, each given the default; HBR in m. */
    public static Encounter encounter(ObjectState primary, ObjectState secondary, double hardBodyRadiusM) {
        return new Encounter(primary, PER_OBJECT, secondary, PER_OBJECT, hardBodyRadiusM,
                CovarianceSource.DEFAULT_ASSUMED);
    }
}
