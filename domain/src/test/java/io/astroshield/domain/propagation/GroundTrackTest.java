package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.frames.Frame;
import org.orekit.utils.IERSConventions;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GroundTrackTest {

    private static final ReferenceData RD = ReferenceData.builtIn();

    @Test
    void subSatellitePointsMatchOrekitsEarthFixedPositions() {
        // given verification satellite 00005 (134-minute orbit, 34 deg inclination) a day after its epoch
        ElementSet es = VerificationSet.load().get(0).elementSet(RD);
        Instant t = es.epoch().plus(Duration.ofDays(1));
        // when its ground track over +-1 period is computed
        GroundTrack track = GroundTrack.around(es, RD, t);
        // then each sample is where Orekit's TEME -> ITRF (IERS 2010, no EOP: UT1 = UTC, no polar motion) puts the
        // TLEPropagator's position, within 1e-4 deg (11 m: GMST 1982 against the IAU 2006 Earth rotation angle
        // chain differs by under 1e-7 rad)
        Frame itrf = RD.context().getFrames().getITRF(IERSConventions.IERS_2010, true);
        Propagation orekit = new Propagation(RD);
        assertThat(track.size()).isEqualTo(2 * GroundTrack.SAMPLES_PER_PERIOD + 1);
        for (int k = 0; k < track.size(); k += 20) {
            Instant tk = track.start().plus(Duration.ofNanos(Math.round(k * track.stepS() * 1e9)));
            double[] r = orekit.propagate(es, tk).state().positionM();
            Vector3D fixed = RD.teme().getStaticTransformTo(itrf, RD.toDate(tk))
                    .transformPosition(new Vector3D(r[0], r[1], r[2]));
            assertThat(track.latDeg()[k]).as("sample %d", k)
                    .isCloseTo(Math.toDegrees(Math.asin(fixed.getZ() / fixed.getNorm())), within(1e-4));
            assertThat(track.lonDeg()[k]).as("sample %d", k)
                    .isCloseTo(Math.toDegrees(Math.atan2(fixed.getY(), fixed.getX())), within(1e-4));
        }
        // and the inclination bounds the latitude (34.27 deg for 00005, line 2 of its TLE), with a margin for the
        // geocentric latitude of an orbit that is not exactly Keplerian
        for (double lat : track.latDeg()) {
            assertThat(Math.abs(lat)).isLessThan(34.27 + 0.1);
        }
        // and the middle sample is at t itself
        assertThat(track.start().plus(Duration.ofNanos(Math.round(track.nowIndex() * track.stepS() * 1e9))))
                .isBetween(t.minusMillis(1), t.plusMillis(1));
    }
}
