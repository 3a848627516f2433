package io.astroshield.domain.screening;

/**
 * Bounds on one object's motion over the screening window, used by the broad phase to stay
 * conservative (docs/screening-margin.md). SI units.
 *
 * @param minRadiusM            lower bound on the geocentric distance
 * @param maxRadiusM            upper bound on the geocentric distance
 * @param maxSpeedMps           upper bound on the inertial speed
 * @param maxAccelerationMps2   upper bound on the inertial acceleration
 * @param fourthDerivativeBound upper bound on |d^4 r / dt^4| in m/s^4, which bounds the Hermite interpolation error
 */
public record OrbitBounds(double minRadiusM, double maxRadiusM, double maxSpeedMps, double maxAccelerationMps2,
                          double fourthDerivativeBound) {

    /** Earth's gravitational parameter, WGS-72 as SGP4 uses it, m^3/s^2. */
    public static final double MU_M3_S2 = 398_600.8e9;

    /**
     * Safety factor on the two-body bounds for what two-body motion leaves out: J2 changes
     * accelerations by about 0.2 % and its higher derivatives by less than 1 %, drag and
     * lunar-solar terms by far less; 1.5 covers them with room.
     */
    static final double PERTURBATION_FACTOR = 1.5;

    public OrbitBounds {
        if (!(minRadiusM > 0 && maxRadiusM >= minRadiusM && maxSpeedMps > 0 && maxAccelerationMps2 > 0
                && fourthDerivativeBound > 0)) {
            throw new IllegalArgumentException("inconsistent bounds: " + minRadiusM + ", " + maxRadiusM + ", "
                    + maxSpeedMps + ", " + maxAccelerationMps2 + ", " + fourthDerivativeBound);
        }
    }

    /**
     * Bounds of an orbit with semi-major axis {@code aM} and eccentricity {@code e}, widened by
     * {@code radialMarginM} for short-period oscillations and decay over the window.
     * The 4th-derivative bound follows from the f and g series of two-body motion:
     * |r''''| <= mu/r^4 (24 v^2 + 4 mu/r), largest at perigee.
     */
    public static OrbitBounds fromKepler(double aM, double e, double radialMarginM) {
        double rp = aM * (1 - e);
        double ra = aM * (1 + e);
        double rMin = Math.max(rp - radialMarginM, 6_300_000.0);
        double vMax = Math.sqrt(MU_M3_S2 * (2 / rMin - 1 / aM)) * 1.01;
        return new OrbitBounds(rMin, ra + radialMarginM, vMax,
                MU_M3_S2 / (rMin * rMin) * PERTURBATION_FACTOR,
                fourthDerivative(rMin, vMax) * PERTURBATION_FACTOR);
    }

    /**
     * Bounds for an SGP4 element set used up to {@code daysFromEpoch} away from its epoch (the
     * farther end of the window; an old element set has drifted before the window starts):
     * mean-element perigee and apogee widened by 50 km for SGP4's short-period terms (J2 moves the
     * osculating radius by about 10 km in LEO) plus the decay the element set's mean-motion rate
     * implies over that time, da = (2/3) a |n-dot| / n * T, taken three times over and never below
     * 2 km per day (SGP4's drag term follows B*, which n-dot only approximates).
     *
     * @param meanMotionDotRadPerS2 the element set's first derivative of mean motion
     */
    public static OrbitBounds forMeanElements(double meanMotionRadPerS, double eccentricity,
                                              double meanMotionDotRadPerS2, double daysFromEpoch) {
        double a = Math.cbrt(MU_M3_S2 / (meanMotionRadPerS * meanMotionRadPerS));
        double days = Math.abs(daysFromEpoch);
        double decayM = 3 * (2.0 / 3.0) * a * Math.abs(meanMotionDotRadPerS2) / meanMotionRadPerS * days * 86_400;
        return fromKepler(a, eccentricity, 50_000 + Math.max(decayM, 2_000 * days));
    }

    /** Two-body |r''''| bound at distance r and speed v (f and g series), m/s^4. */
    static double fourthDerivative(double rM, double vMps) {
        return MU_M3_S2 / (rM * rM * rM * rM) * (24 * vMps * vMps + 4 * MU_M3_S2 / rM);
    }

    /** Largest cubic Hermite position error over a knot step of {@code hS} seconds: M4 h^4 / 384. */
    public double interpolationErrorM(double hS) {
        return fourthDerivativeBound * hS * hS * hS * hS / 384.0;
    }

    /**
     * Largest cubic Hermite velocity error over a knot step: M4 h^3 sqrt(3)/216, doubled
     * because the derivative of the remainder also involves the derivative of the unknown
     * intermediate point (a conservative allowance, see the note).
     */
    public double interpolationVelocityErrorMps(double hS) {
        return 2 * fourthDerivativeBound * hS * hS * hS * Math.sqrt(3) / 216.0;
    }

    /** Knot step that keeps the position interpolation error at or below {@code toleranceM}. */
    public double knotStepFor(double toleranceM) {
        return Math.pow(384.0 * toleranceM / fourthDerivativeBound, 0.25);
    }
}
