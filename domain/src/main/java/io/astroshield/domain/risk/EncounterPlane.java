package io.astroshield.domain.risk;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;

/**
 * An encounter reduced to the 2D encounter (conjunction) plane, the plane normal to the relative
 * velocity, in the principal axes of the combined position covariance projected onto it.
 *
 * <p>The x axis is the minor axis and y the major axis, the convention of Orekit's 2D methods
 * ({@code compute(xm, ym, sigmaX, sigmaY, radius)}). Variances are as computed, before any
 * remediation: {@code minorVarianceM2} may be zero or negative for a non-positive-definite input.
 *
 * @param xmM              miss vector component along the minor axis, m
 * @param ymM              miss vector component along the major axis, m
 * @param minorVarianceM2  smallest eigenvalue of the projected combined covariance, m²
 * @param majorVarianceM2  largest eigenvalue of the projected combined covariance, m²
 * @param missDistanceM    distance between the objects at TCA, m
 * @param relativeSpeedMps relative speed at TCA, m/s
 * @param covXxM2          projected combined covariance along x, the in-plane direction of the miss, m²
 * @param covXzM2          its x-z element, z along r × v, m²
 * @param covZzM2          its z-z element, m² (the three as computed, for methods that diagonalise
 *                         the plane covariance their own way: {@link CaraPcCircle})
 */
public record EncounterPlane(double xmM, double ymM, double minorVarianceM2, double majorVarianceM2,
                             double missDistanceM, double relativeSpeedMps,
                             double covXxM2, double covXzM2, double covZzM2) {

    /**
     * Below this relative speed (m/s) the encounter plane is not defined well enough to use:
     * crossing even a 1 m hard body would take more than 11 days, nothing like a short-term encounter.
     */
    public static final double MIN_RELATIVE_SPEED_MPS = 1e-6;

    /** Projects an encounter; both covariances are brought to the inertial frame first. */
    public static EncounterPlane of(Encounter encounter) {
        double[] r = Vectors.subtract(encounter.secondary().positionM(), encounter.primary().positionM());
        double[] v = Vectors.subtract(encounter.secondary().velocityMps(), encounter.primary().velocityMps());
        double speed = Vectors.norm(v);
        if (!(speed >= MIN_RELATIVE_SPEED_MPS)) {
            throw new DomainException(DomainError.RISK, "relative speed " + speed
                    + " m/s: the objects move together, the short-term encounter assumption of a 2D Pc does not hold");
        }
        double[][] combined = add(
                encounter.primaryCovariance().toInertial(encounter.primary()).positionBlock(),
                encounter.secondaryCovariance().toInertial(encounter.secondary()).positionBlock());

        // Encounter frame as in CARA's Pc2D tools: y along the relative velocity, z along r x v,
        // x = y x z; the encounter plane is (x, z).
        double[] y = Vectors.scale(v, 1.0 / speed);
        double[] h = Vectors.cross(r, y);
        double missDistance = Vectors.norm(r);
        double[] z;
        if (Vectors.norm(h) > 1e-12 * Math.max(missDistance, 1.0)) {
            z = Vectors.scale(h, 1.0 / Vectors.norm(h));
        } else {
            // Miss vector zero or along the relative velocity: any plane axis will do; take the
            // inertial axis least aligned with y so the cross product is well conditioned.
            double[] axis = leastAlignedAxis(y);
            double[] n = Vectors.cross(y, axis);
            z = Vectors.scale(n, 1.0 / Vectors.norm(n));
        }
        double[] x = Vectors.cross(y, z);

        double a = Vectors.quadratic(x, combined, x);
        double b = Vectors.quadratic(x, combined, z);
        double c = Vectors.quadratic(z, combined, z);
        // As CARA's PcCircle, PcElrod and Pc2D_Foster do, the states are taken to be at TCA: the
        // miss vector in the plane is |r| long, along x (r's in-plane direction). Projecting r
        // instead (Orekit's ShortTermEncounter2DDefinition) differs when the states are slightly
        // off TCA: CARA's OMITRON case 2 is 0.5 m off along 14 m and its Pc moves by 1.7e-4.
        double mx = missDistance;
        double mz = 0.0;

        // Closed-form eigen-decomposition of [[a, b], [b, c]]; the small eigenvalue is taken from
        // the determinant, which keeps its relative accuracy when the ellipse is very thin.
        double mean = 0.5 * (a + c);
        double radius = Math.hypot(0.5 * (a - c), b);
        double major = mean + radius;
        double minor = major > 0 ? (a * c - b * b) / major : mean - radius;
        double theta = 0.5 * Math.atan2(2.0 * b, a - c);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double alongMajor = mx * cos + mz * sin;
        double alongMinor = -mx * sin + mz * cos;
        return new EncounterPlane(alongMinor, alongMajor, minor, major, missDistance, speed, a, b, c);
    }

    private static double[][] add(double[][] p, double[][] q) {
        double[][] sum = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sum[i][j] = p[i][j] + q[i][j];
            }
        }
        return sum;
    }

    private static double[] leastAlignedAxis(double[] u) {
        double ax = Math.abs(u[0]);
        double ay = Math.abs(u[1]);
        double az = Math.abs(u[2]);
        if (ax <= ay && ax <= az) {
            return new double[] {1, 0, 0};
        }
        return ay <= az ? new double[] {0, 1, 0} : new double[] {0, 0, 1};
    }

    /** Distance from the miss point to the origin in the plane, m (the miss projected onto the plane). */
    public double inPlaneMissM() {
        return Math.hypot(xmM, ymM);
    }
}
