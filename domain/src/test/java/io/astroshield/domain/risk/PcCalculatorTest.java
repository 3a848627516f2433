package io.astroshield.domain.risk;

import io.astroshield.domain.frames.CartesianState;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.orekit.frames.Frame;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.StateCovariance;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Laas2015;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DDefinition;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PcCalculatorTest {

    private final PcCalculator calculator = new PcCalculator();

    // A LEO head-on geometry: primary on the x axis moving +y, secondary 'missM' further out moving -y.
    private static CartesianState primary() {
        return new CartesianState(7_000_000, 0, 0, 0, 7_500, 0);
    }

    private static CartesianState secondary(double missM) {
        return new CartesianState(7_000_000 + missM, 0, 0, 0, -7_500, 100);
    }

    private static Encounter circular(double missM, double sigmaEachM, double hbrM) {
        ObjectCovariance c = ObjectCovariance.rtnSigmas(sigmaEachM, sigmaEachM, sigmaEachM);
        return new Encounter(primary(), c, secondary(missM), c, hbrM, CovarianceSource.FROM_STATES);
    }

    @ParameterizedTest
    @EnumSource(value = PcMethod.class, names = {"PATERA_2005", "LAAS_2015", "ALFANO_2005", "CHAN_1997",
            "CARA_PC_CIRCLE_64"})
    void centredCircularCovarianceGivesRayleighProbability(PcMethod method) {
        // given zero miss and an isotropic combined covariance sigma² = 2 x 50² m²
        Encounter encounter = circular(0.0, 50.0, 20.0);
        // Rayleigh law, exact: Pc = 1 - exp(-R² / 2 sigma²)
        double expected = -Math.expm1(-20.0 * 20.0 / (2 * 2 * 50.0 * 50.0));

        // when
        CollisionProbability result = calculator.compute(encounter, method);

        // then (Chan's equal-area ellipse is exact for a circular covariance; measured <= 1e-11)
        assertThat(result.pc()).isCloseTo(expected, within(1e-9 * expected));
        assertThat(result.approximate()).isEqualTo(method == PcMethod.CHAN_1997);
    }

    @Test
    void insideTheDiscWithHugeSigmaKeepsRelativeAccuracy() {
        // Orekit evaluates 1 - I/2pi when the miss point is inside the disc: the cancellation
        // leaves about 1e-12 absolute. Rayleigh again: R = 10 m, sigma² = 2 x 2000² m².
        double expected = -Math.expm1(-100.0 / (2 * 2 * 2000.0 * 2000.0));
        double pc = calculator.compute(circular(0.0, 2000.0, 10.0)).pc();
        assertThat(pc).isCloseTo(expected, within(1e-6 * expected));
    }

    @Test
    void thinCovarianceCrossingTheDiscGivesTheChordProbability() {
        // The combined covariance is a 1 mm by 100 m ridge crossing a 10 m disc 5 m from its
        // centre. Orekit's Patera2005 with its default trapezoid grid returns 1 here (measured);
        // the value is the Gaussian mass of the chord: 2 Phi(sqrt(100 - 25) / 100) - 1 (error
        // O(sigma_minor² / chord²) ~ 1e-8).
        double chordHalf = Math.sqrt(75.0);
        double expected = org.hipparchus.special.Erf.erf(chordHalf / (100.0 * Math.sqrt(2.0)));
        double pc = PateraEvaluation.pc(5.0, 0.0, 1e-3, 100.0, 10.0);
        assertThat(pc).isCloseTo(expected, within(1e-7 * expected));
    }

    @Test
    void missDistanceWithinTenCentimetresOfTheRadiusIsNotLeftToOrekitsSeries() {
        // Orekit switches to a series valid only for sigma >> HBR within 0.1 m of miss = HBR and
        // returns -8.6 for (0, 10.05, 5, 5, 10). Laas 2015 has no such branch: the reference here.
        double[][] cases = {{0, 10.05, 5, 5, 10}, {0, 20.0001, 2, 8, 20}, {0, 20.0, 2, 8, 20}, {0, 19.95, 2, 8, 20}};
        for (double[] k : cases) {
            double reference = new Laas2015().compute(k[0], k[1], k[2], k[3], k[4]).getValue();
            assertThat(PateraEvaluation.pc(k[0], k[1], k[2], k[3], k[4])).as(java.util.Arrays.toString(k))
                    .isCloseTo(reference, within(1e-9 * reference));
        }
    }

    @Test
    void zeroRelativeVelocityIsRefusedAsNotAShortTermEncounter() {
        ObjectCovariance c = ObjectCovariance.rtnSigmas(10, 10, 10);
        Encounter together = new Encounter(primary(), c, new CartesianState(7_000_100, 0, 0, 0, 7_500, 0), c,
                5.0, CovarianceSource.FROM_STATES);
        assertThatThrownBy(() -> calculator.compute(together))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo(DomainError.RISK);
                    assertThat(e.getMessage()).contains("short-term encounter");
                });
    }

    @Test
    void zeroAndInfiniteRadiusGiveZeroAndOneForEveryMethod() {
        for (PcMethod method : PcMethod.values()) {
            assertThat(calculator.compute(circular(30, 40, 0.0), method).pc()).as(method.name()).isEqualTo(0.0);
            assertThat(calculator.compute(circular(30, 40, Double.POSITIVE_INFINITY), method).pc())
                    .as(method.name()).isEqualTo(1.0);
        }
    }

    @Test
    void tinyButPositiveVarianceIsClippedAndFlagged() {
        // Combined in-plane sigma 1e-6 m along the miss, against a floor (1e-4 x 10 m)² = 1e-6 m².
        ObjectCovariance thin = new ObjectCovariance(CovarianceFrame.RTN,
                new double[][] {{0.5e-12, 0, 0}, {0, 400, 0}, {0, 0, 400}});
        Encounter encounter = new Encounter(primary(), thin, secondary(30), thin, 10, CovarianceSource.FROM_CDM);
        CollisionProbability result = calculator.compute(encounter);
        assertThat(result.covarianceRemediated()).isTrue();
        assertThat(result.covarianceSource()).isEqualTo(CovarianceSource.FROM_CDM);
        assertThat(calculator.compute(circular(30, 40, 10)).covarianceRemediated()).isFalse();
    }

    @Test
    void caraPcCircleOutsideItsQuadratureBandFallsBackToPateraAndSaysSo() {
        // given combined sigma 3 sqrt2 = 4.24 m, miss 30 m, HBR 10 m: the disc spans 20..40 m along
        // the major axis, beyond 20 + 4 sigma = 37 m, where CARA's PcCircle leaves its 64-point
        // quadrature for adaptive integration
        Encounter encounter = circular(30, 3, 10);

        // when
        CollisionProbability cara = calculator.compute(encounter, PcMethod.CARA_PC_CIRCLE_64);

        // then the value is the adaptive one (Patera's, up to the rounding of CARA's own axes), labelled
        double patera = calculator.compute(encounter).pc();
        assertThat(cara.pc()).isPositive().isCloseTo(patera, within(1e-12 * patera));
        assertThat(cara.warnings()).singleElement().asString().contains("adaptively");
        // and within the band the quadrature is used, with no warning (Patera agrees to 1e-12 there)
        CollisionProbability inside = calculator.compute(circular(30, 10, 10), PcMethod.CARA_PC_CIRCLE_64);
        assertThat(inside.warnings()).isEmpty();
        assertThat(inside.pc()).isCloseTo(calculator.compute(circular(30, 10, 10)).pc(), within(1e-9 * inside.pc()));
    }

    @Test
    void laasIsRefusedWhereItsSeriesIsKnownToFail() {
        // HBR/sigma_minor = 10 m / 0.05 m = 200 > 100.
        Encounter encounter = circular(5.0, 0.05 / Math.sqrt(2.0), 10.0);
        assertThatThrownBy(() -> calculator.compute(encounter, PcMethod.LAAS_2015))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(DomainError.RISK));
    }

    @Test
    void covarianceGivenInRtnOrConvertedToInertialGivesTheSamePc() {
        // given a secondary on a different plane so that its RTN axes differ from the primary's
        CartesianState s = new CartesianState(7_000_200, 100, 50, 100, -5_000, 5_600);
        ObjectCovariance rtn = ObjectCovariance.rtnSigmas(30, 400, 20);
        Encounter inRtn = new Encounter(primary(), rtn, s, rtn, 15, CovarianceSource.FROM_STATES);
        Encounter inInertial = new Encounter(primary(), rtn.toInertial(primary()), s, rtn.toInertial(s), 15,
                CovarianceSource.FROM_STATES);
        assertThat(calculator.compute(inInertial).pc())
                .isCloseTo(calculator.compute(inRtn).pc(), within(1e-12));
        assertThat(rtn.toInertial(s).toRtn(s).matrix()[1][1]).isCloseTo(400.0 * 400.0, within(1e-6));
    }

    @Test
    void rtnToInertialFollowsTheObjectsAxes() {
        // Object on +y moving -x: R = +y, T = -x, N = +z; radial 10 m, in-track 300 m.
        CartesianState s = new CartesianState(0, 7_000_000, 0, -7_500, 0, 0);
        double[][] c = ObjectCovariance.rtnSigmas(10, 300, 20).toInertial(s).matrix();
        assertThat(c[0][0]).isCloseTo(300.0 * 300.0, within(1e-6));
        assertThat(c[1][1]).isCloseTo(10.0 * 10.0, within(1e-6));
        assertThat(c[2][2]).isCloseTo(20.0 * 20.0, within(1e-6));
        assertThat(c[0][1]).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void tleOnlyGivesDefaultCovariancePcAndALabelledMaximumAboveIt() {
        TleOnlyPc both = calculator.tleOnly(primary(), secondary(400), 10);
        assertThat(both.underDefaultCovariance().covarianceSource()).isEqualTo(CovarianceSource.DEFAULT_ASSUMED);
        assertThat(both.underDefaultCovariance().method()).isEqualTo(PcMethod.PATERA_2005);
        assertThat(both.underDefaultCovariance().maximum()).isFalse();
        assertThat(both.maximum().method()).isEqualTo(PcMethod.MAXIMUM_OVER_SCALE);
        assertThat(both.maximum().maximum()).isTrue();
        assertThat(both.maximum().covarianceSource()).isEqualTo(CovarianceSource.DEFAULT_ASSUMED);
        assertThat(both.maximum().pc()).isGreaterThan(both.underDefaultCovariance().pc());
    }

    @Test
    void maximumOverScaleMatchesABruteForceScanOfPatera() {
        // given the default covariance shape, HBR 5 m, miss 400 m
        Encounter encounter = DefaultCovariance.encounter(primary(), secondary(400), 5);

        // when Patera is evaluated on covariances scaled by k, 0.05 <= k <= 20, step 0.001 in ln k
        double best = bruteForceMaximum(primary(), secondary(400), 5);

        // then the search and Alfriend's closed form (small-HBR limit holds: R/miss = 0.0125)
        // both agree with the scan to its own resolution; measured 5.1e-8 and 3.6e-8
        assertThat(calculator.maximumOverCovarianceScale(encounter).pc()).isCloseTo(best, within(2e-7 * best));
        assertThat(calculator.compute(encounter, PcMethod.ALFRIEND_1999_MAX).pc()).isCloseTo(best, within(1e-6 * best));
    }

    @Test
    void maximumOverScaleIsNeverBelowThePcWhileAlfriendsClosedFormCanBe() {
        // On every CARA case the maximum over k includes k = 1. Alfriend's small-HBR closed form
        // drops below the Pc where HBR is not small against sigma_minor: ALFANO09-04, 0.022 vs 0.049.
        CaraCases.all().stream().filter(c -> c.encounter() != null && c.expectedPc() != null).forEach(c -> {
            double pc = calculator.compute(c.encounter()).pc();
            assertThat(calculator.maximumOverCovarianceScale(c.encounter()).pc()).as(c.id())
                    .isGreaterThanOrEqualTo(pc * (1 - 1e-9));
        });
        Encounter alfano4 = CaraCases.byId("ALFANO09-04-2D").encounter();
        assertThat(calculator.compute(alfano4, PcMethod.ALFRIEND_1999_MAX).pc())
                .isLessThan(0.5 * calculator.compute(alfano4).pc());
    }

    private double bruteForceMaximum(CartesianState p, CartesianState s, double hbr) {
        double best = 0;
        for (double logK = Math.log(0.05); logK <= Math.log(20); logK += 0.001) {
            double k = Math.exp(logK);
            ObjectCovariance scaled = ObjectCovariance.rtnSigmas(k * DefaultCovariance.SIGMA_RADIAL_M,
                    k * DefaultCovariance.SIGMA_IN_TRACK_M, k * DefaultCovariance.SIGMA_CROSS_TRACK_M);
            best = Math.max(best, calculator.compute(new Encounter(p, scaled, s, scaled, hbr,
                    CovarianceSource.DEFAULT_ASSUMED)).pc());
        }
        return best;
    }

    @Test
    void maximumIsOneWhenTheMissIsInsideTheHardBody() {
        assertThat(calculator.maximumOverCovarianceScale(circular(3, 40, 10)).pc()).isEqualTo(1.0);
    }

    @Test
    void encounterPlaneMatchesOrekitsOwnProjectionOnTheAlfanoCases() {
        // Orekit's ShortTermEncounter2DDefinition projects the same states independently (its own
        // encounter frame, through TNW); frames and dates from the project's ReferenceData.
        ReferenceData data = ReferenceData.builtIn();
        Frame eme2000 = data.eme2000();
        AbsoluteDate tca = data.toDate(Instant.parse("2026-11-22T00:00:00Z"));
        CaraCases.all().stream().filter(c -> c.id().startsWith("ALFANO09")).forEach(c -> {
            Encounter e = c.encounter();
            ShortTermEncounter2DDefinition orekit = new ShortTermEncounter2DDefinition(
                    orbit(e.primary(), eme2000, tca), covariance(e.primaryCovariance(), eme2000, tca),
                    orbit(e.secondary(), eme2000, tca), covariance(e.secondaryCovariance(), eme2000, tca),
                    e.hardBodyRadiusM());
            RealMatrix diagonal = orekit.computeProjectedAndDiagonalizedCombinedPositionalCovarianceMatrix();
            double orekitMinor = Math.min(diagonal.getEntry(0, 0), diagonal.getEntry(1, 1));
            double orekitMajor = Math.max(diagonal.getEntry(0, 0), diagonal.getEntry(1, 1));
            EncounterPlane ours = EncounterPlane.of(e);
            assertThat(ours.minorVarianceM2()).as(c.id()).isCloseTo(orekitMinor, within(1e-8 * orekitMinor));
            assertThat(ours.majorVarianceM2()).as(c.id()).isCloseTo(orekitMajor, within(1e-8 * orekitMajor));
            // The ALFANO09 states are at TCA (r . v = 0 to 1e-7), so |r| and the projected miss agree.
            double orekitMiss = orekit.computeOtherPositionInCollisionPlane().getNorm();
            assertThat(ours.inPlaneMissM()).as(c.id()).isCloseTo(orekitMiss, within(1e-6 * orekitMiss));
        });
    }

    private static CartesianOrbit orbit(CartesianState s, Frame frame, AbsoluteDate date) {
        return new CartesianOrbit(new PVCoordinates(new Vector3D(s.positionM()), new Vector3D(s.velocityMps())),
                frame, date, Constants.EIGEN5C_EARTH_MU);
    }

    private static StateCovariance covariance(ObjectCovariance c, Frame frame, AbsoluteDate date) {
        return new StateCovariance(new Array2DRowRealMatrix(c.matrix()), date, frame, OrbitType.CARTESIAN,
                PositionAngleType.MEAN);
    }
}
