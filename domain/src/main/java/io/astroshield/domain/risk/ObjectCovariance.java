package io.astroshield.domain.risk;

import java.util.Arrays;
import java.util.Objects;

/**
 * The covariance of one object's state at TCA: 3x3 position (m²) or 6x6 position-velocity
 * (m², m²/s, m²/s²; order x, y, z, vx, vy, vz or R, T, N, vR, vT, vN), in the encounter's
 * inertial frame or in the object's own RTN frame. Only the position block enters a 2D Pc.
 *
 * <p>The matrix is copied in and out; the record is immutable. It must be symmetric to 1e-8 of
 * its largest entry (printed covariances are symmetric to their last digit; the mean of the two
 * triangles is kept). Whether it is positive definite is judged by {@link PcCalculator}, which
 * needs the hard-body radius to decide how to remediate it.
 */
public record ObjectCovariance(CovarianceFrame frame, double[][] matrix) {

    private static final double SYMMETRY_TOLERANCE = 1e-8;

    public ObjectCovariance {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(matrix, "matrix");
        int n = matrix.length;
        if (n != 3 && n != 6) {
            throw new IllegalArgumentException("covariance must be 3x3 or 6x6, got " + n + " rows");
        }
        double[][] copy = new double[n][];
        double largest = 0.0;
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new IllegalArgumentException("covariance row " + i + " must have " + n + " entries");
            }
            copy[i] = matrix[i].clone();
            for (double value : copy[i]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("non-finite covariance entry in row " + i);
                }
                largest = Math.max(largest, Math.abs(value));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(copy[i][j] - copy[j][i]) > SYMMETRY_TOLERANCE * largest) {
                    throw new IllegalArgumentException("covariance is not symmetric at (" + i + "," + j + "): "
                            + copy[i][j] + " vs " + copy[j][i]);
                }
                double mean = 0.5 * (copy[i][j] + copy[j][i]);
                copy[i][j] = mean;
                copy[j][i] = mean;
            }
        }
        matrix = copy;
    }

    /** A diagonal 3x3 position covariance in the object's RTN frame from 1-sigma values in m. */
    public static ObjectCovariance rtnSigmas(double radialM, double inTrackM, double crossTrackM) {
        if (!(radialM >= 0 && inTrackM >= 0 && crossTrackM >= 0)
                || !Double.isFinite(radialM + inTrackM + crossTrackM)) {
            throw new IllegalArgumentException("sigmas must be finite and non-negative: "
                    + radialM + ", " + inTrackM + ", " + crossTrackM);
        }
        return new ObjectCovariance(CovarianceFrame.RTN, new double[][] {
            {radialM * radialM, 0, 0}, {0, inTrackM * inTrackM, 0}, {0, 0, crossTrackM * crossTrackM}});
    }

    /** The matrix, a fresh copy. */
    @Override
    public double[][] matrix() {
        return deepCopy(matrix);
    }

    /** 3 for a position covariance, 6 for a position-velocity covariance. */
    public int dimension() {
        return matrix.length;
    }

    /** The 3x3 position block in m², a fresh copy, in this covariance's own frame. */
    public double[][] positionBlock() {
        double[][] block = new double[3][3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(matrix[i], 0, block[i], 0, 3);
        }
        return block;
    }

    /** This covariance in the encounter's inertial frame; {@code state} is the object's state at TCA. */
    public ObjectCovariance toInertial(ObjectState state) {
        if (frame == CovarianceFrame.INERTIAL) {
            return this;
        }
        // C_inertial = Mᵀ C_rtn M, with M's rows the R, T, N unit vectors in inertial axes.
        return new ObjectCovariance(CovarianceFrame.INERTIAL, rotate(matrix, rtnAxes(state), true));
    }

    /** This covariance in the object's RTN frame; {@code state} is the object's state at TCA. */
    public ObjectCovariance toRtn(ObjectState state) {
        if (frame == CovarianceFrame.RTN) {
            return this;
        }
        return new ObjectCovariance(CovarianceFrame.RTN, rotate(matrix, rtnAxes(state), false));
    }

    /** The R, T, N unit vectors (rows) in inertial axes for the object's state. */
    static double[][] rtnAxes(ObjectState state) {
        double[] r = state.positionM();
        double[] h = Vectors.cross(r, state.velocityMps());
        double rNorm = Vectors.norm(r);
        double hNorm = Vectors.norm(h);
        if (!(rNorm > 0) || !(hNorm > 0)) {
            throw new IllegalArgumentException(
                    "RTN frame undefined: position and velocity must be non-zero and not parallel");
        }
        double[] radial = Vectors.scale(r, 1.0 / rNorm);
        double[] normal = Vectors.scale(h, 1.0 / hNorm);
        double[] transverse = Vectors.cross(normal, radial);
        return new double[][] {radial, transverse, normal};
    }

    /**
     * Rotates a 3x3 or 6x6 covariance with the block-diagonal rotation (M, M): to inertial
     * ({@code transpose} true) computes Mᵀ C M, to RTN computes M C Mᵀ.
     */
    private static double[][] rotate(double[][] c, double[][] m, boolean transpose) {
        int n = c.length;
        double[][] full = new double[n][n];
        for (int block = 0; block < n; block += 3) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    full[block + i][block + j] = transpose ? m[j][i] : m[i][j];
                }
            }
        }
        double[][] tmp = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += full[i][k] * c[k][j];
                }
                tmp[i][j] = s;
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += tmp[i][k] * full[j][k];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectCovariance that && frame == that.frame && Arrays.deepEquals(matrix, that.matrix);
    }

    @Override
    public int hashCode() {
        return 31 * frame.hashCode() + Arrays.deepHashCode(matrix);
    }

    @Override
    public String toString() {
        return "ObjectCovariance[" + frame + ", " + Arrays.deepToString(matrix) + "]";
    }
}
