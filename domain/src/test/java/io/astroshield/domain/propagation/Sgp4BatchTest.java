package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Sgp4BatchTest {

    private static final ReferenceData RD = ReferenceData.builtIn();

    private static Sgp4Batch verificationBatch() {
        List<ElementSet> sets = new ArrayList<>();
        for (VerificationSet.Case c : VerificationSet.load()) {
            sets.add(c.elementSet(RD));
        }
        return Sgp4Batch.of(sets, RD);
    }

    private static double[] knots(int count, double firstMin, double stepMin) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = firstMin + k * stepMin;
        }
        return t;
    }

    @Test
    void bulkPropagationOverKnotsEqualsOneTimeAtATimeBitForBit() {
        // given every verification satellite and 200 knots a quarter of an hour apart from a day before epoch
        Sgp4Batch batch = verificationBatch();
        double[] t = knots(200, -1440.0, 15.0);
        for (int sat = 0; sat < batch.size(); sat++) {
            // when propagated in bulk and one by one
            double[] bulk = new double[6 * t.length];
            int[] codes = new int[t.length];
            batch.propagate(sat, t, t.length, bulk, 0, codes);
            // then every valid state is the same double, and every error has the same code
            double[] one = new double[6];
            for (int k = 0; k < t.length; k++) {
                int code = batch.propagate(sat, t[k], one, 0);
                assertThat(codes[k]).isEqualTo(code);
                if (code == 0) {
                    for (int j = 0; j < 6; j++) {
                        assertThat(bulk[6 * k + j]).isEqualTo(one[j]);
                    }
                }
            }
        }
    }

    @Test
    void bulkPropagationOfResonantSatellitesInAnyTimeOrderEqualsOneTimeAtATimeBitForBit() {
        // given the resonant verification satellites and 300 times in random order over +-10 days,
        // some on whole 720-minute steps (where the bulk call resumes its resonance integration)
        Sgp4Batch batch = verificationBatch();
        java.util.Random random = new java.util.Random(7);
        double[] t = new double[300];
        for (int k = 0; k < t.length; k++) {
            t[k] = k % 10 == 0 ? 720.0 * (random.nextInt(41) - 20) : (random.nextDouble() - 0.5) * 28800.0;
        }
        int resonant = 0;
        for (int sat = 0; sat < batch.size(); sat++) {
            if (!batch.isResonant(sat)) {
                continue;
            }
            resonant++;
            // when propagated in bulk and one by one
            double[] bulk = new double[6 * t.length];
            int[] codes = new int[t.length];
            batch.propagate(sat, t, t.length, bulk, 0, codes);
            double[] one = new double[6];
            for (int k = 0; k < t.length; k++) {
                // then the same code and, for states, the same doubles
                assertThat(codes[k]).isEqualTo(batch.propagate(sat, t[k], one, 0));
                if (codes[k] == 0) {
                    for (int j = 0; j < 6; j++) {
                        assertThat(bulk[6 * k + j]).isEqualTo(one[j]);
                    }
                }
            }
        }
        assertThat(resonant).isEqualTo(12);
    }

    @Test
    void bulkPropagationMarksErrorTimesWithNaNAndTheirCode() {
        // given 28872, decayed between 50 and 55 minutes after epoch (tcppver.out stops at 50)
        Sgp4Batch batch = verificationBatch();
        int sat = indexOf(batch, 28872);
        double[] t = {50.0, 55.0, 60.0};
        double[] out = new double[6 * 3 + 6];
        int[] codes = new int[3];
        // when propagated in bulk into a buffer at offset 6
        int failures = batch.propagate(sat, t, 3, out, 6, codes);
        // then the first state is valid and the other two are NaN with code 6 (decayed)
        assertThat(failures).isEqualTo(2);
        assertThat(codes).containsExactly(0, 6, 6);
        assertThat(out[6]).isFinite();
        for (int j = 12; j < 24; j++) {
            assertThat(out[j]).isNaN();
        }
    }

    @Test
    void twoThreadsPropagatingConcurrentlyGetTheSingleThreadedResults() throws Exception {
        // given the single-threaded states of every satellite at 96 knots
        Sgp4Batch batch = verificationBatch();
        double[] t = knots(96, 0.0, 30.0);
        double[][] expected = new double[batch.size()][6 * t.length];
        for (int sat = 0; sat < batch.size(); sat++) {
            batch.propagate(sat, t, t.length, expected[sat], 0, null);
        }
        // when two threads propagate, 300 rounds each, one the even and the other the odd satellites,
        // and both satellite 0 on every round
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int parity = 0; parity < 2; parity++) {
                final int first = parity;
                mismatches.add(pool.submit(() -> {
                    start.await();
                    int bad = 0;
                    double[] out = new double[6 * t.length];
                    for (int round = 0; round < 300; round++) {
                        for (int sat = first; sat < batch.size(); sat += 2) {
                            bad += differs(batch, sat, t, out, expected[sat]);
                        }
                        bad += differs(batch, 0, t, out, expected[0]);
                    }
                    return bad;
                }));
            }
            start.countDown();
            // then neither saw a single value that differs
            for (Future<Integer> f : mismatches) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int differs(Sgp4Batch batch, int sat, double[] t, double[] out, double[] expected) {
        batch.propagate(sat, t, t.length, out, 0, null);
        int bad = 0;
        for (int j = 0; j < out.length; j++) {
            if (Double.doubleToLongBits(out[j]) != Double.doubleToLongBits(expected[j])) {
                bad++;
            }
        }
        return bad;
    }

    @Test
    void epochOffsetCountsTheLeapSecondOfEndOf2016() {
        // IERS Bulletin C 52: a leap second 2016-12-31T23:59:60Z, so 61 SI seconds separate these UTC times.
        ElementSet es = leo(Instant.parse("2017-01-01T00:00:30Z"));
        Sgp4Batch batch = Sgp4Batch.of(List.of(es), RD);
        AbsoluteDate windowStart = RD.toDate(Instant.parse("2016-12-31T23:59:30Z"));
        assertThat(batch.epochOffsetS(0, windowStart)).isCloseTo(61.0, within(1e-9));
    }

    @Test
    void timeSinceEpochFromAWindowStartGivesOrekitsStateAcrossALeapSecond() {
        // given an element set one minute after the 2016 leap second and a window starting before it
        ElementSet es = leo(Instant.parse("2017-01-01T00:01:00Z"));
        Sgp4Batch batch = Sgp4Batch.of(List.of(es), RD);
        OrekitSgp4 orekit = new OrekitSgp4(es, RD);
        AbsoluteDate windowStart = RD.toDate(Instant.parse("2016-12-31T23:00:00Z"));
        double epochOffsetS = batch.epochOffsetS(0, windowStart);
        double[] out = new double[6];
        for (int k = 0; k <= 180; k++) {
            // when the screener derives tsince from seconds since its window start
            double sinceWindowStartS = 60.0 * k;
            double tsince = (sinceWindowStartS - epochOffsetS) / 60.0;
            assertThat(batch.propagate(0, tsince, out, 0)).isZero();
            // then the state is Orekit's at that same date, to 1 mm
            PVCoordinates pv = orekit.unguardedPv(windowStart.shiftedBy(sinceWindowStartS));
            double dr = Math.sqrt(sq(out[0] - pv.getPosition().getX()) + sq(out[1] - pv.getPosition().getY())
                    + sq(out[2] - pv.getPosition().getZ()));
            assertThat(dr).isLessThanOrEqualTo(1e-3);
        }
    }

    @Test
    void deepSpaceAndResonanceFollowPeriodAndEccentricity() {
        // STR#3: SDP4 from a 225-minute period; 24-h resonance for 0.8..1.2 rev/day;
        // 12-h resonance for 1.893..2.118 rev/day with e >= 0.5.
        Instant epoch = Instant.parse("2022-01-22T00:00:00Z");
        Sgp4Batch batch = Sgp4Batch.of(List.of(
                withOrbit(epoch, 6.5, 0.001, 50),     // 221.5 min
                withOrbit(epoch, 6.3, 0.001, 50),     // 228.6 min
                withOrbit(epoch, 1.0027, 0.0002, 0.05),
                withOrbit(epoch, 2.006, 0.72, 63.4),
                withOrbit(epoch, 2.006, 0.01, 55)), RD);
        assertThat(batch.isDeepSpace(0)).isFalse();
        assertThat(batch.isDeepSpace(1)).isTrue();
        assertThat(batch.isResonant(1)).isFalse();
        assertThat(batch.isResonant(2)).isTrue();
        assertThat(batch.isResonant(3)).isTrue();
        assertThat(batch.isDeepSpace(4)).isTrue();
        assertThat(batch.isResonant(4)).isFalse();
    }

    @Test
    void anglesOutsideZeroToTwoPiGiveTheStatesOfTheirReducedValues() {
        // given a near-equatorial GEO (Lyddane branch, where the node enters unreduced) with a negative node
        Instant epoch = Instant.parse("2022-01-22T00:00:00Z");
        ElementSet negative = new ElementSet(1, null, null, 'U', epoch, rad(1.0027), 0.0003, Math.toRadians(0.05),
                -0.1, -0.2, 7.0, 1e-4, 0, 0, 1, 1, 0, ObjectType.UNKNOWN, "test");
        ElementSet reduced = new ElementSet(1, null, null, 'U', epoch, rad(1.0027), 0.0003, Math.toRadians(0.05),
                2 * Math.PI - 0.1, 2 * Math.PI - 0.2, 7.0 - 2 * Math.PI, 1e-4, 0, 0, 1, 1, 0, ObjectType.UNKNOWN, "test");
        Sgp4Batch batch = Sgp4Batch.of(List.of(negative, reduced), RD);
        double[] a = new double[6];
        double[] b = new double[6];
        for (double t = 0; t <= 14400; t += 600) {
            batch.propagate(0, t, a, 0);
            batch.propagate(1, t, b, 0);
            assertThat(a).containsExactly(b);
        }
    }

    private static int indexOf(Sgp4Batch batch, int noradId) {
        for (int s = 0; s < batch.size(); s++) {
            if (batch.elementSet(s).noradId() == noradId) {
                return s;
            }
        }
        throw new AssertionError("no satellite " + noradId);
    }

    private static ElementSet leo(Instant epoch) {
        return withOrbit(epoch, 15.5, 0.0005, 51.6);
    }

    private static ElementSet withOrbit(Instant epoch, double revPerDay, double e, double iDeg) {
        return new ElementSet(25544, "TEST", "1998-067A", 'U', epoch, rad(revPerDay), e, Math.toRadians(iDeg),
                1.0, 2.0, 3.0, 1e-4, 0, 0, 999, 1, 0, ObjectType.PAYLOAD, "test");
    }

    private static double rad(double revPerDay) {
        return revPerDay * 2 * Math.PI / 86400.0;
    }

    private static double sq(double x) {
        return x * x;
    }
}
