package io.astroshield.domain.frames;

import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.frames.Frame;
import org.orekit.utils.IERSConventions;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EarthRotationTest {

    @Test
    void gmstMatchesValladoExample3x5() {
        // given 1992-08-20 12:14 UT1 (Vallado, Fundamentals of Astrodynamics, 4th ed., example 3-5)
        Instant t = Instant.parse("1992-08-20T12:14:00Z");
        // when
        double gmstDeg = Math.toDegrees(EarthRotation.gmstRad(t));
        // then 152.578787886 deg, as printed there (1e-6 deg: the example's last digits)
        assertThat(gmstDeg).isCloseTo(152.578787886, within(1e-6));
    }

    @Test
    void temeToEarthFixedAgreesWithOrekitsTemeToGtodTransform() {
        // given Orekit's TEME -> GTOD (IERS 1996, no EOP: UT1 = UTC, as here) at instants over 30 years
        ReferenceData rd = ReferenceData.builtIn();
        Frame gtod = rd.context().getFrames().getGTOD(IERSConventions.IERS_1996, true);
        for (String iso : new String[] {"2000-01-01T12:00:00Z", "2011-06-15T03:21:07Z", "2026-11-22T06:00:00Z",
                "2029-02-28T23:59:59Z"}) {
            Instant t = Instant.parse(iso);
            Vector3D reference = rd.teme().getStaticTransformTo(gtod, rd.toDate(t))
                    .transformPosition(new Vector3D(7000, -1200, 300));
            // when the same point is rotated with the GMST formula
            double[] xyz = {7000, -1200, 300};
            EarthRotation.temeToEarthFixed(EarthRotation.gmstRad(t), xyz);
            // then both agree to 1 m in 7,100 km (1.4e-7 rad): Orekit goes TEME -> TOD -> GTOD with its own
            // nutation series, which moves the pole by under 1e-7 rad; the kinematic terms of the equation of the
            // equinoxes that GMST omits are 1.3e-8 rad
            assertThat(xyz[0]).as(iso).isCloseTo(reference.getX(), within(1e-3));
            assertThat(xyz[1]).as(iso).isCloseTo(reference.getY(), within(1e-3));
            assertThat(xyz[2]).as(iso).isCloseTo(reference.getZ(), within(1e-3));
        }
    }

    @Test
    void latitudeAndLongitudeOfAxisPoints() {
        // given points on the x axis, the y axis and the north pole (exact by construction)
        // when / then
        assertThat(EarthRotation.latLonDeg(7000, 0, 0)).containsExactly(0.0, 0.0);
        assertThat(EarthRotation.latLonDeg(0, 7000, 0)[1]).isCloseTo(90.0, within(1e-12));
        assertThat(EarthRotation.latLonDeg(-7000, 0, 0)[1]).isCloseTo(180.0, within(1e-12));
        assertThat(EarthRotation.latLonDeg(0, 0, 7000)[0]).isCloseTo(90.0, within(1e-12));
    }
}
