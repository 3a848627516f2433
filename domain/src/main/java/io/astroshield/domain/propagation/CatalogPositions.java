package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.time.ReferenceData;
import org.orekit.time.AbsoluteDate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where every object of a catalog is at one instant, for displays (the 3D view, the ground track): SGP4 through
 * {@link Sgp4Batch}, TEME positions in kilometres as floats (a display needs metres at most, and the 3D mesh takes
 * floats), NaN where SGP4 reports an error (decayed, eccentricity out of range), so an object without a position
 * is simply not drawn. Immutable; any number of threads may call it.
 */
public final class CatalogPositions {

    private final Sgp4Batch batch;
    private final ReferenceData referenceData;
    private final AbsoluteDate reference;
    /** Epoch of object i minus {@link #reference}, SI seconds. */
    private final double[] epochOffsetS;

    private CatalogPositions(List<ElementSet> sets, ReferenceData referenceData) {
        this.batch = Sgp4Batch.of(sets, referenceData);
        this.referenceData = referenceData;
        this.reference = sets.isEmpty() ? AbsoluteDate.J2000_EPOCH : batch.epoch(0);
        this.epochOffsetS = new double[sets.size()];
        for (int i = 0; i < epochOffsetS.length; i++) {
            epochOffsetS[i] = batch.epochOffsetS(i, reference);
        }
    }

    /** Initialises SGP4 for every element set; object index = list index. */
    public static CatalogPositions of(List<ElementSet> sets, ReferenceData referenceData) {
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(referenceData, "referenceData");
        return new CatalogPositions(sets, referenceData);
    }

    public int size() {
        return epochOffsetS.length;
    }

    public ElementSet elementSet(int index) {
        return batch.elementSet(index);
    }

    /** TEME positions at {@code t}: x, y, z of object i at {@code 3i..3i+2}, km; NaN where SGP4 fails. */
    public float[] at(Instant t) {
        float[] out = new float[3 * size()];
        at(t, out);
        return out;
    }

    /** As {@link #at(Instant)}, into {@code out} (length at least 3 * size()). */
    public void at(Instant t, float[] out) {
        double tS = secondsFromReference(t);
        double[] state = new double[6];
        for (int i = 0; i < epochOffsetS.length; i++) {
            int code = batch.propagate(i, (tS - epochOffsetS[i]) / 60.0, state, 0);
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = code == 0 ? (float) (state[j] / 1000.0) : Float.NaN;
            }
        }
    }

    /**
     * TEME positions of one object at {@code count} times {@code stepS} apart from {@code start}: x, y, z of time k
     * at {@code 3k..3k+2}, km (double: a track is short and is rotated into Earth-fixed axes afterwards); NaN where
     * SGP4 fails.
     */
    public double[] track(int index, Instant start, double stepS, int count) {
        double t0 = secondsFromReference(start) - epochOffsetS[index];
        double[] tsince = new double[count];
        for (int k = 0; k < count; k++) {
            tsince[k] = (t0 + k * stepS) / 60.0;
        }
        double[] states = new double[6 * count];
        batch.propagate(index, tsince, count, states, 0, null);
        double[] out = new double[3 * count];
        for (int k = 0; k < count; k++) {
            for (int j = 0; j < 3; j++) {
                out[3 * k + j] = states[6 * k + j] / 1000.0;
            }
        }
        return out;
    }

    private double secondsFromReference(Instant t) {
        return referenceData.toDate(t).durationFrom(reference);
    }
}
