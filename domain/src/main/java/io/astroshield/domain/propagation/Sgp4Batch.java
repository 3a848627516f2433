package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.time.ReferenceData;
import org.orekit.time.AbsoluteDate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * SGP4/SDP4 for many element sets at once, for the screener's hot path.
 *
 * <p>The theory is that of Hoots &amp; Roehrich, Spacetrack Report #3 (1980), as revised by
 * Vallado, Crawford, Hujsak &amp; Kelso, "Revisiting Spacetrack Report #3" (AIAA 2006-6753):
 * near-Earth SGP4 with the simplified drag model below 220 km perigee, and deep-space SDP4 with
 * lunar-solar secular and periodic terms and the 12-hour and 24-hour geopotential resonances,
 * in WGS-72 constants, in the improved ('i') operation mode. Orekit's {@code TLEPropagator} is the
 * project's reference; where the published formulations leave a numerical choice, this class
 * makes Orekit's so that both agree to well under a millimetre:
 * <ul>
 *   <li>recovered semi-major axis a0'' = a0 / (1 - delta0) (Spacetrack Report #3) for near-Earth orbits;</li>
 *   <li>Kepler's equation solved by Newton-Raphson with a second-order correction, the first step
 *       limited to 1.25 e, tolerance 1e-12, at most 10 iterations;</li>
 *   <li>deep space: no eccentricity floor before the lunar-solar periodics, the node not reduced
 *       modulo 2 pi before the Lyddane modification, and the resonance integrated from epoch in
 *       720-minute steps (the bulk call resumes from the last whole step of the previous time
 *       when that gives the same doubles, so the constants stay free of mutable state);</li>
 *   <li>earth rotation rate 4.3752691e-3 rad/min (Spacetrack Report #3).</li>
 * </ul>
 * The error conditions follow Vallado 2006 and are reported as {@link Sgp4Error} codes, never as
 * positions (see {@link #propagate(int, double, double[], int)}).
 *
 * <p>Layout: one fixed-width slot of constants per satellite in a flat {@code double[]} (and a
 * second slot in a deep-space array for SDP4 satellites), so that a per-satellite loop over many
 * times touches a few cache lines. Nothing is allocated per propagation.
 *
 * <p>Thread safety: immutable after construction; any number of threads may propagate
 * concurrently, on the same or different satellites.
 */
public final class Sgp4Batch {

    // ---- WGS-72 constants, as Orekit's TLEConstants and Vallado's getgravconst("wgs72") ----
    /** Earth equatorial radius, km. */
    static final double EARTH_RADIUS_KM = 6378.135;
    /** sqrt(mu / Re^3) in 1/min, with mu = 398600.8 km^3/s^2: 60 / sqrt(Re^3 / mu). */
    static final double XKE = 0.0743669161331734132;
    private static final double J2 = 1.082616e-3;
    private static final double J3 = -2.53881e-6;
    private static final double J4 = -1.65597e-6;
    private static final double CK2 = 0.5 * J2;
    private static final double CK4 = -0.375 * J4;
    private static final double A3OVK2 = -J3 / CK2;
    /** Density-function parameter s = 1 + 78 km / Re, in earth radii. */
    private static final double S = 1.0 + 78.0 / EARTH_RADIUS_KM;
    /** (q0 - s)^4 = ((120 - 78) km / Re)^4, earth radii^4. */
    private static final double QOMS2T = 1.880279159015270643865e-9;
    private static final double TWO_THIRD = 2.0 / 3.0;
    private static final double TWO_PI = 2.0 * Math.PI;
    /** Position scale: earth radii to metres. */
    private static final double POS_SCALE = 1000.0 * EARTH_RADIUS_KM;
    /** Velocity scale: earth radii per minute to metres per second. */
    private static final double VEL_SCALE = 1000.0 * EARTH_RADIUS_KM / 60.0;

    // ---- deep-space constants (Spacetrack Report #3, DEEP) ----
    private static final double ZNS = 1.19459e-5;
    private static final double ZES = 0.01675;
    private static final double ZNL = 1.5835218e-4;
    private static final double ZEL = 0.05490;
    private static final double C1SS = 2.9864797e-6;
    private static final double C1L = 4.7968065e-7;
    /** Earth rotation rate, rad/min, as Spacetrack Report #3 and Orekit. */
    private static final double THDT = 4.3752691e-3;
    private static final double ROOT22 = 1.7891679e-6;
    private static final double ROOT32 = 3.7393792e-7;
    private static final double ROOT44 = 7.3636953e-9;
    private static final double ROOT52 = 1.1428639e-7;
    private static final double ROOT54 = 2.1765803e-9;
    private static final double Q22 = 1.7891679e-6;
    private static final double Q31 = 2.1460748e-6;
    private static final double Q33 = 2.2123015e-7;
    // Phases of the resonance terms (rad), used as cos/sin pairs by the angle-sum identities.
    private static final double C_FASX2 = Math.cos(0.13130908);
    private static final double S_FASX2 = Math.sin(0.13130908);
    private static final double C_2FASX4 = Math.cos(2 * 2.8843198);
    private static final double S_2FASX4 = Math.sin(2 * 2.8843198);
    private static final double C_3FASX6 = Math.cos(3 * 0.37448087);
    private static final double S_3FASX6 = Math.sin(3 * 0.37448087);
    private static final double C_G22 = Math.cos(5.7686396);
    private static final double S_G22 = Math.sin(5.7686396);
    private static final double C_G32 = Math.cos(0.95240898);
    private static final double S_G32 = Math.sin(0.95240898);
    private static final double C_G44 = Math.cos(1.8014998);
    private static final double S_G44 = Math.sin(1.8014998);
    private static final double C_G52 = Math.cos(1.0508330);
    private static final double S_G52 = Math.sin(1.0508330);
    private static final double C_G54 = Math.cos(4.4108898);
    private static final double S_G54 = Math.sin(4.4108898);
    /** Resonance integration step, minutes. */
    private static final double STEP = 720.0;

    // ---- satellite kinds ----
    private static final byte NEAR = 0;
    private static final byte NEAR_SIMPLE = 1;
    private static final byte DEEP = 2;
    private static final byte DEEP_SYNCHRONOUS = 3;
    private static final byte DEEP_HALF_DAY = 4;

    // ---- slot layout of the common array (angles rad, times min, lengths earth radii) ----
    private static final int M0 = 0;
    private static final int ARGP0 = 1;
    private static final int RAAN0 = 2;
    private static final int E0 = 3;
    private static final int I0 = 4;
    private static final int BSTAR = 5;
    private static final int XMDOT = 6;
    private static final int OMGDOT = 7;
    private static final int XNODOT = 8;
    private static final int XNODCF = 9;
    private static final int T2COF = 10;
    private static final int C1 = 11;
    private static final int C4 = 12;
    private static final int C5 = 13;
    private static final int D2 = 14;
    private static final int D3 = 15;
    private static final int D4 = 16;
    private static final int T3COF = 17;
    private static final int T4COF = 18;
    private static final int T5COF = 19;
    private static final int OMGCOF = 20;
    private static final int XMCOF = 21;
    private static final int ETA = 22;
    private static final int DELM0 = 23;
    private static final int SINM0 = 24;
    private static final int A0DP = 25;
    private static final int XN0DP = 26;
    private static final int COSI0 = 27;
    private static final int SINI0 = 28;
    private static final int XLCOF = 29;
    private static final int AYCOF = 30;
    private static final int X3THM1 = 31;
    private static final int X1MTH2 = 32;
    private static final int X7THM1 = 33;
    private static final int COMMON_WIDTH = 34;

    // ---- slot layout of the deep-space array ----
    private static final int ZMOS = 0;
    private static final int ZMOL = 1;
    private static final int SE2 = 2;
    private static final int SE3 = 3;
    private static final int SI2 = 4;
    private static final int SI3 = 5;
    private static final int SL2 = 6;
    private static final int SL3 = 7;
    private static final int SL4 = 8;
    private static final int SGH2 = 9;
    private static final int SGH3 = 10;
    private static final int SGH4 = 11;
    private static final int SH2 = 12;
    private static final int SH3 = 13;
    private static final int EE2 = 14;
    private static final int E3 = 15;
    private static final int XI2 = 16;
    private static final int XI3 = 17;
    private static final int XL2 = 18;
    private static final int XL3 = 19;
    private static final int XL4 = 20;
    private static final int XGH2 = 21;
    private static final int XGH3 = 22;
    private static final int XGH4 = 23;
    private static final int XH2 = 24;
    private static final int XH3 = 25;
    private static final int SSE = 26;
    private static final int SSI = 27;
    private static final int SSL = 28;
    private static final int SSG = 29;
    private static final int SSH = 30;
    private static final int THGR = 31;
    private static final int XLAMO = 32;
    private static final int XFACT = 33;
    private static final int DEL1 = 34;
    private static final int DEL2 = 35;
    private static final int DEL3 = 36;
    private static final int D2201 = 37;
    private static final int D2211 = 38;
    private static final int D3210 = 39;
    private static final int D3222 = 40;
    private static final int D4410 = 41;
    private static final int D4422 = 42;
    private static final int D5220 = 43;
    private static final int D5232 = 44;
    private static final int D5421 = 45;
    private static final int D5433 = 46;
    /** (XKE / n0'')^(2/3): the secular semi-major axis of a non-resonant deep-space orbit before drag. */
    private static final int A_SECULAR = 47;
    private static final int DEEP_WIDTH = 48;

    /**
     * Per-thread resonance integrator state at the last whole 720-minute step of the previous
     * knot: {atime (min, 0 = none), xli, xni}. The bulk call resumes from it when the next knot's
     * path from epoch passes through that step, which gives the same doubles as restarting.
     */
    private static final ThreadLocal<double[]> RESONANCE_CACHE = ThreadLocal.withInitial(() -> new double[3]);

    private final List<ElementSet> elementSets;
    private final AbsoluteDate[] epochs;
    private final byte[] kinds;
    private final int[] deepSlot;
    private final double[] common;
    private final double[] deep;

    private Sgp4Batch(List<ElementSet> sets, ReferenceData referenceData) {
        this.elementSets = List.copyOf(sets);
        int n = elementSets.size();
        this.epochs = new AbsoluteDate[n];
        this.kinds = new byte[n];
        this.deepSlot = new int[n];
        this.common = new double[n * COMMON_WIDTH];
        int deepCount = 0;
        for (int s = 0; s < n; s++) {
            ElementSet es = elementSets.get(s);
            epochs[s] = referenceData.toDate(es.epoch());
            if (isDeepSpace(es)) {
                deepSlot[s] = deepCount++;
            } else {
                deepSlot[s] = -1;
            }
        }
        this.deep = new double[deepCount * DEEP_WIDTH];
        for (int s = 0; s < n; s++) {
            initialise(s, elementSets.get(s));
        }
    }

    /**
     * Initialises SGP4/SDP4 for every element set, in list order (satellite index = list index).
     *
     * @param sets          element sets; none may be null
     * @param referenceData the time scales that turn epochs into {@link AbsoluteDate}s
     */
    public static Sgp4Batch of(List<ElementSet> sets, ReferenceData referenceData) {
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(referenceData, "referenceData");
        return new Sgp4Batch(sets, referenceData);
    }

    /** Number of satellites. */
    public int size() {
        return elementSets.size();
    }

    /** The element set of satellite {@code sat}. */
    public ElementSet elementSet(int sat) {
        return elementSets.get(sat);
    }

    /** Epoch of satellite {@code sat}'s element set, in the reference data's UTC. */
    public AbsoluteDate epoch(int sat) {
        return epochs[sat];
    }

    /**
     * Epoch of satellite {@code sat} minus {@code reference}, in SI seconds (leap seconds counted,
     * as Orekit's {@code durationFrom}). The time since epoch of an instant t, in minutes, is
     * {@code (t.durationFrom(reference) - epochOffsetS(sat, reference)) / 60}.
     */
    public double epochOffsetS(int sat, AbsoluteDate reference) {
        return epochs[sat].durationFrom(reference);
    }

    /** True when satellite {@code sat} uses the deep-space theory (period of 225 minutes or more). */
    public boolean isDeepSpace(int sat) {
        return kinds[sat] >= DEEP;
    }

    /** True when satellite {@code sat} is in 12-hour (high eccentricity) or 24-hour geopotential resonance. */
    public boolean isResonant(int sat) {
        return kinds[sat] >= DEEP_SYNCHRONOUS;
    }

    /**
     * Propagates one satellite to one time.
     *
     * @param sat        satellite index
     * @param tsinceMin  time since the element-set epoch, minutes (negative before epoch)
     * @param out        receives the TEME state at {@code offset}: x, y, z (m), vx, vy, vz (m/s)
     * @param offset     where the six values go
     * @return 0, or the {@link Sgp4Error#code() SGP4 error code} (then {@code out} holds no state)
     */
    public int propagate(int sat, double tsinceMin, double[] out, int offset) {
        return compute(sat, tsinceMin, out, offset, null);
    }

    /**
     * Propagates one satellite to many times (the screener's knots), keeping its constants hot.
     *
     * @param sat        satellite index
     * @param tsinceMin  times since the element-set epoch, minutes; entries {@code 0..count-1} are used
     * @param count      number of times
     * @param out        receives state k at {@code outOffset + 6k}: x, y, z (m), vx, vy, vz (m/s) in TEME;
     *                   NaN for a time where SGP4 reports an error
     * @param outOffset  where state 0 goes
     * @param codes      receives the SGP4 error code of time k at index k (0 when valid), or null
     * @return the number of times for which SGP4 reported an error (0 when all states are valid)
     */
    public int propagate(int sat, double[] tsinceMin, int count, double[] out, int outOffset, int[] codes) {
        double[] resonanceCache = null;
        if (kinds[sat] >= DEEP_SYNCHRONOUS) {
            resonanceCache = RESONANCE_CACHE.get();
            resonanceCache[0] = 0.0;
        }
        int failures = 0;
        for (int k = 0; k < count; k++) {
            int off = outOffset + 6 * k;
            int code = compute(sat, tsinceMin[k], out, off, resonanceCache);
            if (code != 0) {
                failures++;
                for (int j = 0; j < 6; j++) {
                    out[off + j] = Double.NaN;
                }
            }
            if (codes != null) {
                codes[k] = code;
            }
        }
        return failures;
    }

    // ------------------------------------------------------------------------------------------
    // Initialisation
    // ------------------------------------------------------------------------------------------

    /** Period of 225 minutes or more selects SDP4; the test recovers n0'' exactly as Orekit's selectExtrapolator. */
    private static boolean isDeepSpace(ElementSet es) {
        double n0 = es.meanMotionRadPerS() * 60.0;
        double e0 = es.eccentricity();
        double a1 = Math.pow(XKE / n0, TWO_THIRD);
        double cosi0 = Math.cos(es.inclinationRad());
        double temp = CK2 * 1.5 * (3 * cosi0 * cosi0 - 1.0) * Math.pow(1.0 - e0 * e0, -1.5);
        double delta1 = temp / (a1 * a1);
        double a0 = a1 * (1.0 - delta1 * (1.0 / 3.0 + delta1 * (delta1 * 134.0 / 81.0 + 1.0)));
        double delta0 = temp / (a0 * a0);
        double xn0dp = n0 / (delta0 + 1.0);
        return TWO_PI / (xn0dp * 1440.0) >= 1.0 / 6.4;
    }

    private void initialise(int s, ElementSet es) {
        final double[] c = common;
        final int b = s * COMMON_WIDTH;
        final double n0 = es.meanMotionRadPerS() * 60.0;
        final double e0 = es.eccentricity();
        final double i0 = es.inclinationRad();
        // Angles in [0, 2pi) as Orekit's TLE holds them: the Lyddane branch uses the node unreduced,
        // so a node of -0.1 rad and one of 2pi - 0.1 rad would not give the same position.
        final double w0 = normalizeZeroToTwoPi(es.argOfPerigeeRad());
        final double m0 = normalizeZeroToTwoPi(es.meanAnomalyRad());
        final double raan0 = normalizeZeroToTwoPi(es.raanRad());
        final double bstar = es.bStarPerEarthRadius();

        c[b + M0] = m0;
        c[b + ARGP0] = w0;
        c[b + RAAN0] = raan0;
        c[b + E0] = e0;
        c[b + I0] = i0;
        c[b + BSTAR] = bstar;

        // Recover the original (un-Kozai'd) mean motion n0'' and semi-major axis a0'' (STR#3 eqs. for SGP4).
        final double cosi0 = Math.cos(i0);
        final double sini0 = Math.sin(i0);
        final double theta2 = cosi0 * cosi0;
        final double x3thm1 = 3.0 * theta2 - 1.0;
        final double e0sq = e0 * e0;
        final double beta02 = 1.0 - e0sq;
        final double beta0 = Math.sqrt(beta02);
        final double a1 = Math.pow(XKE / n0, TWO_THIRD);
        final double tval = CK2 * 1.5 * x3thm1 / (beta0 * beta02);
        final double delta1 = tval / (a1 * a1);
        final double a0 = a1 * (1.0 - delta1 * (1.0 / 3.0 + delta1 * (1.0 + 134.0 / 81.0 * delta1)));
        final double delta0 = tval / (a0 * a0);
        final double xn0dp = n0 / (delta0 + 1.0);
        final double a0dp = a0 / (1.0 - delta0);

        // Atmospheric density parameters s and (q0 - s)^4, modified for perigees below 156 km.
        double s4 = S;
        double q0ms24 = QOMS2T;
        final double perigeeKm = (a0dp * (1.0 - e0) - 1.0) * EARTH_RADIUS_KM;
        if (perigeeKm < 156.0) {
            s4 = perigeeKm <= 98.0 ? 20.0 : perigeeKm - 78.0;
            double t = (120.0 - s4) / EARTH_RADIUS_KM;
            double t2 = t * t;
            q0ms24 = t2 * t2;
            s4 = s4 / EARTH_RADIUS_KM + 1.0;
        }

        final double pinv = 1.0 / (a0dp * beta02);
        final double pinvsq = pinv * pinv;
        final double tsi = 1.0 / (a0dp - s4);
        final double eta = a0dp * e0 * tsi;
        final double etasq = eta * eta;
        final double eeta = e0 * eta;
        // |1 - eta^2|: the power 3.5 below needs a positive base.
        final double psisq = Math.abs(1.0 - etasq);
        final double tsi2 = tsi * tsi;
        final double coef = q0ms24 * tsi2 * tsi2;
        final double coef1 = coef / Math.pow(psisq, 3.5);
        final double c2 = coef1 * xn0dp * (a0dp * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq))
                + 0.75 * CK2 * tsi / psisq * x3thm1 * (8.0 + 3.0 * etasq * (8.0 + etasq)));
        final double c1 = bstar * c2;
        final double x1mth2 = 1.0 - theta2;
        final double c4 = 2.0 * xn0dp * coef1 * a0dp * beta02 * (eta * (2.0 + 0.5 * etasq)
                + e0 * (0.5 + 2.0 * etasq)
                - 2 * CK2 * tsi / (a0dp * psisq)
                * (-3.0 * x3thm1 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta))
                + 0.75 * x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * Math.cos(2.0 * w0)));
        final double theta4 = theta2 * theta2;
        final double temp1 = 3 * CK2 * pinvsq * xn0dp;
        final double temp2 = temp1 * CK2 * pinvsq;
        final double temp3 = 1.25 * CK4 * pinvsq * pinvsq * xn0dp;
        final double xmdot = xn0dp + 0.5 * temp1 * beta0 * x3thm1
                + 0.0625 * temp2 * beta0 * (13.0 - 78.0 * theta2 + 137.0 * theta4);
        final double x1m5th = 1.0 - 5.0 * theta2;
        final double omgdot = -0.5 * temp1 * x1m5th + 0.0625 * temp2 * (7.0 - 114.0 * theta2 + 395.0 * theta4)
                + temp3 * (3.0 - 36.0 * theta2 + 49.0 * theta4);
        final double xhdot1 = -temp1 * cosi0;
        final double xnodot = xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * theta2) + 2.0 * temp3 * (3.0 - 7.0 * theta2)) * cosi0;

        c[b + XMDOT] = xmdot;
        c[b + OMGDOT] = omgdot;
        c[b + XNODOT] = xnodot;
        c[b + XNODCF] = 3.5 * beta02 * xhdot1 * c1;
        c[b + T2COF] = 1.5 * c1;
        c[b + C1] = c1;
        c[b + C4] = c4;
        c[b + ETA] = eta;
        c[b + A0DP] = a0dp;
        c[b + XN0DP] = xn0dp;
        c[b + COSI0] = cosi0;
        c[b + SINI0] = sini0;
        c[b + XLCOF] = xlcof(sini0, cosi0);
        c[b + AYCOF] = 0.25 * A3OVK2 * sini0;
        c[b + X3THM1] = x3thm1;
        c[b + X1MTH2] = x1mth2;
        c[b + X7THM1] = 7.0 * theta2 - 1.0;

        if (deepSlot[s] < 0) {
            boolean simplified = perigeeKm < 220.0;
            kinds[s] = simplified ? NEAR_SIMPLE : NEAR;
            if (!simplified) {
                // Full drag model: higher-order secular terms in a and L, and the C3, delta-omega, delta-M terms.
                double c1sq = c1 * c1;
                double delM0 = 1.0 + eta * Math.cos(m0);
                c[b + DELM0] = delM0 * delM0 * delM0;
                double d2 = 4 * a0dp * tsi * c1sq;
                double temp = d2 * tsi * c1 / 3.0;
                double d3 = (17 * a0dp + s4) * temp;
                double d4 = 0.5 * temp * a0dp * tsi * (221 * a0dp + 31 * s4) * c1;
                c[b + D2] = d2;
                c[b + D3] = d3;
                c[b + D4] = d4;
                c[b + T3COF] = d2 + 2 * c1sq;
                c[b + T4COF] = 0.25 * (3 * d3 + c1 * (12 * d2 + 10 * c1sq));
                c[b + T5COF] = 0.2 * (3 * d4 + 12 * c1 * d3 + 6 * d2 * d2 + 15 * c1sq * (2 * d2 + c1sq));
                c[b + SINM0] = Math.sin(m0);
                if (e0 >= 1e-4) {
                    // Below 1e-4 the C3 and delta-M terms divide by e and are dropped.
                    double c3 = coef * tsi * A3OVK2 * xn0dp * sini0 / e0;
                    c[b + XMCOF] = -TWO_THIRD * coef * bstar / eeta;
                    c[b + OMGCOF] = bstar * c3 * Math.cos(w0);
                }
            }
            c[b + C5] = 2 * coef1 * a0dp * beta02 * (1 + 2.75 * (etasq + eeta) + eeta * etasq);
        } else {
            initialiseDeep(s, es, w0, raan0, m0, cosi0, sini0, theta2, e0sq, beta0, beta02, xn0dp, a0dp,
                    xmdot, omgdot, xnodot);
        }
    }

    /** Long-period coefficient of L; Vallado's guard keeps it finite at exactly 180 degrees inclination. */
    private static double xlcof(double sini, double cosi) {
        double onePlusCos = 1.0 + cosi;
        if (Math.abs(onePlusCos) <= 1.5e-12) {
            onePlusCos = 1.5e-12;
        }
        return 0.125 * A3OVK2 * sini * (3.0 + 5.0 * cosi) / onePlusCos;
    }

    /** Lunar-solar terms (DSCOM/DSINIT of Vallado 2006, DEEP of STR#3) and resonance set-up. */
    private void initialiseDeep(int s, ElementSet es, double w0, double raan0, double m0,
                                double cosi0, double sini0, double theta2, double e0sq,
                                double beta0, double beta02, double xnq, double a0dp,
                                double xmdot, double omgdot, double xnodot) {
        final double[] d = deep;
        final int b = deepSlot[s] * DEEP_WIDTH;
        final double e0 = es.eccentricity();
        final double i0 = es.inclinationRad();
        final double sing = Math.sin(w0);
        final double cosg = Math.cos(w0);
        final double sinq = Math.sin(raan0);
        final double cosq = Math.cos(raan0);
        final double aqnv = 1.0 / a0dp;
        final boolean lowInclination = i0 < Math.PI / 60.0;

        // Days since 1900 January 0.5 (JD 2415020.0), UTC, as STR#3 expects; from the same rounded
        // Julian day as Orekit, since the lunar-solar phases amplify its last bits near perigee.
        final double julianDay = julianDayUtc(es.epoch());
        final double daysSince1900 = julianDay - 2415020.0;

        // Lunar orbit: node, inclination and argument from the epoch (STR#3 DEEP).
        final double xnodce = 4.5236020 - 9.2422029e-4 * daysSince1900;
        final double stem = Math.sin(xnodce);
        final double ctem = Math.cos(xnodce);
        final double zcosil = 0.91375164 - 0.03568096 * ctem;
        final double zsinil = Math.sqrt(1.0 - zcosil * zcosil);
        final double zsinhl = 0.089683511 * stem / zsinil;
        final double zcoshl = Math.sqrt(1.0 - zsinhl * zsinhl);
        final double gam = 5.8351514 + 0.0019443680 * daysSince1900;
        double zx = 0.39785416 * stem / zsinil;
        final double zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
        zx = Math.atan2(zx, zy) + gam - xnodce;
        final double zcosgl = Math.cos(zx);
        final double zsingl = Math.sin(zx);
        d[b + ZMOL] = normalizeZeroToTwoPi(0.228027132 * daysSince1900 - 1.1151842);
        d[b + ZMOS] = normalizeZeroToTwoPi(6.2565837 + 0.017201977 * daysSince1900);

        // Pass 0: solar terms from the ecliptic; pass 1: lunar terms from the lunar orbit.
        double zcosg = 0.1945905;
        double zsing = -0.98088458;
        double zcosi = 0.91744867;
        double zsini = 0.39785416;
        double zcosh = cosq;
        double zsinh = sinq;
        double cc = C1SS;
        double zn = ZNS;
        double ze = ZES;
        double sse = 0;
        double ssi = 0;
        double ssl = 0;
        double ssg = 0;
        double ssh = 0;
        for (int pass = 0; pass < 2; pass++) {
            double a1 = zcosg * zcosh + zsing * zcosi * zsinh;
            double a3 = -zsing * zcosh + zcosg * zcosi * zsinh;
            double a7 = -zcosg * zsinh + zsing * zcosi * zcosh;
            double a8 = zsing * zsini;
            double a9 = zsing * zsinh + zcosg * zcosi * zcosh;
            double a10 = zcosg * zsini;
            double a2 = cosi0 * a7 + sini0 * a8;
            double a4 = cosi0 * a9 + sini0 * a10;
            double a5 = -sini0 * a7 + cosi0 * a8;
            double a6 = -sini0 * a9 + cosi0 * a10;
            double x1 = a1 * cosg + a2 * sing;
            double x2 = a3 * cosg + a4 * sing;
            double x3 = -a1 * sing + a2 * cosg;
            double x4 = -a3 * sing + a4 * cosg;
            double x5 = a5 * sing;
            double x6 = a6 * sing;
            double x7 = a5 * cosg;
            double x8 = a6 * cosg;
            double z31 = 12 * x1 * x1 - 3 * x3 * x3;
            double z32 = 24 * x1 * x2 - 6 * x3 * x4;
            double z33 = 12 * x2 * x2 - 3 * x4 * x4;
            double z11 = -6 * a1 * a5 + e0sq * (-24 * x1 * x7 - 6 * x3 * x5);
            double z12 = -6 * (a1 * a6 + a3 * a5) + e0sq * (-24 * (x2 * x7 + x1 * x8) - 6 * (x3 * x6 + x4 * x5));
            double z13 = -6 * a3 * a6 + e0sq * (-24 * x2 * x8 - 6 * x4 * x6);
            double z21 = 6 * a2 * a5 + e0sq * (24 * x1 * x5 - 6 * x3 * x7);
            double z22 = 6 * (a4 * a5 + a2 * a6) + e0sq * (24 * (x2 * x5 + x1 * x6) - 6 * (x4 * x7 + x3 * x8));
            double z23 = 6 * a4 * a6 + e0sq * (24 * x2 * x6 - 6 * x4 * x8);
            double s3 = cc / xnq;
            double s2 = -0.5 * s3 / beta0;
            double s4 = s3 * beta0;
            double s1 = -15 * e0 * s4;
            double s5 = x1 * x3 + x2 * x4;
            double s6 = x2 * x3 + x1 * x4;
            double s7 = x2 * x4 - x1 * x3;
            double z1 = 3 * (a1 * a1 + a2 * a2) + z31 * e0sq;
            double z2 = 6 * (a1 * a3 + a2 * a4) + z32 * e0sq;
            double z3 = 3 * (a3 * a3 + a4 * a4) + z33 * e0sq;
            z1 = z1 + z1 + beta02 * z31;
            z2 = z2 + z2 + beta02 * z32;
            z3 = z3 + z3 + beta02 * z33;

            // Secular rates of this body.
            double se = s1 * zn * s5;
            double si = s2 * zn * (z11 + z13);
            double sl = -zn * s3 * (z1 + z3 - 14 - 6 * e0sq);
            double sgh = s4 * zn * (z31 + z33 - 6);
            // The node rate divides by sin i: dropped below 3 degrees as in STR#3.
            double sh = lowInclination ? 0 : -zn * s2 * (z21 + z23);
            sse += se;
            ssi += si;
            ssl += sl;
            double shOverSini = lowInclination ? 0 : sh / sini0;
            ssg += sgh - cosi0 * shOverSini;
            ssh += shOverSini;

            // Periodic coefficients of this body.
            int o = pass == 0 ? SE2 : EE2;
            d[b + o] = 2 * s1 * s6;                        // se2 / ee2
            d[b + o + 1] = 2 * s1 * s7;                    // se3 / e3
            d[b + o + 2] = 2 * s2 * z12;                   // si2 / xi2
            d[b + o + 3] = 2 * s2 * (z13 - z11);           // si3 / xi3
            d[b + o + 4] = -2 * s3 * z2;                   // sl2 / xl2
            d[b + o + 5] = -2 * s3 * (z3 - z1);            // sl3 / xl3
            d[b + o + 6] = -2 * s3 * (-21 - 9 * e0sq) * ze; // sl4 / xl4
            d[b + o + 7] = 2 * s4 * z32;                   // sgh2 / xgh2
            d[b + o + 8] = 2 * s4 * (z33 - z31);           // sgh3 / xgh3
            d[b + o + 9] = -18 * s4 * ze;                  // sgh4 / xgh4
            d[b + o + 10] = -2 * s2 * z22;                 // sh2 / xh2
            d[b + o + 11] = -2 * s2 * (z23 - z21);         // sh3 / xh3

            zcosg = zcosgl;
            zsing = zsingl;
            zcosi = zcosil;
            zsini = zsinil;
            zcosh = zcoshl * cosq + zsinhl * sinq;
            zsinh = sinq * zcoshl - cosq * zsinhl;
            zn = ZNL;
            cc = C1L;
            ze = ZEL;
        }
        d[b + SSE] = sse;
        d[b + SSI] = ssi;
        d[b + SSL] = ssl;
        d[b + SSG] = ssg;
        d[b + SSH] = ssh;
        double thgr = greenwichSiderealAngle(julianDay);
        d[b + THGR] = thgr;
        d[b + A_SECULAR] = Math.pow(XKE / xnq, TWO_THIRD);

        // Geopotential resonance (STR#3 DEEP; Vallado DSINIT).
        double bfact;
        if (xnq >= 0.00826 && xnq <= 0.00924 && e0 >= 0.5) {
            kinds[s] = DEEP_HALF_DAY;
            double g201 = -0.306 - (e0 - 0.64) * 0.440;
            double eoc = e0 * e0sq;
            double sini2 = sini0 * sini0;
            double f220 = 0.75 * (1 + 2 * cosi0 + theta2);
            double f221 = 1.5 * sini2;
            double f321 = 1.875 * sini0 * (1 - 2 * cosi0 - 3 * theta2);
            double f322 = -1.875 * sini0 * (1 + 2 * cosi0 - 3 * theta2);
            double f441 = 35 * sini2 * f220;
            double f442 = 39.3750 * sini2 * sini2;
            double f522 = 9.84375 * sini0 * (sini2 * (1 - 2 * cosi0 - 5 * theta2)
                    + 0.33333333 * (-2 + 4 * cosi0 + 6 * theta2));
            double f523 = sini0 * (4.92187512 * sini2 * (-2 - 4 * cosi0 + 10 * theta2)
                    + 6.56250012 * (1 + 2 * cosi0 - 3 * theta2));
            double f542 = 29.53125 * sini0 * (2 - 8 * cosi0 + theta2 * (-12 + 8 * cosi0 + 10 * theta2));
            double f543 = 29.53125 * sini0 * (-2 - 8 * cosi0 + theta2 * (12 + 8 * cosi0 - 10 * theta2));
            double g211;
            double g310;
            double g322;
            double g410;
            double g422;
            double g520;
            if (e0 <= 0.65) {
                g211 = 3.616 - 13.247 * e0 + 16.290 * e0sq;
                g310 = -19.302 + 117.390 * e0 - 228.419 * e0sq + 156.591 * eoc;
                g322 = -18.9068 + 109.7927 * e0 - 214.6334 * e0sq + 146.5816 * eoc;
                g410 = -41.122 + 242.694 * e0 - 471.094 * e0sq + 313.953 * eoc;
                g422 = -146.407 + 841.880 * e0 - 1629.014 * e0sq + 1083.435 * eoc;
                g520 = -532.114 + 3017.977 * e0 - 5740.032 * e0sq + 3708.276 * eoc;
            } else {
                g211 = -72.099 + 331.819 * e0 - 508.738 * e0sq + 266.724 * eoc;
                g310 = -346.844 + 1582.851 * e0 - 2415.925 * e0sq + 1246.113 * eoc;
                g322 = -342.585 + 1554.908 * e0 - 2366.899 * e0sq + 1215.972 * eoc;
                g410 = -1052.797 + 4758.686 * e0 - 7193.992 * e0sq + 3651.957 * eoc;
                g422 = -3581.690 + 16178.110 * e0 - 24462.770 * e0sq + 12422.520 * eoc;
                g520 = e0 <= 0.715
                        ? 1464.74 - 4664.75 * e0 + 3763.64 * e0sq
                        : -5149.66 + 29936.92 * e0 - 54087.36 * e0sq + 31324.56 * eoc;
            }
            double g533;
            double g521;
            double g532;
            if (e0 < 0.7) {
                g533 = -919.22770 + 4988.6100 * e0 - 9064.7700 * e0sq + 5542.21 * eoc;
                g521 = -822.71072 + 4568.6173 * e0 - 8491.4146 * e0sq + 5337.524 * eoc;
                g532 = -853.66600 + 4690.2500 * e0 - 8624.7700 * e0sq + 5341.4 * eoc;
            } else {
                g533 = -37995.780 + 161616.52 * e0 - 229838.20 * e0sq + 109377.94 * eoc;
                g521 = -51752.104 + 218913.95 * e0 - 309468.16 * e0sq + 146349.42 * eoc;
                g532 = -40023.880 + 170470.89 * e0 - 242699.48 * e0sq + 115605.82 * eoc;
            }
            double temp1 = 3 * xnq * xnq * aqnv * aqnv;
            double temp = temp1 * ROOT22;
            d[b + D2201] = temp * f220 * g201;
            d[b + D2211] = temp * f221 * g211;
            temp1 *= aqnv;
            temp = temp1 * ROOT32;
            d[b + D3210] = temp * f321 * g310;
            d[b + D3222] = temp * f322 * g322;
            temp1 *= aqnv;
            temp = 2 * temp1 * ROOT44;
            d[b + D4410] = temp * f441 * g410;
            d[b + D4422] = temp * f442 * g422;
            temp1 *= aqnv;
            temp = temp1 * ROOT52;
            d[b + D5220] = temp * f522 * g520;
            d[b + D5232] = temp * f523 * g532;
            temp = 2 * temp1 * ROOT54;
            d[b + D5421] = temp * f542 * g521;
            d[b + D5433] = temp * f543 * g533;
            d[b + XLAMO] = m0 + raan0 + raan0 - thgr - thgr;
            bfact = xmdot + xnodot + xnodot - THDT - THDT + ssl + ssh + ssh;
            d[b + XFACT] = bfact - xnq;
        } else if (xnq < 0.0052359877 && xnq > 0.0034906585) {
            kinds[s] = DEEP_SYNCHRONOUS;
            double cosio1 = 1.0 + cosi0;
            double g200 = 1 + e0sq * (-2.5 + 0.8125 * e0sq);
            double g300 = 1 + e0sq * (-6 + 6.60937 * e0sq);
            double f311 = 0.9375 * sini0 * sini0 * (1 + 3 * cosi0) - 0.75 * cosio1;
            double g310 = 1 + 2 * e0sq;
            double f220 = 0.75 * cosio1 * cosio1;
            double f330 = 2.5 * f220 * cosio1;
            double del1 = 3 * xnq * xnq * aqnv * aqnv;
            d[b + DEL2] = 2 * del1 * f220 * g200 * Q22;
            d[b + DEL3] = 3 * del1 * f330 * g300 * Q33 * aqnv;
            d[b + DEL1] = del1 * f311 * g310 * Q31 * aqnv;
            d[b + XLAMO] = m0 + raan0 + w0 - thgr;
            bfact = xmdot + omgdot + xnodot - THDT + ssl + ssg + ssh;
            d[b + XFACT] = bfact - xnq;
        } else {
            kinds[s] = DEEP;
        }
    }

    /**
     * Julian day of {@code t} on the UTC time-of-day scale, rounded to a double exactly as Orekit's
     * {@code DateTimeComponents.offsetFrom(JULIAN_EPOCH) / 86400} rounds it (1970-01-01T00:00Z is JD 2440587.5).
     */
    static double julianDayUtc(Instant t) {
        double secondsSinceJulianEpoch = (double) (t.getEpochSecond() + 210_866_760_000L) + t.getNano() * 1e-9;
        return secondsSinceJulianEpoch / 86_400.0;
    }

    /**
     * Greenwich mean sidereal angle (rad, 0..2pi) at Julian day {@code jd} (UTC, as UT1): the IAU 1982
     * expression of the Astronomical Almanac (1992, p. B6), in the evaluation order Orekit uses.
     */
    static double greenwichSiderealAngle(double jd) {
        double ut = (jd + 0.5) % 1;
        double tCen = (jd - ut - 2451545.0) / 36525.0;
        double gmst = 24110.54841 + tCen * (8640184.812866 + tCen * (0.093104 - tCen * 6.2e-6));
        gmst = (gmst + 86_400.0 * 1.00273790934 * ut) % 86_400.0;
        if (gmst < 0) {
            gmst += 86_400.0;
        }
        return TWO_PI * gmst / 86_400.0;
    }

    /** sin x: Taylor series to x^9 (remainder below 3e-18 for |x| <= 0.1), else Math.sin. */
    private static double sinSmall(double x) {
        if (Math.abs(x) > 0.1) {
            return Math.sin(x);
        }
        double x2 = x * x;
        return x * (1 - x2 / 6 * (1 - x2 / 20 * (1 - x2 / 42 * (1 - x2 / 72))));
    }

    /** cos x: Taylor series to x^10 (remainder below 3e-20 for |x| <= 0.1), else Math.cos. */
    private static double cosSmall(double x) {
        if (Math.abs(x) > 0.1) {
            return Math.cos(x);
        }
        double x2 = x * x;
        return 1 - x2 / 2 * (1 - x2 / 12 * (1 - x2 / 30 * (1 - x2 / 56 * (1 - x2 / 90))));
    }

    /** a reduced to [0, 2pi), with the same arithmetic as Hipparchus' normalizeAngle(a, pi). */
    static double normalizeZeroToTwoPi(double a) {
        return a - TWO_PI * Math.floor((a + Math.PI - Math.PI) / TWO_PI);
    }

    // ------------------------------------------------------------------------------------------
    // Propagation
    // ------------------------------------------------------------------------------------------

    private int compute(int sat, double t, double[] out, int off, double[] resonanceCache) {
        final double[] c = common;
        final int b = sat * COMMON_WIDTH;
        final byte kind = kinds[sat];

        // Mean elements at t after secular, drag and (deep space) lunar-solar effects.
        double xnode;
        double omega;
        double xl;
        double a;
        double e;
        double incl;
        double cosi;
        double sini;
        double xlcof;
        double aycof;
        double x3thm1;
        double x1mth2;
        double x7thm1;

        final double tsq = t * t;
        if (kind <= NEAR_SIMPLE) {
            final double xmdf = c[b + M0] + c[b + XMDOT] * t;
            final double omgadf = c[b + ARGP0] + c[b + OMGDOT] * t;
            final double xnoddf = c[b + RAAN0] + c[b + XNODOT] * t;
            omega = omgadf;
            double xmp = xmdf;
            xnode = xnoddf + c[b + XNODCF] * tsq;
            final double bstar = c[b + BSTAR];
            double tempa = 1 - c[b + C1] * t;
            double tempe = bstar * c[b + C4] * t;
            double templ = c[b + T2COF] * tsq;
            if (kind == NEAR) {
                double delomg = c[b + OMGCOF] * t;
                double delm = 1.0 + c[b + ETA] * Math.cos(xmdf);
                delm = c[b + XMCOF] * (delm * delm * delm - c[b + DELM0]);
                double temp = delomg + delm;
                xmp = xmdf + temp;
                omega = omgadf - temp;
                double tcube = tsq * t;
                double tfour = t * tcube;
                tempa = tempa - c[b + D2] * tsq - c[b + D3] * tcube - c[b + D4] * tfour;
                tempe = tempe + bstar * c[b + C5] * (Math.sin(xmp) - c[b + SINM0]);
                templ = templ + c[b + T3COF] * tcube + tfour * (c[b + T4COF] + t * c[b + T5COF]);
            }
            a = c[b + A0DP] * tempa * tempa;
            e = c[b + E0] - tempe;
            if (e >= 1.0 || e < -0.001 || a < 0.95) {
                return 1;
            }
            // Floor of 1e-6 on the mean eccentricity (STR#3, kept by Vallado and Orekit).
            if (e < 1e-6) {
                e = 1e-6;
            } else if (e > 1 - 1e-6) {
                // Orekit refuses eccentricities this close to 1 (it cannot solve Kepler there).
                return 1;
            }
            xl = xmp + omega + xnode + c[b + XN0DP] * templ;
            incl = c[b + I0];
            cosi = c[b + COSI0];
            sini = c[b + SINI0];
            xlcof = c[b + XLCOF];
            aycof = c[b + AYCOF];
            x3thm1 = c[b + X3THM1];
            x1mth2 = c[b + X1MTH2];
            x7thm1 = c[b + X7THM1];
        } else {
            final double[] d = deep;
            final int db = deepSlot[sat] * DEEP_WIDTH;
            double omgadf = c[b + ARGP0] + c[b + OMGDOT] * t;
            xnode = c[b + RAAN0] + c[b + XNODOT] * t + c[b + XNODCF] * tsq;
            double xll = c[b + M0] + c[b + XMDOT] * t;

            // Deep-space secular effects.
            xll += d[db + SSL] * t;
            omgadf += d[db + SSG] * t;
            xnode += d[db + SSH] * t;
            double em = c[b + E0] + d[db + SSE] * t;
            double xinc = c[b + I0] + d[db + SSI] * t;
            final double xn0dp = c[b + XN0DP];
            double xn = xn0dp;
            double aSecular = d[db + A_SECULAR];
            if (kind != DEEP) {
                // Resonance: integrate mean longitude and mean motion from epoch in 720-minute steps
                // (Euler-Maclaurin, second order) from epoch, as Orekit does on every call.
                final boolean synchronous = kind == DEEP_SYNCHRONOUS;
                final double xfact = d[db + XFACT];
                double atime = 0;
                double xli = d[db + XLAMO];
                double xni = xn0dp;
                if (resonanceCache != null) {
                    // Resume at a cached whole step when the path from epoch to t passes through it.
                    double cached = resonanceCache[0];
                    if (cached != 0.0 && (cached > 0) == (t > 0) && Math.abs(t) > Math.abs(cached)) {
                        atime = cached;
                        xli = resonanceCache[1];
                        xni = resonanceCache[2];
                    }
                }
                boolean last = false;
                while (!last) {
                    double delt = t - atime;
                    if (delt > STEP) {
                        delt = STEP;
                    } else if (delt < -STEP) {
                        delt = -STEP;
                    } else {
                        last = true;
                        if (resonanceCache != null && atime != 0.0) {
                            resonanceCache[0] = atime;
                            resonanceCache[1] = xli;
                            resonanceCache[2] = xni;
                        }
                    }
                    final double sinLi = Math.sin(xli);
                    final double cosLi = Math.cos(xli);
                    final double sin2Li = 2.0 * sinLi * cosLi;
                    final double cos2Li = 2.0 * cosLi * cosLi - 1.0;
                    double xndt;
                    double xnddt;
                    if (synchronous) {
                        final double sin3Li = sin2Li * cosLi + cos2Li * sinLi;
                        final double cos3Li = cos2Li * cosLi - sin2Li * sinLi;
                        final double del1 = d[db + DEL1];
                        final double del2 = d[db + DEL2];
                        final double del3 = d[db + DEL3];
                        xndt = del1 * (sinLi * C_FASX2 - cosLi * S_FASX2)
                                + del2 * (sin2Li * C_2FASX4 - cos2Li * S_2FASX4)
                                + del3 * (sin3Li * C_3FASX6 - cos3Li * S_3FASX6);
                        xnddt = del1 * (cosLi * C_FASX2 + sinLi * S_FASX2)
                                + 2.0 * del2 * (cos2Li * C_2FASX4 + sin2Li * S_2FASX4)
                                + 3.0 * del3 * (cos3Li * C_3FASX6 + sin3Li * S_3FASX6);
                    } else {
                        final double xomi = c[b + ARGP0] + c[b + OMGDOT] * atime;
                        final double sinO = Math.sin(xomi);
                        final double cosO = Math.cos(xomi);
                        final double sin2O = 2.0 * sinO * cosO;
                        final double cos2O = 2.0 * cosO * cosO - 1.0;
                        // Angles li +- omega, 2li +- omega, 2li + 2omega, li + 2omega.
                        final double sLiPO = sinLi * cosO + sinO * cosLi;
                        final double cLiPO = cosLi * cosO - sinO * sinLi;
                        final double sLiMO = sinLi * cosO - sinO * cosLi;
                        final double cLiMO = cosLi * cosO + sinO * sinLi;
                        final double s2LiPO = sin2Li * cosO + sinO * cos2Li;
                        final double c2LiPO = cos2Li * cosO - sinO * sin2Li;
                        final double s2LiMO = sin2Li * cosO - sinO * cos2Li;
                        final double c2LiMO = cos2Li * cosO + sinO * sin2Li;
                        final double s2LiP2O = sin2Li * cos2O + sin2O * cos2Li;
                        final double c2LiP2O = cos2Li * cos2O - sin2O * sin2Li;
                        final double sLiP2O = sinLi * cos2O + sin2O * cosLi;
                        final double cLiP2O = cosLi * cos2O - sin2O * sinLi;
                        final double d2201 = d[db + D2201];
                        final double d2211 = d[db + D2211];
                        final double d3210 = d[db + D3210];
                        final double d3222 = d[db + D3222];
                        final double d4410 = d[db + D4410];
                        final double d4422 = d[db + D4422];
                        final double d5220 = d[db + D5220];
                        final double d5232 = d[db + D5232];
                        final double d5421 = d[db + D5421];
                        final double d5433 = d[db + D5433];
                        xndt = d2201 * (sLiP2O * C_G22 - cLiP2O * S_G22)
                                + d2211 * (sinLi * C_G22 - cosLi * S_G22)
                                + d3210 * (sLiPO * C_G32 - cLiPO * S_G32)
                                + d3222 * (sLiMO * C_G32 - cLiMO * S_G32)
                                + d5220 * (sLiPO * C_G52 - cLiPO * S_G52)
                                + d5232 * (sLiMO * C_G52 - cLiMO * S_G52)
                                + d4410 * (s2LiP2O * C_G44 - c2LiP2O * S_G44)
                                + d4422 * (sin2Li * C_G44 - cos2Li * S_G44)
                                + d5421 * (s2LiPO * C_G54 - c2LiPO * S_G54)
                                + d5433 * (s2LiMO * C_G54 - c2LiMO * S_G54);
                        xnddt = d2201 * (cLiP2O * C_G22 + sLiP2O * S_G22)
                                + d2211 * (cosLi * C_G22 + sinLi * S_G22)
                                + d3210 * (cLiPO * C_G32 + sLiPO * S_G32)
                                + d3222 * (cLiMO * C_G32 + sLiMO * S_G32)
                                + d5220 * (cLiPO * C_G52 + sLiPO * S_G52)
                                + d5232 * (cLiMO * C_G52 + sLiMO * S_G52)
                                + 2.0 * (d4410 * (c2LiP2O * C_G44 + s2LiP2O * S_G44)
                                + d4422 * (cos2Li * C_G44 + sin2Li * S_G44)
                                + d5421 * (c2LiPO * C_G54 + s2LiPO * S_G54)
                                + d5433 * (c2LiMO * C_G54 + s2LiMO * S_G54));
                    }
                    final double xldot = xni + xfact;
                    final double half = delt * (delt / 2);
                    xli += delt * xldot;
                    xni += delt * xndt;
                    xli += half * xndt;
                    xni += half * (xnddt * xldot);
                    atime += delt;
                }
                xn = xni;
                final double temp = -xnode + d[db + THGR] + t * THDT;
                xll = xli + temp + (synchronous ? -omgadf : temp);
                if (!(xn > 0)) {
                    return 2;
                }
                aSecular = Math.pow(XKE / xn, TWO_THIRD);
            }
            final double tempa = 1 - c[b + C1] * t;
            a = aSecular * tempa * tempa;
            em -= c[b + BSTAR] * c[b + C4] * t;
            if (em >= 1.0 || em < -0.001 || a < 0.95) {
                return 1;
            }
            xll += xn0dp * c[b + T2COF] * tsq;

            // Lunar-solar periodics (DPPER).
            double zm = d[db + ZMOS] + ZNS * t;
            double zf = zm + 2 * ZES * Math.sin(zm);
            double sinzf = Math.sin(zf);
            double f2 = 0.5 * sinzf * sinzf - 0.25;
            double f3 = -0.5 * sinzf * Math.cos(zf);
            final double ses = d[db + SE2] * f2 + d[db + SE3] * f3;
            final double sis = d[db + SI2] * f2 + d[db + SI3] * f3;
            final double sls = d[db + SL2] * f2 + d[db + SL3] * f3 + d[db + SL4] * sinzf;
            final double sghs = d[db + SGH2] * f2 + d[db + SGH3] * f3 + d[db + SGH4] * sinzf;
            final double shs = d[db + SH2] * f2 + d[db + SH3] * f3;
            zm = d[db + ZMOL] + ZNL * t;
            zf = zm + 2 * ZEL * Math.sin(zm);
            sinzf = Math.sin(zf);
            f2 = 0.5 * sinzf * sinzf - 0.25;
            f3 = -0.5 * sinzf * Math.cos(zf);
            final double sel = d[db + EE2] * f2 + d[db + E3] * f3;
            final double sil = d[db + XI2] * f2 + d[db + XI3] * f3;
            final double sll = d[db + XL2] * f2 + d[db + XL3] * f3 + d[db + XL4] * sinzf;
            final double sghl = d[db + XGH2] * f2 + d[db + XGH3] * f3 + d[db + XGH4] * sinzf;
            final double shl = d[db + XH2] * f2 + d[db + XH3] * f3;
            final double pe = ses + sel;
            final double pinc = sis + sil;
            final double pl = sls + sll;
            final double pgh = sghs + sghl;
            final double ph = shs + shl;

            // Error 3 as Vallado computes it: on the eccentricity floored at 1e-6 before the periodics.
            final double epVallado = (em < 1e-6 ? 1e-6 : em) + pe;
            if (epVallado < 0.0 || epVallado > 1.0) {
                return 3;
            }
            xinc += pinc;
            final double sinis = Math.sin(xinc);
            final double cosis = Math.cos(xinc);
            em += pe;
            if (em > 1 - 1e-6) {
                return 3;
            }
            xll += pl;
            omgadf += pgh;
            if (xinc > Math.PI || xinc < -Math.PI) {
                xinc -= TWO_PI * Math.floor((xinc + Math.PI) / TWO_PI);
            }
            if (Math.abs(xinc) >= 0.2) {
                // Apply the periodics directly.
                final double phOverSin = ph / sinis;
                omgadf -= cosis * phOverSin;
                xnode += phOverSin;
            } else {
                // Lyddane's modification for low inclination: perturb the node through its direction.
                final double sinok = Math.sin(xnode);
                final double cosok = Math.cos(xnode);
                final double alfdp = ph * cosok + (pinc * cosis + sinis) * sinok;
                final double betdp = -ph * sinok + (pinc * cosis + sinis) * cosok;
                double dNode = Math.atan2(alfdp, betdp) - xnode;
                dNode -= TWO_PI * Math.floor((dNode + Math.PI) / TWO_PI);
                final double dls = -xnode * sinis * pinc;
                omgadf += dls - cosis * dNode;
                xnode += dNode;
            }
            xl = xll + omgadf + xnode;
            e = em;
            incl = xinc;
            omega = omgadf;
            cosi = cosis;
            sini = sinis;
            xlcof = xlcof(sini, cosi);
            aycof = 0.25 * A3OVK2 * sini;
            final double cosisq = cosi * cosi;
            x3thm1 = 3.0 * cosisq - 1.0;
            x1mth2 = 1.0 - cosisq;
            x7thm1 = 7.0 * cosisq - 1.0;
        }

        // Long-period periodics (STR#3 eqs. with the J3 terms).
        final double sinw = Math.sin(omega);
        final double cosw = Math.cos(omega);
        final double axn = e * cosw;
        double temp = 1.0 / (a * (1.0 - e * e));
        final double xlt = xl + temp * xlcof * axn;
        final double ayn = e * sinw + temp * aycof;
        final double elsq = axn * axn + ayn * ayn;
        final double pl = a * (1.0 - elsq);
        if (!(pl > 0.0)) {
            return 4;
        }
        final double capu = normalizeZeroToTwoPi(xlt - xnode);

        // Kepler's equation for E + omega, Newton-Raphson with second-order correction.
        double epw = capu;
        double sinEpw = 0;
        double cosEpw = 0;
        double ecosE = 0;
        double esinE = 0;
        for (int j = 0; j < 10; j++) {
            sinEpw = Math.sin(epw);
            cosEpw = Math.cos(epw);
            ecosE = axn * cosEpw + ayn * sinEpw;
            esinE = axn * sinEpw - ayn * cosEpw;
            final double f = capu - epw + esinE;
            if (Math.abs(f) < 1e-12) {
                break;
            }
            final double fdot = 1.0 - ecosE;
            double delta = f / fdot;
            boolean secondOrder = true;
            if (j == 0) {
                // Limit the first step so a large e cannot throw E far off.
                final double maxStep = 1.25 * Math.abs(e);
                if (delta > maxStep) {
                    delta = maxStep;
                    secondOrder = false;
                } else if (delta < -maxStep) {
                    delta = -maxStep;
                    secondOrder = false;
                }
            }
            if (secondOrder) {
                delta = f / (fdot + 0.5 * esinE * delta);
            }
            epw += delta;
        }

        // Short-period periodics.
        final double r = a * (1.0 - ecosE);
        double temp2 = a / r;
        final double betal = Math.sqrt(1.0 - elsq);
        temp = esinE / (1.0 + betal);
        double cosu = temp2 * (cosEpw - axn + ayn * temp);
        double sinu = temp2 * (sinEpw - ayn - axn * temp);
        // (cos u, sin u) is a unit vector in exact arithmetic; normalising it stands in for Orekit's
        // u = atan2(sin u, cos u) followed by sin and cos of u + corrections, without the three calls.
        final double norm = 1.0 / Math.sqrt(sinu * sinu + cosu * cosu);
        cosu *= norm;
        sinu *= norm;
        final double sin2u = 2.0 * sinu * cosu;
        final double cos2u = 2.0 * cosu * cosu - 1.0;
        final double temp1 = CK2 / pl;
        temp2 = temp1 / pl;
        final double rk = r * (1.0 - 1.5 * temp2 * betal * x3thm1) + 0.5 * temp1 * x1mth2 * cos2u;
        if (rk < 1.0) {
            return 6;
        }
        // Short-period corrections of u, node and inclination are small angles: sin and cos of the
        // corrected angles come from the angle-sum identities (exact series below 0.1 rad).
        final double du = -0.25 * temp2 * x7thm1 * sin2u;
        final double xnodek = xnode + 1.5 * temp2 * cosi * sin2u;
        final double di = 1.5 * temp2 * cosi * sini * cos2u;

        // Orientation vectors and the TEME state.
        final double sinDu = sinSmall(du);
        final double cosDu = cosSmall(du);
        final double sinuk = sinu * cosDu + cosu * sinDu;
        final double cosuk = cosu * cosDu - sinu * sinDu;
        final double sinDi = sinSmall(di);
        final double cosDi = cosSmall(di);
        final double sinik = sini * cosDi + cosi * sinDi;
        final double cosik = cosi * cosDi - sini * sinDi;
        final double sinnok = Math.sin(xnodek);
        final double cosnok = Math.cos(xnodek);
        final double xmx = -sinnok * cosik;
        final double xmy = cosnok * cosik;
        final double ux = xmx * sinuk + cosnok * cosuk;
        final double uy = xmy * sinuk + sinnok * cosuk;
        final double uz = sinik * sinuk;
        final double vx = xmx * cosuk - cosnok * sinuk;
        final double vy = xmy * cosuk - sinnok * sinuk;
        final double vz = sinik * cosuk;

        final double sqrtA = Math.sqrt(a);
        final double rdot = XKE * sqrtA * esinE / r;
        final double rfdot = XKE * Math.sqrt(pl) / r;
        final double xn = XKE / (a * sqrtA);
        final double rdotk = rdot - xn * temp1 * x1mth2 * sin2u;
        final double rfdotk = rfdot + xn * temp1 * (x1mth2 * cos2u + 1.5 * x3thm1);

        final double cr = POS_SCALE * rk;
        out[off] = cr * ux;
        out[off + 1] = cr * uy;
        out[off + 2] = cr * uz;
        out[off + 3] = VEL_SCALE * (rdotk * ux + rfdotk * vx);
        out[off + 4] = VEL_SCALE * (rdotk * uy + rfdotk * vy);
        out[off + 5] = VEL_SCALE * (rdotk * uz + rfdotk * vz);
        return 0;
    }
}
