package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.domain.catalog.TleReader;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OrekitSgp4Test {

    private static final ReferenceData RD = ReferenceData.builtIn();

    /** ISS (ZARYA), the Orekit TLE documentation example as published on CelesTrak; checksums valid. */
    private static final String ISS_1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927";
    private static final String ISS_2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537";

    @Test
    void tleCarriesEveryFieldOfTheElementSetExactly() {
        // given an element set with distinct values in every field
        Instant epoch = Instant.parse("2022-01-22T06:30:15.123456789Z");
        ElementSet es = new ElementSet(25544, "ISS", "1998-067A", 'C', epoch, 0.00113, 0.0006703, 0.9013,
                4.3190, 2.2783, 5.6728, -1.1606e-5, -2.1e-13, 3.4e-19, 292, 56353, 0, ObjectType.PAYLOAD, "test");
        // when mapped to Orekit's TLE
        TLE tle = OrekitSgp4.toTle(es, RD);
        // then every value is carried unchanged
        assertThat(tle.getSatelliteNumber()).isEqualTo(25544);
        assertThat(tle.getClassification()).isEqualTo('C');
        assertThat(tle.getLaunchYear()).isEqualTo(1998);
        assertThat(tle.getLaunchNumber()).isEqualTo(67);
        assertThat(tle.getLaunchPiece()).isEqualTo("A");
        assertThat(tle.getEphemerisType()).isZero();
        assertThat(tle.getElementNumber()).isEqualTo(292);
        assertThat(tle.getDate().durationFrom(RD.toDate(epoch))).isZero();
        assertThat(tle.getMeanMotion()).isEqualTo(0.00113);
        assertThat(tle.getMeanMotionFirstDerivative()).isEqualTo(-2.1e-13);
        assertThat(tle.getMeanMotionSecondDerivative()).isEqualTo(3.4e-19);
        assertThat(tle.getE()).isEqualTo(0.0006703);
        assertThat(tle.getI()).isEqualTo(0.9013);
        assertThat(tle.getRaan()).isEqualTo(4.3190);
        assertThat(tle.getPerigeeArgument()).isEqualTo(2.2783);
        assertThat(tle.getMeanAnomaly()).isEqualTo(5.6728);
        assertThat(tle.getRevolutionNumberAtEpoch()).isEqualTo(56353);
        assertThat(tle.getBStar()).isEqualTo(-1.1606e-5);
        assertThat(tle.getUtc()).isSameAs(RD.utc());
    }

    @Test
    void tleFormDesignatorsMapToFullLaunchYears() {
        // TLE convention (CelesTrak, "FAQs: Two-Line Element Set Format"): 57..99 are 19xx, 00..56 are 20xx.
        assertThat(OrekitSgp4.toTle(withDesignator("98067A"), RD).getLaunchYear()).isEqualTo(1998);
        assertThat(OrekitSgp4.toTle(withDesignator("05037B"), RD).getLaunchYear()).isEqualTo(2005);
        assertThat(OrekitSgp4.toTle(withDesignator("05037B"), RD).getLaunchNumber()).isEqualTo(37);
        assertThat(OrekitSgp4.toTle(withDesignator("05037B"), RD).getLaunchPiece()).isEqualTo("B");
        assertThat(OrekitSgp4.toTle(withDesignator(null), RD).getLaunchPiece()).isEmpty();
    }

    @Test
    void elementSetReadFromTleLinesMapsBackToTheSameLines() {
        // given the ISS lines read by the project's TLE reader
        ElementSet es = TleReader.read("iss.tle", ISS_1 + "\n" + ISS_2 + "\n").records().get(0);
        // when mapped to an Orekit TLE
        TLE mapped = OrekitSgp4.toTle(es, RD);
        // then Orekit writes the very same two lines
        assertThat(mapped.getLine1()).isEqualTo(ISS_1);
        assertThat(mapped.getLine2()).isEqualTo(ISS_2);
    }

    @Test
    void negativeMeanEccentricityThatOrekitPropagatesIsReportedAsError1() {
        // given 22312 (SGP4-VER.TLE), whose mean eccentricity passes -0.001 by 494.2 min (python-sgp4: error 1)
        VerificationSet.Case c = VerificationSet.load().get(11);
        OrekitSgp4 orekit = new OrekitSgp4(c.elementSet(RD), RD);
        AbsoluteDate date = orekit.epoch().shiftedBy(494.2028672 * 60.0);
        // when Orekit alone propagates, it returns a finite position above the surface
        PVCoordinates raw = orekit.unguardedPv(date);
        assertThat(raw.getPosition().getNorm()).isGreaterThan(6378135.0);
        // then the guarded path reports SGP4 error 1 instead, with the age at that time
        PropagationResult result = orekit.propagate(date);
        assertThat(result.isValid()).isFalse();
        assertThat(result.error().sgp4Error()).isEqualTo(Sgp4Error.MEAN_ELEMENTS);
        assertThat(result.error().reason())
                .isEqualTo("SGP4 error 1: mean elements out of range (mean eccentricity outside -0.001..1 "
                        + "or semi-major axis below 0.95 earth radii) at 494.203 min from epoch");
        assertThat(result.elementSetAgeDays()).isEqualTo(c.elementSet(RD).ageDaysAt(result.time()));
    }

    @Test
    void perturbedEccentricityThatMakesOrekitReturnNaNIsReportedAsError3() {
        // given 33334 (SGP4-VER.TLE): lunar-solar terms drive its eccentricity far below 0 at epoch
        VerificationSet.Case c = VerificationSet.load().get(30);
        OrekitSgp4 orekit = new OrekitSgp4(c.elementSet(RD), RD);
        // when Orekit alone propagates, it returns NaN
        assertThat(orekit.unguardedPv(orekit.epoch()).getPosition().getX()).isNaN();
        // then the guarded path reports SGP4 error 3
        assertThat(orekit.propagate(orekit.epoch()).error().sgp4Error()).isEqualTo(Sgp4Error.PERTURBED_ELEMENTS);
    }

    @Test
    void guardedStateIsOrekitsStateWhenSgp4ReportsNoError() {
        VerificationSet.Case c = VerificationSet.load().get(0);
        OrekitSgp4 orekit = new OrekitSgp4(c.elementSet(RD), RD);
        AbsoluteDate date = orekit.epoch().shiftedBy(3600.0);
        double[] out = new double[6];
        assertThat(orekit.stateAt(date, out, 0)).isZero();
        PVCoordinates raw = orekit.unguardedPv(date);
        assertThat(out).containsExactly(raw.getPosition().getX(), raw.getPosition().getY(), raw.getPosition().getZ(),
                raw.getVelocity().getX(), raw.getVelocity().getY(), raw.getVelocity().getZ());
        assertThat(orekit.propagate(date).state().xM()).isEqualTo(out[0]);
    }

    private static ElementSet withDesignator(String designator) {
        return new ElementSet(1, null, designator, 'U', Instant.parse("2022-01-22T00:00:00Z"), 0.00113, 0.001, 0.9,
                1, 2, 3, 1e-4, 0, 0, 1, 1, 0, ObjectType.UNKNOWN, "test");
    }
}
