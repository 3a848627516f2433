package io.astroshield.domain.propagation;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.EphemerisPoint;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.orekit.frames.Frame;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.orbits.PositionAngleType;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EphemerisInterpolatorTest {

    private static final ReferenceData RD = ReferenceData.builtIn();
    private static final Instant START = Instant.parse("2022-01-22T00:00:00Z");
    /**
     * A 700 km LEO, Keplerian (exact at every instant) in {@code definitionFrame}, mu of EGM96 in m^3/s^2.
     * Orekit's EME2000-to-TEME transform carries a rotation rate that disagrees with its own rotation by
     * about 5e-12 rad/s (measured: 3.3e-12 against 7.8e-12 by finite difference over 60 s), so a TEME
     * ephemeris made by transforming an EME2000 orbit would have velocities inconsistent with its
     * positions; TEME test data are therefore generated from an orbit defined in TEME.
     */
    private static KeplerianOrbit orbit(Frame definitionFrame) {
        return new KeplerianOrbit(7078137.0, 0.001, Math.toRadians(98.2), Math.toRadians(40), Math.toRadians(120),
                0.3, PositionAngleType.MEAN, definitionFrame, RD.toDate(START), 3.986004415e14);
    }

    /** The Keplerian state at {@code t} of the orbit defined in {@code definitionFrame}, expressed in {@code frame}. */
    private static PVCoordinates truth(Frame definitionFrame, Instant t, Frame frame) {
        AbsoluteDate date = RD.toDate(t);
        KeplerianOrbit orbit = orbit(definitionFrame);
        PVCoordinates pv = orbit.shiftedBy(date.durationFrom(orbit.getDate())).getPVCoordinates();
        return definitionFrame.getTransformTo(frame, date).transformPVCoordinates(pv);
    }

    private static Frame definitionFrameFor(Frame frame) {
        return frame == RD.teme() ? RD.teme() : RD.eme2000();
    }

    /** An ephemeris of the orbit over two hours at 60 s, written in {@code frameName}. */
    private static Ephemeris ephemeris(String frameName, Frame frame, String center) {
        List<EphemerisPoint> points = new ArrayList<>();
        for (int k = 0; k <= 120; k++) {
            Instant t = START.plusSeconds(60L * k);
            PVCoordinates pv = truth(definitionFrameFor(frame), t, frame);
            points.add(new EphemerisPoint(t, pv.getPosition().getX(), pv.getPosition().getY(), pv.getPosition().getZ(),
                    pv.getVelocity().getX(), pv.getVelocity().getY(), pv.getVelocity().getZ()));
        }
        return new Ephemeris(-1, "SAT", "2022-001A", center, frameName, 7, points, "test.oem:12");
    }

    @Test
    void interpolatedStateMatchesTheOrbitInTemeWithinOneMillimetreForEverySupportedFrame() {
        Frame itrf = RD.context().getFrames().getITRF(IERSConventions.IERS_2010, true);
        Object[][] frames = {{"EME2000", RD.eme2000()}, {"GCRF", RD.gcrf()}, {"ICRF", RD.gcrf()},
                             {"TEME", RD.teme()}, {"ITRF2014", itrf}, {"ITRF-93", itrf}};
        for (Object[] f : frames) {
            // given the ephemeris written in that frame, degree 7 (8 points)
            EphemerisInterpolator interpolator = new EphemerisInterpolator(
                    ephemeris((String) f[0], (Frame) f[1], "EARTH"), RD);
            // when interpolated between the points over the whole span
            for (int s = 17; s < 7200; s += 37) {
                Instant t = START.plusSeconds(s).plusMillis(250);
                PropagationResult r = interpolator.stateAt(t);
                // then position within 1 mm and velocity within 1 mm/s of the orbit in TEME
                PVCoordinates expected = truth(definitionFrameFor((Frame) f[1]), t, RD.teme());
                assertThat(r.isValid()).isTrue();
                double dr = Math.sqrt(sq(r.state().xM() - expected.getPosition().getX())
                        + sq(r.state().yM() - expected.getPosition().getY())
                        + sq(r.state().zM() - expected.getPosition().getZ()));
                double dv = Math.sqrt(sq(r.state().vxMps() - expected.getVelocity().getX())
                        + sq(r.state().vyMps() - expected.getVelocity().getY())
                        + sq(r.state().vzMps() - expected.getVelocity().getZ()));
                assertThat(dr).as("%s at %s, m", f[0], t).isLessThan(1e-3);
                assertThat(dv).as("%s at %s, m/s", f[0], t).isLessThan(1e-3);
                assertThat(r.elementSetAgeDays()).isNaN();
            }
        }
    }

    @Test
    void timesOutsideTheSpanAreErrorsAndItsEndsAreStates() {
        EphemerisInterpolator interpolator = new EphemerisInterpolator(ephemeris("EME2000", RD.eme2000(), "EARTH"), RD);
        PropagationResult before = interpolator.stateAt(START.minusMillis(1));
        PropagationResult after = interpolator.stateAt(START.plusSeconds(7200).plusMillis(1));
        assertThat(before.isValid()).isFalse();
        assertThat(before.error().code()).isEqualTo(PropagationError.OUTSIDE_EPHEMERIS_SPAN);
        assertThat(before.error().reason()).startsWith("test.oem:12: ").contains("outside the ephemeris span");
        assertThat(after.error().code()).isEqualTo(PropagationError.OUTSIDE_EPHEMERIS_SPAN);
        assertThat(interpolator.stateAt(START).isValid()).isTrue();
        assertThat(interpolator.stateAt(START.plusSeconds(7200)).isValid()).isTrue();
    }

    @Test
    void unsupportedFrameOrCentreIsRejectedWithTheSource() {
        assertThatThrownBy(() -> new EphemerisInterpolator(ephemeris("MCI", RD.eme2000(), "EARTH"), RD))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(DomainError.INVALID_ARGUMENT))
                .hasMessageStartingWith("test.oem:12: REF_FRAME MCI");
        assertThatThrownBy(() -> new EphemerisInterpolator(ephemeris("EME2000", RD.eme2000(), "MOON"), RD))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(DomainError.INVALID_ARGUMENT))
                .hasMessageContaining("CENTER_NAME MOON");
    }

    private static double sq(double x) {
        return x * x;
    }
}
