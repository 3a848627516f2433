package io.astroshield.domain.cdm;

import java.util.Arrays;
import java.util.List;

/**
 * The 6x6 position-velocity covariance of one object in its own RTN frame, as a CDM carries
 * it (CCSDS 508.0-B-1 CR_R ... CNDOT_NDOT). Row and column order: R, T, N, RDOT, TDOT, NDOT.
 * Units: m² for position-position terms, m²/s for position-velocity terms, m²/s² for
 * velocity-velocity terms.
 * <p>
 * Immutable. A class rather than a record because it holds an array; equality is by value.
 * Positive definiteness is not required here: real CDMs carry non-positive-definite
 * covariances and the risk code remediates them, so only finiteness is checked.
 */
public final class RtnCovariance {

    /** CDM keywords of the lower triangle, row by row (row i holds columns 0..i). */
    public static final List<String> KEYWORDS = List.of(
            "CR_R",
            "CT_R", "CT_T",
            "CN_R", "CN_T", "CN_N",
            "CRDOT_R", "CRDOT_T", "CRDOT_N", "CRDOT_RDOT",
            "CTDOT_R", "CTDOT_T", "CTDOT_N", "CTDOT_RDOT", "CTDOT_TDOT",
            "CNDOT_R", "CNDOT_T", "CNDOT_N", "CNDOT_RDOT", "CNDOT_TDOT", "CNDOT_NDOT");

    private static final int SIZE = 6;

    private final double[] lower;

    private RtnCovariance(double[] lower) {
        this.lower = lower;
    }

    /**
     * From the 21 lower-triangle terms in CDM keyword order ({@link #KEYWORDS}).
     *
     * @throws IllegalArgumentException when there are not 21 terms or one is not finite
     */
    public static RtnCovariance ofLowerTriangle(double... terms) {
        if (terms.length != KEYWORDS.size()) {
            throw new IllegalArgumentException("expected 21 lower-triangle terms, got " + terms.length);
        }
        for (int i = 0; i < terms.length; i++) {
            if (!Double.isFinite(terms[i])) {
                throw new IllegalArgumentException(KEYWORDS.get(i) + ": " + terms[i]);
            }
        }
        return new RtnCovariance(terms.clone());
    }

    /**
     * From a full 6x6 matrix; it must be symmetric to within 1e-12 relative to its largest
     * term (the lower triangle is kept).
     */
    public static RtnCovariance ofMatrix(double[][] matrix) {
        if (matrix.length != SIZE) {
            throw new IllegalArgumentException("expected a 6x6 matrix, got " + matrix.length + " rows");
        }
        double scale = 0;
        for (double[] row : matrix) {
            if (row.length != SIZE) {
                throw new IllegalArgumentException("expected a 6x6 matrix, got a row of " + row.length);
            }
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double[] terms = new double[KEYWORDS.size()];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j <= i; j++) {
                if (Math.abs(matrix[i][j] - matrix[j][i]) > 1e-12 * scale) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
                }
                terms[index(i, j)] = matrix[i][j];
            }
        }
        return ofLowerTriangle(terms);
    }

    private static int index(int row, int col) {
        int i = Math.max(row, col);
        int j = Math.min(row, col);
        return i * (i + 1) / 2 + j;
    }

    /** Term (row, col), 0-based in the order R, T, N, RDOT, TDOT, NDOT; symmetric. */
    public double get(int row, int col) {
        if (row < 0 || row >= SIZE || col < 0 || col >= SIZE) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ")");
        }
        return lower[index(row, col)];
    }

    /** The 21 lower-triangle terms in {@link #KEYWORDS} order (a copy). */
    public double[] lowerTriangle() {
        return lower.clone();
    }

    /** The full symmetric 6x6 matrix (a copy). */
    public double[][] toMatrix() {
        double[][] m = new double[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                m[i][j] = get(i, j);
            }
        }
        return m;
    }

    /** The 3x3 position block in m² (a copy). */
    public double[][] positionBlock() {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = get(i, j);
            }
        }
        return m;
    }

    /** True when a variance (diagonal term) is negative, which no real covariance has. */
    public boolean hasNegativeVariance() {
        for (int i = 0; i < SIZE; i++) {
            if (get(i, i) < 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtnCovariance other && Arrays.equals(lower, other.lower);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lower);
    }

    @Override
    public String toString() {
        return "RtnCovariance" + Arrays.toString(lower);
    }
}
