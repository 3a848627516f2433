package io.astroshield.domain.risk;

/** The few 3-vector operations the encounter geometry needs, on plain arrays. */
final class Vectors {

    private Vectors() {
    }

    static double[] subtract(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] scale(double[] a, double k) {
        return new double[] {a[0] * k, a[1] * k, a[2] * k};
    }

    /** uᵀ C w for a 3x3 matrix C. */
    static double quadratic(double[] u, double[][] c, double[] w) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += u[i] * (c[i][0] * w[0] + c[i][1] * w[1] + c[i][2] * w[2]);
        }
        return s;
    }
}
