package io.astroshield.domain.screening;

/**
 * Secondary minus primary position at TCA in the primary's RTN frame, metres: radial along
 * the primary's position, cross-track along r x v, in-track completing the right-handed set.
 */
public record MissVectorRtn(double radialM, double inTrackM, double crossTrackM) {
    public MissVectorRtn {
        if (!(Double.isFinite(radialM) && Double.isFinite(inTrackM) && Double.isFinite(crossTrackM))) {
            throw new IllegalArgumentException("non-finite miss vector");
        }
    }

    /** Projects {@code d = rs - rp} (TEME, m) onto the RTN axes of a primary at {@code rp}, {@code vp}. */
    public static MissVectorRtn of(double[] rp, double[] vp, double[] d) {
        double rn = Math.sqrt(rp[0] * rp[0] + rp[1] * rp[1] + rp[2] * rp[2]);
        double[] r = {rp[0] / rn, rp[1] / rn, rp[2] / rn};
        double[] c = {rp[1] * vp[2] - rp[2] * vp[1], rp[2] * vp[0] - rp[0] * vp[2], rp[0] * vp[1] - rp[1] * vp[0]};
        double cn = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        c[0] /= cn;
        c[1] /= cn;
        c[2] /= cn;
        double[] i = {c[1] * r[2] - c[2] * r[1], c[2] * r[0] - c[0] * r[2], c[0] * r[1] - c[1] * r[0]};
        return new MissVectorRtn(dot(d, r), dot(d, i), dot(d, c));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    public double normM() {
        return Math.sqrt(radialM * radialM + inTrackM * inTrackM + crossTrackM * crossTrackM);
    }
}
