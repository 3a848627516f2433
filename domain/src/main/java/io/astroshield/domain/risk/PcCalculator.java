package io.astroshield.domain.risk;

import io.astroshield.domain.frames.CartesianState;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.orekit.errors.OrekitException;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Alfano2005;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Alfriend1999Max;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Chan1997;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Laas2015;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DDefinition;
import org.orekit.ssa.metrics.ProbabilityOfCollision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Computes 2D probabilities of collision for short-term encounters through Orekit's
 * {@code org.orekit.ssa.collision.shorttermencounter.probability.twod} methods.
 *
 * <p>The encounter is projected here ({@link EncounterPlane}); Orekit's
 * {@code compute(xm, ym, sigmaX, sigmaY, radius)} then evaluates the method. Between the two, the
 * projected combined covariance is checked and, if needed, remediated by eigenvalue clipping as
 * NASA CARA does: eigenvalues below (1e-4 × HBR)² are raised to it and the result is flagged.
 * An individual covariance whose negative eigenvalue exceeds 1e-3 of its largest is not a
 * rounding defect but a broken matrix, and is refused.
 *
 * <p>Thread-safe: the numerical integrator Patera's method needs is created per call
 * ({@link PateraEvaluation} explains how it is set up).
 */
public final class PcCalculator {

    /** The method used when none is named: Patera (2005), the reference value. */
    public static final PcMethod DEFAULT_METHOD = PcMethod.PATERA_2005;

    /** CARA's standard eigenvalue clipping factor: the floor is (factor × HBR)², in m². */
    public static final double CLIP_FACTOR = 1e-4;

    /**
     * Largest |negative eigenvalue| / largest eigenvalue of one object's position covariance still
     * treated as rounding or truncation (remediable). Truncating a covariance to 5 significant
     * digits moves its eigenvalues by at most ~1.5e-4 of the largest; a matrix beyond the
     * tolerance is not a covariance.
     */
    public static final double INDEFINITE_TOLERANCE = 1e-3;

    /**
     * Largest HBR / sigma_minor for which {@link PcMethod#LAAS_2015} is used. Beyond it Orekit's
     * Laas2015 series loses accuracy silently (measured on CARA's HBR sweep: 6e-8 relative at 54,
     * 3.5e-5 at 160, and a Pc of 0 instead of 0.064 at 540), so it is refused rather than trusted.
     */
    public static final double LAAS_MAX_RADIUS_OVER_SIGMA = 100.0;

    private final Laas2015 laas = new Laas2015();
    private final Alfano2005 alfano = new Alfano2005();
    private final Chan1997 chan = new Chan1997();
    private final Alfriend1999Max alfriendMax = new Alfriend1999Max();

    /** Pc by the default method, {@link PcMethod#PATERA_2005}. */
    public CollisionProbability compute(Encounter encounter) {
        return compute(encounter, DEFAULT_METHOD);
    }

    /**
     * Pc of the encounter by the given method.
     *
     * @throws DomainException {@link DomainError#RISK} when the relative speed is (near) zero, a
     *                         covariance is not a covariance, or the method fails numerically
     */
    public CollisionProbability compute(Encounter encounter, PcMethod method) {
        Objects.requireNonNull(encounter, "encounter");
        Objects.requireNonNull(method, "method");
        checkCovariance("primary", encounter.primaryCovariance());
        checkCovariance("secondary", encounter.secondaryCovariance());
        EncounterPlane plane = EncounterPlane.of(encounter);
        double radius = encounter.hardBodyRadiusM();
        List<String> warnings = new ArrayList<>();

        if (radius == 0.0) {
            return result(0.0, method, encounter, plane, false, warnings);
        }
        if (radius == Double.POSITIVE_INFINITY) {
            // An infinite hard body covers the whole plane (CARA PcCircle returns 1).
            return result(1.0, method, encounter, plane, false, warnings);
        }

        if (!(plane.majorVarianceM2() > 0)) {
            // Nothing to remediate from (CARA PcCircle: "two non-positive eigenvalues").
            throw new DomainException(DomainError.RISK, "combined covariance has no positive variance"
                    + " in the encounter plane: " + plane.majorVarianceM2() + " m²");
        }
        double floor = CLIP_FACTOR * radius * CLIP_FACTOR * radius;
        boolean remediated = plane.minorVarianceM2() < floor;
        double minor = Math.max(plane.minorVarianceM2(), floor);
        double major = Math.max(plane.majorVarianceM2(), floor);
        if (remediated) {
            warnings.add(String.format(Locale.ROOT,
                    "combined covariance remediated: encounter-plane variances %.6e m² and %.6e m²;"
                            + " eigenvalues below (%.0e x HBR)² = %.6e m² clipped to it",
                    plane.minorVarianceM2(), plane.majorVarianceM2(), CLIP_FACTOR, floor));
        }
        double pc = evaluate(method, plane, Math.sqrt(minor), Math.sqrt(major), radius, warnings);
        if (method == PcMethod.CHAN_1997) {
            warnings.add("Chan 1997 is an approximation of the 2D Pc");
        }
        if (method.maximum()) {
            warnings.add("maximum Pc over covariance scale, not a Pc for the given covariance");
        }
        return result(pc, method, encounter, plane, remediated, warnings);
    }

    /**
     * The maximum Pc over a scale factor applied to the encounter's covariance
     * ({@link PcMethod#MAXIMUM_OVER_SCALE}); 1 when the miss in the encounter plane is within the
     * hard-body radius.
     */
    public CollisionProbability maximumOverCovarianceScale(Encounter encounter) {
        return compute(encounter, PcMethod.MAXIMUM_OVER_SCALE);
    }

    /**
     * Both TLE-only figures for two objects without covariances: the Patera Pc under
     * {@link DefaultCovariance} and the maximum over that covariance's scale.
     *
     * @param hardBodyRadiusM combined hard-body radius, m
     */
    public TleOnlyPc tleOnly(CartesianState primary, CartesianState secondary, double hardBodyRadiusM) {
        Encounter encounter = DefaultCovariance.encounter(primary, secondary, hardBodyRadiusM);
        return new TleOnlyPc(compute(encounter, DEFAULT_METHOD), maximumOverCovarianceScale(encounter));
    }

    private double evaluate(PcMethod method, EncounterPlane plane, double sigmaX, double sigmaY, double radius,
                            List<String> warnings) {
        double xm = plane.xmM();
        double ym = plane.ymM();
        double value;
        try {
            value = switch (method) {
                case PATERA_2005 -> PateraEvaluation.pc(xm, ym, sigmaX, sigmaY, radius);
                case LAAS_2015 -> laas(xm, ym, sigmaX, sigmaY, radius);
                case ALFANO_2005 -> alfano.compute(xm, ym, sigmaX, sigmaY, radius).getValue();
                case CHAN_1997 -> chan.compute(xm, ym, sigmaX, sigmaY, radius).getValue();
                case ALFRIEND_1999_MAX -> alfriendMaximum(xm, ym, sigmaX, sigmaY, radius);
                case MAXIMUM_OVER_SCALE -> maximumOverScale(xm, ym, sigmaX, sigmaY, radius);
                case CARA_PC_CIRCLE_64 -> caraPcCircle(plane, radius, warnings);
            };
        } catch (MathRuntimeException | OrekitException ex) {
            throw new DomainException(DomainError.RISK, method + " failed: " + ex.getMessage(), ex);
        }
        if (Double.isNaN(value)) {
            throw new DomainException(DomainError.RISK, String.format(Locale.ROOT,
                    "%s gave no value for xm=%.6e m, ym=%.6e m, sigmaX=%.6e m, sigmaY=%.6e m, HBR=%.6e m",
                    method, xm, ym, sigmaX, sigmaY, radius));
        }
        // Quadrature and series leave excursions of a few ulps outside [0, 1]; a probability is clamped.
        return Math.min(1.0, Math.max(0.0, value));
    }

    /** CARA's PcCircle diagonalises and clips the plane covariance itself, from the raw plane elements. */
    private static double caraPcCircle(EncounterPlane plane, double radius, List<String> warnings) {
        CaraPcCircle.Value value = CaraPcCircle.pc(plane, radius);
        if (value.adaptive()) {
            warnings.add("disc beyond 4 sigma along the major axis: CARA's PcCircle integrates adaptively"
                    + " there (RelTol 1e-6) instead of its 64-point quadrature; evaluated by PATERA_2005");
        }
        return value.pc();
    }

    /**
     * Alfriend et al. (1999): for a covariance k²C the small-HBR Pc, R²/(2 k² sigmaX sigmaY)
     * exp(-d²/2k²) with d the Mahalanobis distance, peaks at k² = d²/2 at R²/(e d² sigmaX sigmaY).
     * Orekit's {@code compute} refuses values above 1, which the formula gives when the miss is
     * only a few HBR away; those are capped, and a miss inside the disc has maximum 1 (k -> 0).
     */
    private double alfriendMaximum(double xm, double ym, double sigmaX, double sigmaY, double radius) {
        if (Math.hypot(xm, ym) <= radius) {
            return 1.0;
        }
        double squaredMahalanobis = ShortTermEncounter2DDefinition.computeSquaredMahalanobisDistance(
                xm, ym, sigmaX, sigmaY);
        double determinant = sigmaX * sigmaX * sigmaY * sigmaY;
        return Math.min(1.0, alfriendMax.computeValue(radius, squaredMahalanobis, determinant));
    }

    /**
     * max over k of Patera's Pc for sigmas (k sigmaX, k sigmaY): a scan of ln k over ±4 around
     * Alfriend's optimum ln(d/sqrt 2) in steps of 0.25, then a golden-section search on the
     * bracket of the best point (Pc is flat at its maximum: 1e-5 in ln k is 1e-10 in Pc).
     */
    private static double maximumOverScale(double xm, double ym, double sigmaX, double sigmaY, double radius) {
        if (Math.hypot(xm, ym) <= radius) {
            return 1.0;
        }
        double mahalanobis = Math.sqrt(xm * xm / (sigmaX * sigmaX) + ym * ym / (sigmaY * sigmaY));
        double centre = Math.log(mahalanobis / Math.sqrt(2.0));
        double step = 0.25;
        double bestLnK = centre;
        double best = -1;
        for (double lnK = centre - 4.0; lnK <= centre + 4.0 + 1e-9; lnK += step) {
            double pc = scaledPatera(xm, ym, sigmaX, sigmaY, radius, lnK);
            if (pc > best) {
                best = pc;
                bestLnK = lnK;
            }
        }
        double lo = bestLnK - step;
        double hi = bestLnK + step;
        double ratio = (Math.sqrt(5.0) - 1.0) / 2.0;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = scaledPatera(xm, ym, sigmaX, sigmaY, radius, a);
        double fb = scaledPatera(xm, ym, sigmaX, sigmaY, radius, b);
        while (hi - lo > 1e-5) {
            if (fa >= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = scaledPatera(xm, ym, sigmaX, sigmaY, radius, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = scaledPatera(xm, ym, sigmaX, sigmaY, radius, b);
            }
        }
        return Math.max(best, Math.max(fa, fb));
    }

    private static double scaledPatera(double xm, double ym, double sigmaX, double sigmaY, double radius, double lnK) {
        double k = Math.exp(lnK);
        return PateraEvaluation.pc(xm, ym, k * sigmaX, k * sigmaY, radius);
    }

    private double laas(double xm, double ym, double sigmaX, double sigmaY, double radius) {
        if (radius > LAAS_MAX_RADIUS_OVER_SIGMA * sigmaX) {
            throw new DomainException(DomainError.RISK, String.format(Locale.ROOT,
                    "LAAS_2015 is not reliable for HBR/sigma_minor = %.1f (> %.0f); use PATERA_2005",
                    radius / sigmaX, LAAS_MAX_RADIUS_OVER_SIGMA));
        }
        ProbabilityOfCollision result = laas.compute(xm, ym, sigmaX, sigmaY, radius);
        double value = result.getValue();
        // The series carries its own bounds; a value outside them means it did not converge.
        if (value < result.getLowerLimit() * (1 - 1e-9) || value > result.getUpperLimit() * (1 + 1e-9)) {
            throw new DomainException(DomainError.RISK, String.format(Locale.ROOT,
                    "LAAS_2015 did not converge: %.6e outside its bounds [%.6e, %.6e]",
                    value, result.getLowerLimit(), result.getUpperLimit()));
        }
        return value;
    }

    private static void checkCovariance(String which, ObjectCovariance covariance) {
        double[] eigenvalues = new EigenDecompositionSymmetric(
                new Array2DRowRealMatrix(covariance.positionBlock(), false)).getEigenvalues();
        double largest = Double.NEGATIVE_INFINITY;
        double smallest = Double.POSITIVE_INFINITY;
        for (double e : eigenvalues) {
            largest = Math.max(largest, e);
            smallest = Math.min(smallest, e);
        }
        if (smallest < -INDEFINITE_TOLERANCE * largest || largest < 0) {
            throw new DomainException(DomainError.RISK, String.format(Locale.ROOT,
                    "%s position covariance is not a covariance: eigenvalue %.6e m² against largest %.6e m²"
                            + " (beyond rounding, cannot be remediated)", which, smallest, largest));
        }
    }

    private static CollisionProbability result(double pc, PcMethod method, Encounter encounter, EncounterPlane plane,
                                               boolean remediated, List<String> warnings) {
        return new CollisionProbability(pc, method, encounter.hardBodyRadiusM(), plane.missDistanceM(),
                plane.relativeSpeedMps(), encounter.covarianceSource(), remediated, warnings);
    }
}
