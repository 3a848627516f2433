package io.astroshield.domain.risk;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The circular-HBR 2D cases of NASA CARA_Analysis_Tools (github.com/nasa/CARA_Analysis_Tools,
 * commit a80d016; unit tests Pc2D_Foster_UnitTest.m, PcCircle_UnitTest.m, PcElrod_UnitTest.m and,
 * for the ALFANO09 inputs and CARA's own 2D values, Pc3D_Hall_Utils), carried as published facts
 * in {@code cara-2d-circle-cases.json}, reproduced with the default method, PATERA_2005.
 *
 * <p>Each case is held to CARA's stated tolerance except where Patera cannot meet it; those are
 * listed in {@link #DEVIATIONS} with the measured deviation and why. {@code independent_pc} in the
 * resource is this project's own 30-digit quadrature ({@code docs/tools/independent_pc2d.py}),
 * the referee where CARA's values and Patera's differ.
 */
class PcCaraReferenceTest {

    private final PcCalculator calculator = new PcCalculator();

    /**
     * Cases whose stated RelTol 1e-10 Patera cannot meet, with the tolerance asserted instead.
     * CARA's expected values for the HBR sweep are regression values of PcCircle's default mode,
     * 64th-order Gauss-Chebyshev quadrature (PcCircle_UnitTest testMultipleElements), whose error
     * grows with HBR/sigma_minor (0.54 to 1600 here). The independent quadrature agrees with
     * Patera to 5e-10 or better on all six and puts CARA's values off by the same amounts:
     * 10 m -2.1e-8, 100 m -2.0e-9, 1 km -1.10e-4, 3 km -2.76e-4, 10 km +1.09e-4, 30 km +1.82e-4.
     * The first two meet the 1e-6 fallback; the last four cannot meet it against CARA's numbers.
     */
    static final Map<String, Double> DEVIATIONS = Map.of(
            "MULTIHBR-10.0", 1e-6,
            "MULTIHBR-100.0", 1e-6,
            "MULTIHBR-1000.0", 3e-4,
            "MULTIHBR-3000.0", 3e-4,
            "MULTIHBR-10000.0", 3e-4,
            "MULTIHBR-30000.0", 3e-4);

    static Stream<CaraCases.Case> casesWithAValue() {
        return CaraCases.all().stream().filter(c -> c.expectedPc() != null && c.encounter() != null);
    }

    static Stream<CaraCases.Case> casesWithIndependentValue() {
        return CaraCases.all().stream().filter(c -> c.independentPc() != null && c.independentPc() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithAValue")
    void pateraReproducesCaraCase(CaraCases.Case c) {
        // given a CARA case: states and ECI covariances at TCA, HBR, expected Pc
        double tolerance = DEVIATIONS.getOrDefault(c.id(), c.relTol());

        // when
        CollisionProbability result = calculator.compute(c.encounter());

        // then
        assertThat(result.method()).isEqualTo(PcMethod.PATERA_2005);
        if (c.expectedPc() == 0.0) {
            assertThat(result.pc()).as(c.id()).isEqualTo(0.0);
        } else {
            assertThat(result.pc()).as(c.id() + " within relative " + tolerance)
                    .isCloseTo(c.expectedPc(), within(tolerance * c.expectedPc()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithIndependentValue")
    void pateraAgreesWithIndependentQuadratureToTwoPartsInABillion(CaraCases.Case c) {
        // Largest measured: ALFANO09-07 (miss inside the disc, Pc 1.6e-4: Orekit's 1 - I/2pi) 7e-10.
        double pc = calculator.compute(c.encounter()).pc();
        assertThat(pc).as(c.id()).isCloseTo(c.independentPc(), within(2e-9 * c.independentPc()));
    }

    @Test
    void alfanoCasesAlsoMatchCarasOwnTwoDimensionalValuesToOnePartInAMillion() {
        // CARA_Pc2D column of A09TestCases_01_12_Distributed.csv; largest measured 1.4e-7 (case 4).
        CaraCases.all().stream().filter(c -> c.caraPc2d() != null).forEach(c ->
                assertThat(calculator.compute(c.encounter()).pc()).as(c.id())
                        .isCloseTo(c.caraPc2d(), within(1e-6 * c.caraPc2d())));
    }

    @Test
    void zeroHardBodyRadiusGivesZero() {
        CollisionProbability result = calculator.compute(CaraCases.byId("MULTIHBR-0").encounter());
        assertThat(result.pc()).isEqualTo(0.0);
        assertThat(result.hardBodyRadiusM()).isEqualTo(0.0);
    }

    @Test
    void infiniteHardBodyRadiusGivesOne() {
        CollisionProbability result = calculator.compute(CaraCases.byId("MULTIHBR-Inf").encounter());
        assertThat(result.pc()).isEqualTo(1.0);
    }

    @Test
    void nonPositiveDefiniteCombinedCovarianceIsRemediatedAndFlagged() {
        // NPD-1: the secondary covariance (sigma ~2000 km) is indefinite at 1e-9 of its size, and so
        // is the projected combined covariance (eigenvalues 4.82e12 m² and -4.3e3 m²). CARA clips
        // and reports Pc 0 (PcCircle with a PcCircle:NPDCovariance warning, PcElrod remediated).
        CollisionProbability result = calculator.compute(CaraCases.byId("NPD-1-PcCircle").encounter());
        assertThat(result.pc()).isEqualTo(0.0);
        assertThat(result.covarianceRemediated()).isTrue();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("remediated"));
    }

    @Test
    void covarianceIndefiniteBeyondRoundingIsRefusedWhereCaraReturnsNaN() {
        // NPD-2: C1(1,1) replaced by 1.065e-3 m² makes the primary covariance indefinite by 12 %
        // of its largest eigenvalue (-8.98e3 against 7.29e4 m²): not a rounding defect. CARA
        // returns NaN ("cannot be remediated"); a Pc of no value is refused with the reason.
        CaraCases.Case c = CaraCases.byId("NPD-2-Elrod-unremediable");
        assertThat(c.caraExpectsNan()).isTrue();
        assertThatThrownBy(() -> calculator.compute(c.encounter()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo(DomainError.RISK);
                    assertThat(e.getMessage()).contains("primary position covariance is not a covariance");
                });
    }

    @Test
    void negativeHardBodyRadiusIsRefusedWhereCaraReportsZero() {
        // OMITRON-1-negHBR: PcElrod replaces a negative HBR by 0 and returns Pc 0. A negative
        // radius is a broken input; answering 0 would silence an alarm, so it is refused.
        CaraCases.Case c = CaraCases.byId("OMITRON-1-negHBR");
        assertThat(c.hbrM()).isNegative();
        CaraCases.Case sameGeometry = CaraCases.byId("OMITRON-1-circle");
        assertThatThrownBy(() -> sameGeometry.encounter().withHardBodyRadiusM(c.hbrM()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hardBodyRadiusM");
    }
}
