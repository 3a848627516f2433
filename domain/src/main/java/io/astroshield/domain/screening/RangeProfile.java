package io.astroshield.domain.screening;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.frames.CartesianState;
import io.astroshield.domain.propagation.OrekitSgp4;
import io.astroshield.domain.propagation.Propagation;
import io.astroshield.domain.propagation.PropagationResult;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The distance between two objects sampled on a regular grid around a time of closest approach: what the event
 * detail's range-vs-time chart draws. Both objects are propagated with the reference (Orekit) path.
 *
 * @param tca      centre of the grid (UTC)
 * @param offsetsS sample times in seconds from {@code tca}, ascending, {@code -half .. +half}
 * @param rangeM   distance between the two objects at each sample, metres; NaN where either could not be
 *                 propagated (SGP4 error, decay)
 */
public record RangeProfile(Instant tca, double[] offsetsS, double[] rangeM) {

    public RangeProfile {
        Objects.requireNonNull(tca, "tca");
        offsetsS = offsetsS.clone();
        rangeM = rangeM.clone();
        if (offsetsS.length != rangeM.length) {
            throw new IllegalArgumentException("offsets and ranges differ in length: " + offsetsS.length + " vs "
                    + rangeM.length);
        }
    }

    /**
     * Samples the range between {@code a} and {@code b} every {@code step} from {@code tca - half} to
     * {@code tca + half}; the centre sample is always {@code tca} itself.
     */
    public static RangeProfile around(Propagation propagation, ElementSet a, ElementSet b, Instant tca,
                                      Duration half, Duration step) {
        if (half.isNegative() || !(step.toNanos() > 0)) {
            throw new IllegalArgumentException("half must be >= 0 and step > 0: " + half + ", " + step);
        }
        double halfS = half.toNanos() / 1e9;
        double stepS = step.toNanos() / 1e9;
        int perSide = (int) Math.floor(halfS / stepS + 1e-9);
        int n = 2 * perSide + 1;
        double[] offsets = new double[n];
        double[] range = new double[n];
        OrekitSgp4 pa = propagation.reference(a);
        OrekitSgp4 pb = propagation.reference(b);
        for (int i = 0; i < n; i++) {
            double offsetS = (i - perSide) * stepS;
            Instant t = tca.plusNanos(Math.round(offsetS * 1e9));
            offsets[i] = offsetS;
            range[i] = distance(pa.propagate(t), pb.propagate(t));
        }
        return new RangeProfile(tca, offsets, range);
    }

    private static double distance(PropagationResult a, PropagationResult b) {
        if (!a.isValid() || !b.isValid()) {
            return Double.NaN;
        }
        CartesianState s = a.state();
        CartesianState t = b.state();
        double dx = t.xM() - s.xM();
        double dy = t.yM() - s.yM();
        double dz = t.zM() - s.zM();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    public int size() {
        return offsetsS.length;
    }

    @Override
    public double[] offsetsS() {
        return offsetsS.clone();
    }

    @Override
    public double[] rangeM() {
        return rangeM.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeProfile p && tca.equals(p.tca) && Arrays.equals(offsetsS, p.offsetsS)
                && Arrays.equals(rangeM, p.rangeM);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * tca.hashCode() + Arrays.hashCode(offsetsS)) + Arrays.hashCode(rangeM);
    }

    @Override
    public String toString() {
        return "RangeProfile[tca=" + tca + ", samples=" + offsetsS.length + "]";
    }
}
