package io.astroshield.domain.risk;

import org.hipparchus.special.Erf;

/**
 * The 2D Pc as NASA CARA's {@code PcCircle} computes it by default (EstimationMode 64), so that
 * CARA's operational numbers can be reproduced and cross-checked ({@link PcMethod#CARA_PC_CIRCLE_64}).
 * Written from the description in CARA_Analysis_Tools ({@code PcCircle.m}, {@code GenGCQuad.m},
 * {@code eig2x2.m}); docs/risk.md has the derivation and the check in docs/tools/cara_pc_circle64.py.
 *
 * <p>In the encounter plane's principal axes, with u the MAJOR axis (sigma_u the larger sigma) and
 * w the minor one, miss components (um, wm) both non-negative, the disc is swept along u with
 * u = um + R cos(theta). The w-integral across the disc is an erf difference, and the u-integral is
 * Gauss-Chebyshev quadrature of the second kind with N = 64 nodes theta_k = k pi / (N + 1):
 * <pre>
 * Pc = R / (sigma_u sqrt(8 pi)) * pi / (N + 1) * sum_k sin(theta_k) exp(-(um + R cos theta_k)² / (2 sigma_u²))
 *      * [erf((wm + R sin theta_k) / (sqrt2 sigma_w)) - erf((wm - R sin theta_k) / (sqrt2 sigma_w))]
 * </pre>
 * It is exact for polynomials of degree 2N - 1 in cos(theta); its error grows with R / sigma_w
 * (-2.8e-4 on CARA's 3 km HBR case, where R / sigma_w = 160).
 *
 * <p>Two of CARA's choices are kept because they move the result beyond 1e-10:
 * <ul>
 * <li>Eigenvalues from trace T and determinant D, (T ± sqrt(T² - 4D)) / 2. For a thin ellipse the
 *     small one loses digits to cancellation (about eps T / lambda_min relative): on CARA's HBR sweep
 *     (lambda ratio 4e7) this moves the 10 m Pc by -2.1e-8, and CARA's published value carries it.
 *     {@link EncounterPlane}'s own decomposition avoids the cancellation; this one reproduces it.</li>
 * <li>CARA uses the quadrature only when the disc lies within 4 sigma_u along u:
 *     um - R &gt; -4 sigma_u and um + R &lt; max(um - R, 0) + 4 sigma_u. Otherwise it integrates
 *     adaptively (MATLAB {@code integral}, RelTol 1e-6); here {@link PateraEvaluation} does
 *     (relative 1e-10), so such cases agree with CARA to its tolerance, not digit for digit.</li>
 * </ul>
 * Not modelled: CARA's nudge of a zero miss by 1e-6 HBR (a second-order change) and its LAPACK
 * fallback for off-diagonal elements below 1e-2 in its input units (this class works in metres).
 */
final class CaraPcCircle {

    /** Quadrature order of PcCircle's default EstimationMode. */
    static final int ORDER = 64;
    /** Half-width, in sigma_u, of the band along the major axis where CARA trusts the quadrature. */
    static final double QUADRATURE_BOUND_SIGMAS = 4.0;

    private static final double[] COS = new double[ORDER];
    private static final double[] SIN = new double[ORDER];

    static {
        for (int k = 1; k <= ORDER; k++) {
            double theta = k * Math.PI / (ORDER + 1);
            COS[k - 1] = Math.cos(theta);
            SIN[k - 1] = Math.sin(theta);
        }
    }

    /** A Pc and whether it came from the adaptive fallback rather than the 64-point quadrature. */
    record Value(double pc, boolean adaptive) {
    }

    private CaraPcCircle() {
    }

    /**
     * Pc for a finite, positive radius (m); the plane covariance is clipped at (clip factor × R)²
     * as CARA does.
     */
    static Value pc(EncounterPlane plane, double radius) {
        double a = plane.covXxM2();
        double b = plane.covXzM2();
        double c = plane.covZzM2();
        double trace = a + c;
        double root = Math.sqrt(Math.max(0.0, trace * trace - 4.0 * (a * c - b * b)));
        double major = (trace + root) / 2.0;
        double minor = (trace - root) / 2.0;
        // Unit eigenvector of the major eigenvalue in (x, z); the miss is |r| along x.
        double ex;
        double ez;
        if (b != 0.0) {
            double n = Math.hypot(major - c, b);
            ex = (major - c) / n;
            ez = b / n;
        } else {
            ex = c <= a ? 1.0 : 0.0;
            ez = c <= a ? 0.0 : 1.0;
        }
        double um = plane.missDistanceM() * Math.abs(ex);
        double wm = plane.missDistanceM() * Math.abs(ez);
        double floor = PcCalculator.CLIP_FACTOR * radius * PcCalculator.CLIP_FACTOR * radius;
        double sigmaU = Math.sqrt(Math.max(major, floor));
        double sigmaW = Math.sqrt(Math.max(minor, floor));

        double lo = um - radius;
        double hi = um + radius;
        double band = QUADRATURE_BOUND_SIGMAS * sigmaU;
        if (!(lo > -band && hi < Math.max(lo, 0.0) + band)) {
            // PateraEvaluation's convention: x the minor axis, y the major axis.
            return new Value(PateraEvaluation.pc(wm, um, sigmaW, sigmaU, radius), true);
        }
        double du = Math.sqrt(2.0) * sigmaU;
        double dw = Math.sqrt(2.0) * sigmaW;
        double sum = 0.0;
        for (int k = 0; k < ORDER; k++) {
            double u = (um + radius * COS[k]) / du;
            double halfChord = radius * SIN[k];
            // Erf.erf(x1, x2) = erf(x2) - erf(x1), through erfc in the tails where erf is near ±1.
            sum += SIN[k] * Math.exp(-u * u) * Erf.erf((wm - halfChord) / dw, (wm + halfChord) / dw);
        }
        double pc = radius / (sigmaU * Math.sqrt(8.0 * Math.PI)) * (Math.PI / (ORDER + 1)) * sum;
        return new Value(pc, false);
    }
}
