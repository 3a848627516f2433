package io.astroshield.domain.risk;

import org.hipparchus.exception.MathIllegalStateException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The integrator under Patera2005's contour integral (see {@link PateraEvaluation}). */
class PcAdaptiveGaussKronrodTest {

    @Test
    void oneKronrodPanelIntegratesDegreeTwentyTwoPolynomialsExactly() {
        // A 15-point Kronrod rule is exact to degree 3 x 7 + 1 = 22; with one panel and a loose
        // target no refinement happens, so this checks the QUADPACK constants themselves.
        AdaptiveGaussKronrod rule = new AdaptiveGaussKronrod(1.0, Double.MAX_VALUE, 0.0, new double[0], 1);
        double value = rule.integrate(15, x -> Math.pow(x, 22) - 3 * Math.pow(x, 5), -1.0, 2.0);
        double exact = (Math.pow(2.0, 23) + 1.0) / 23.0 - 3.0 * (Math.pow(2.0, 6) - 1.0) / 6.0;
        assertThat(value).isCloseTo(exact, within(1e-12 * exact));
        assertThat(rule.getEvaluations()).isEqualTo(15);
    }

    @Test
    void narrowPeakAtABreakpointIsResolved() {
        // Lorentzian of half-width 1e-6 at 1.0 on [0, 2pi]: integral atan((b - c)/w) - atan((a - c)/w).
        double w = 1e-6;
        double exact = Math.atan((2 * Math.PI - 1.0) / w) + Math.atan(1.0 / w);
        AdaptiveGaussKronrod rule = new AdaptiveGaussKronrod(1e-10, 0.0, 0.0, new double[] {1.0, 1.0 - w, 1.0 + w}, 16);
        double value = rule.integrate(1_000_000, x -> w / ((x - 1.0) * (x - 1.0) + w * w), 0, 2 * Math.PI);
        assertThat(value).isCloseTo(exact, within(1e-9 * exact));
    }

    @Test
    void evaluationBudgetIsEnforced() {
        AdaptiveGaussKronrod rule = new AdaptiveGaussKronrod(1e-15, 0.0, 0.0, new double[0], 1);
        assertThatThrownBy(() -> rule.integrate(100, x -> Math.abs(Math.sin(1e4 * x)), 0, 1))
                .isInstanceOf(MathIllegalStateException.class);
    }
}
