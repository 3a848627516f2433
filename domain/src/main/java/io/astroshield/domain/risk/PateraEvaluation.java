package io.astroshield.domain.risk;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.util.MathUtils;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Patera2005;

/**
 * Runs Orekit's {@link Patera2005} so that it cannot return a wrong number silently. Three traps
 * in its use with its default trapezoid integrator, each reproduced by a test in
 * {@code PcCalculatorTest}:
 * <ol>
 * <li>Within 0.1 m (an absolute threshold) of miss distance = HBR, Orekit switches to a truncated
 *     Taylor series that only holds for sigmas much larger than the HBR; elsewhere it returns
 *     values far outside [0, 1]. Pc is invariant under a common scaling of all lengths, so the
 *     problem is scaled until the gap leaves that band; on the boundary itself (gap below 1e-6 of
 *     the HBR) the Pc is the mean of the two radii HBR (1 ± 2e-6), a second-order error.</li>
 * <li>Patera's contour integrand has features about sigma_minor/HBR, sigma_minor/sigma_major or
 *     gap/HBR radians wide. A uniform trapezoid grid that falls between them sees zero and
 *     "converges" to Pc 0 or 1 (a thin covariance crossing the disc gave 1 instead of 0.069);
 *     resolving them uniformly takes millions of points. {@link AdaptiveGaussKronrod} is given the
 *     angles where the features sit (where the circle crosses the covariance axes through the
 *     origin, and its point nearest the origin) and refines there.</li>
 * <li>Orekit refuses a value a few ulps outside [0, 1] with an exception; the contour integral is
 *     kept so such a value is clamped, while a real excursion still fails.</li>
 * </ol>
 */
final class PateraEvaluation {

    /** Orekit's Patera2005 equality band around miss distance = HBR, m (a private constant there). */
    static final double OREKIT_SPECIAL_BAND_M = 0.1;
    /** Distance to the boundary, relative to the HBR, below which the two-radii mean is used. */
    static final double BOUNDARY_FRACTION = 1e-6;
    private static final double RELATIVE_ACCURACY = 1e-10;
    private static final double ABSOLUTE_ACCURACY = 0.0;
    private static final int INITIAL_PANELS = 16;
    /** Floor of the grading width, rad: far below any feature a 1e-4 clipping floor can create. */
    private static final double MIN_FEATURE_WIDTH_RAD = 1e-9;
    private static final int MAX_EVALUATIONS = 3_000_000;
    /** Largest excursion outside [0, 1] treated as rounding. */
    private static final double ROUNDING_EXCURSION = 1e-12;

    private static final Patera2005 PATERA = new Patera2005();

    private PateraEvaluation() {
    }

    /** Patera 2005 Pc for the encounter-plane miss (xm, ym) m, sigmas m (sigmaX <= sigmaY) and radius m. */
    static double pc(double xm, double ym, double sigmaX, double sigmaY, double radius) {
        double gap = Math.abs(Math.hypot(xm, ym) - radius);
        if (gap > OREKIT_SPECIAL_BAND_M) {
            return integrate(xm, ym, sigmaX, sigmaY, radius);
        }
        if (gap >= BOUNDARY_FRACTION * radius) {
            double k = 2.0 * OREKIT_SPECIAL_BAND_M / gap;
            return integrate(k * xm, k * ym, k * sigmaX, k * sigmaY, k * radius);
        }
        double delta = 2.0 * BOUNDARY_FRACTION * radius;
        return 0.5 * (pc(xm, ym, sigmaX, sigmaY, radius - delta) + pc(xm, ym, sigmaX, sigmaY, radius + delta));
    }

    private static double integrate(double xm, double ym, double sigmaX, double sigmaY, double radius) {
        // Orekit returns -I/2pi outside the disc and 1 - I/2pi inside: the relative target must
        // apply to the Pc, hence to I - 2pi inside.
        boolean inside = Math.hypot(xm, ym) < radius;
        AdaptiveGaussKronrod integrator = new AdaptiveGaussKronrod(RELATIVE_ACCURACY, ABSOLUTE_ACCURACY,
                inside ? -MathUtils.TWO_PI : 0.0, cuts(xm, ym, sigmaX, sigmaY, radius), INITIAL_PANELS);
        try {
            return PATERA.compute(xm, ym, sigmaX, sigmaY, radius, integrator, MAX_EVALUATIONS).getValue();
        } catch (MathIllegalArgumentException outOfRange) {
            // Same branch as Orekit: outside the disc Pc = -I/2pi, inside Pc = 1 - I/2pi.
            double share = integrator.lastResult() / MathUtils.TWO_PI;
            double value = inside ? 1.0 - share : -share;
            if (value >= -ROUNDING_EXCURSION && value <= 1.0 + ROUNDING_EXCURSION) {
                return Math.min(1.0, Math.max(0.0, value));
            }
            throw outOfRange;
        }
    }

    /**
     * Panel boundaries for the contour integral: each feature angle, and around it boundaries at
     * w, 2w, 4w, ... on both sides up to the initial panel width, where w (rad) is the narrowest
     * feature width. Without the grading, a wide panel beside a feature sees only the far end of
     * its tail and passes for converged (CARA's HBR 30 km case lost 4.5e-7 of its Pc that way).
     */
    static double[] cuts(double xm, double ym, double sigmaX, double sigmaY, double radius) {
        double gap = Math.abs(Math.hypot(xm, ym) - radius);
        // Gaussian ridge sigmaX/R; the 1/r² peak on the ridge narrows by R/sigmaY when sigmaY > R.
        double width = Math.min(sigmaX * Math.min(1.0, radius / sigmaY), gap) / radius;
        width = Math.max(width, MIN_FEATURE_WIDTH_RAD);
        double widest = MathUtils.TWO_PI / INITIAL_PANELS;
        double[] features = featureAngles(xm, ym, radius);
        int levels = Math.max(0, (int) Math.ceil(Math.log(widest / width) / Math.log(2.0)));
        double[] cuts = new double[features.length * (1 + 2 * levels)];
        int n = 0;
        for (double f : features) {
            cuts[n++] = f;
            double offset = width;
            for (int k = 0; k < levels; k++, offset *= 2.0) {
                cuts[n++] = MathUtils.normalizeAngle(f - offset, Math.PI);
                cuts[n++] = MathUtils.normalizeAngle(f + offset, Math.PI);
            }
        }
        return cuts;
    }

    /**
     * Angles in [0, 2pi) of the contour point (xm + R cos t, ym + R sin t) where it crosses x = 0
     * (the thin Gaussian ridge and the 1/r² peak of Patera's integrand), crosses y = 0, or comes
     * nearest to the origin; clamped to the tangent points when it misses an axis.
     */
    static double[] featureAngles(double xm, double ym, double radius) {
        double c = Math.acos(Math.max(-1.0, Math.min(1.0, -xm / radius)));
        double s = Math.asin(Math.max(-1.0, Math.min(1.0, -ym / radius)));
        double[] angles = {c, -c, s, Math.PI - s, Math.atan2(-ym, -xm)};
        for (int i = 0; i < angles.length; i++) {
            angles[i] = MathUtils.normalizeAngle(angles[i], Math.PI);
        }
        return angles;
    }
}
