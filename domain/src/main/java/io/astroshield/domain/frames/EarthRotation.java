package io.astroshield.domain.frames;

import java.time.Instant;

/**
 * The rotation from TEME (where SGP4 positions live) to Earth-fixed axes, for displays: a rotation about the pole
 * by Greenwich Mean Sidereal Time, IAU 1982 (Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed.,
 * eq. 3-45; the TEME to PEF step of Vallado et al., AIAA 2006-6753, appendix C). UT1 is taken as UTC (|UT1 - UTC|
 * stays under 0.9 s: under 0.4 km at the equator) and polar motion is ignored (under 20 m): right for a picture,
 * never used for screening.
 */
public final class EarthRotation {

    private static final double SECONDS_PER_DAY = 86_400.0;
    /** Julian date of the Unix epoch, 1970-01-01T00:00Z. */
    private static final double JD_UNIX_EPOCH = 2_440_587.5;
    private static final double JD_J2000 = 2_451_545.0;

    private EarthRotation() {
    }

    /** GMST at {@code t} (taken as UT1), radians in [0, 2 pi). */
    public static double gmstRad(Instant t) {
        double jd = JD_UNIX_EPOCH + (t.getEpochSecond() + t.getNano() * 1e-9) / SECONDS_PER_DAY;
        double tu = (jd - JD_J2000) / 36_525.0;
        // seconds of time: 67310.54841 + (876600 h + 8640184.812866 s) T + 0.093104 T^2 - 6.2e-6 T^3
        double seconds = 67_310.54841 + (876_600.0 * 3600.0 + 8_640_184.812866) * tu
                + 0.093104 * tu * tu - 6.2e-6 * tu * tu * tu;
        double rad = Math.toRadians((seconds % SECONDS_PER_DAY) / 240.0);
        return rad < 0 ? rad + 2 * Math.PI : rad;
    }

    /**
     * Rotates TEME positions into Earth-fixed (PEF) axes in place: x, y, z of point k at {@code 3k..3k+2}, any
     * length unit; the same rotation for every point (one instant).
     */
    public static void temeToEarthFixed(double gmstRad, double[] xyz) {
        double c = Math.cos(gmstRad);
        double s = Math.sin(gmstRad);
        for (int k = 0; k + 2 < xyz.length; k += 3) {
            double x = xyz[k];
            double y = xyz[k + 1];
            xyz[k] = c * x + s * y;
            xyz[k + 1] = -s * x + c * y;
        }
    }

    /** As {@link #temeToEarthFixed(double, double[])}, for the float positions of a whole catalog. */
    public static void temeToEarthFixed(double gmstRad, float[] xyz) {
        double c = Math.cos(gmstRad);
        double s = Math.sin(gmstRad);
        for (int k = 0; k + 2 < xyz.length; k += 3) {
            double x = xyz[k];
            double y = xyz[k + 1];
            xyz[k] = (float) (c * x + s * y);
            xyz[k + 1] = (float) (-s * x + c * y);
        }
    }

    /** Geocentric latitude and longitude of an Earth-fixed position, degrees: {lat in [-90, 90], lon in (-180, 180]}. */
    public static double[] latLonDeg(double x, double y, double z) {
        return new double[] {Math.toDegrees(Math.atan2(z, Math.hypot(x, y))), Math.toDegrees(Math.atan2(y, x))};
    }
}
