package io.astroshield.domain.risk;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.UnivariateIntegrator;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Globally adaptive 7-15 point Gauss-Kronrod quadrature with caller-given breakpoints, as an
 * {@link UnivariateIntegrator} so that Orekit's Patera2005 can use it. Hipparchus offers no
 * adaptive rule; Patera's contour integrand has features as narrow as 1e-5 rad at places that are
 * known in advance (where the hard-body circle crosses the covariance's axes), which a uniform
 * rule only resolves with millions of points. The panel with the largest error estimate
 * (QUADPACK's, from |K15 - G7| and the spread of f over the panel) is halved until the summed
 * estimate is below the target: relative to {@code integral + offset} (the quantity the caller
 * needs, e.g. 2pi - I when it computes 1 - I/2pi), or absolute, or what rounding allows
 * (1e-12 of the integral of |f|: with thousands of panels, each estimate carries some rounding).
 *
 * <p>One instance per integration: it is stateful, like the Hipparchus integrators.
 */
final class AdaptiveGaussKronrod implements UnivariateIntegrator {

    // Abscissae and weights of the 15-point Kronrod rule and its embedded 7-point Gauss rule
    // (Piessens et al., QUADPACK, 1983, routine QK15); nodes are ±X[i], X[7] = 0.
    private static final double[] X = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0};
    private static final double[] WK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** Gauss weights for X[1], X[3], X[5] and X[7]. */
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private static final int NODES = 15;
    /** Error floor relative to the integral of |f|, below which rounding makes estimates meaningless. */
    private static final double ROUNDING_FLOOR = 1e-12;

    private final double relativeAccuracy;
    private final double absoluteAccuracy;
    private final double offset;
    private final double[] breakpoints;
    private final int initialPanels;
    private int evaluations;
    private int iterations;
    private double last = Double.NaN;

    /**
     * @param relativeAccuracy target relative error of the integral
     * @param absoluteAccuracy target absolute error of the integral
     * @param offset           the relative target applies to {@code integral + offset}
     * @param breakpoints      abscissae where the integrand has narrow features; those outside the
     *                         integration interval are ignored
     * @param initialPanels    number of equal panels the interval is cut into before adapting
     */
    AdaptiveGaussKronrod(double relativeAccuracy, double absoluteAccuracy, double offset,
                         double[] breakpoints, int initialPanels) {
        if (initialPanels < 1) {
            throw new IllegalArgumentException("initialPanels must be >= 1: " + initialPanels);
        }
        this.relativeAccuracy = relativeAccuracy;
        this.absoluteAccuracy = absoluteAccuracy;
        this.offset = offset;
        this.breakpoints = breakpoints.clone();
        this.initialPanels = initialPanels;
    }

    private record Panel(double a, double b, double integral, double error, double absIntegral) {
    }

    @Override
    public double integrate(int maxEval, UnivariateFunction f, double min, double max) {
        evaluations = 0;
        iterations = 0;
        last = Double.NaN;
        double[] cuts = cuts(min, max);
        PriorityQueue<Panel> queue = new PriorityQueue<>((p, q) -> Double.compare(q.error(), p.error()));
        double integral = 0;
        double error = 0;
        double absIntegral = 0;
        for (int i = 0; i + 1 < cuts.length; i++) {
            Panel p = panel(f, cuts[i], cuts[i + 1], maxEval);
            queue.add(p);
            integral += p.integral();
            error += p.error();
            absIntegral += p.absIntegral();
        }
        while (true) {
            double target = Math.max(Math.max(relativeAccuracy * Math.abs(integral + offset), absoluteAccuracy),
                    ROUNDING_FLOOR * absIntegral);
            Panel worst = queue.peek();
            double mid = 0.5 * (worst.a() + worst.b());
            if (error <= target || !(mid > worst.a() && mid < worst.b())) {
                // Converged, or the worst panel cannot be halved any more in double precision.
                // The running sum is re-added from the panels to shed the drift of the updates.
                double sum = 0;
                for (Panel p : queue) {
                    sum += p.integral();
                }
                last = sum;
                return sum;
            }
            queue.poll();
            Panel left = panel(f, worst.a(), mid, maxEval);
            Panel right = panel(f, mid, worst.b(), maxEval);
            queue.add(left);
            queue.add(right);
            integral += left.integral() + right.integral() - worst.integral();
            error += left.error() + right.error() - worst.error();
            absIntegral += left.absIntegral() + right.absIntegral() - worst.absIntegral();
            iterations++;
        }
    }

    /** The value the last {@link #integrate} returned, NaN before or after a failure. */
    double lastResult() {
        return last;
    }

    private double[] cuts(double min, double max) {
        double[] cuts = new double[initialPanels + 1 + breakpoints.length];
        int n = 0;
        for (int i = 0; i <= initialPanels; i++) {
            cuts[n++] = i == initialPanels ? max : min + (max - min) * i / initialPanels;
        }
        for (double b : breakpoints) {
            if (b > min && b < max) {
                cuts[n++] = b;
            }
        }
        double[] sorted = Arrays.copyOf(cuts, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    private Panel panel(UnivariateFunction f, double a, double b, int maxEval) {
        if (evaluations + NODES > maxEval) {
            throw new MathIllegalStateException(LocalizedCoreFormats.MAX_COUNT_EXCEEDED, maxEval);
        }
        evaluations += NODES;
        double center = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double[] values = new double[NODES];
        values[14] = f.value(center);
        for (int i = 0; i < 7; i++) {
            double dx = half * X[i];
            values[2 * i] = f.value(center - dx);
            values[2 * i + 1] = f.value(center + dx);
        }
        double kronrod = WK[7] * values[14];
        double gauss = WG[3] * values[14];
        double abs = WK[7] * Math.abs(values[14]);
        for (int i = 0; i < 7; i++) {
            double pair = values[2 * i] + values[2 * i + 1];
            kronrod += WK[i] * pair;
            abs += WK[i] * (Math.abs(values[2 * i]) + Math.abs(values[2 * i + 1]));
            if (i % 2 == 1) {
                gauss += WG[i / 2] * pair;
            }
        }
        // QUADPACK's error estimate: |K - G| is only trusted once it is small against the spread
        // of f over the panel (resasc); before that the estimate is the spread itself, which keeps
        // a panel whose nodes straddle a narrow feature from passing for converged.
        double mean = 0.5 * kronrod;
        double spread = WK[7] * Math.abs(values[14] - mean);
        for (int i = 0; i < 7; i++) {
            spread += WK[i] * (Math.abs(values[2 * i] - mean) + Math.abs(values[2 * i + 1] - mean));
        }
        double h = Math.abs(half);
        double error = Math.abs((kronrod - gauss) * half);
        spread *= h;
        if (spread != 0.0 && error != 0.0) {
            error = spread * Math.min(1.0, Math.pow(200.0 * error / spread, 1.5));
        }
        return new Panel(a, b, kronrod * half, error, abs * h);
    }

    @Override
    public double getRelativeAccuracy() {
        return relativeAccuracy;
    }

    @Override
    public double getAbsoluteAccuracy() {
        return absoluteAccuracy;
    }

    @Override
    public int getMinimalIterationCount() {
        return 0;
    }

    @Override
    public int getMaximalIterationCount() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int getEvaluations() {
        return evaluations;
    }

    @Override
    public int getIterations() {
        return iterations;
    }
}
