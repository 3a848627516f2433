package io.astroshield.domain.screening;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.time.ReferenceData;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;
import java.util.List;

/** Development stand-in: element sets propagated by Orekit, one propagator per thread and object. */
final class OrekitOrbitSource implements OrbitSource {
    private final ReferenceData data;
    private final List<ElementSet> sets;
    private final AbsoluteDate t0;
    private final Instant start;
    private final double windowDays;
    private final ThreadLocal<TLEPropagator[]> props;

    OrekitOrbitSource(ReferenceData data, List<ElementSet> sets, Instant start, double windowDays) {
        this.data = data;
        this.sets = sets;
        this.start = start;
        this.t0 = data.toDate(start);
        this.windowDays = windowDays;
        this.props = ThreadLocal.withInitial(() -> new TLEPropagator[sets.size()]);
    }

    @Override
    public int size() {
        return sets.size();
    }

    @Override
    public int noradId(int i) {
        return sets.get(i).noradId();
    }

    @Override
    public OrbitBounds bounds(int i) {
        return OrbitBounds.forMeanElements(sets.get(i).meanMotionRadPerS(), sets.get(i).eccentricity(), windowDays);
    }

    @Override
    public int state(int i, double tS, double[] out, int off) {
        try {
            return stateOrThrow(i, tS, out, off);
        } catch (org.orekit.errors.OrekitException ex) {
            return 1;
        }
    }

    private int stateOrThrow(int i, double tS, double[] out, int off) {
        TLEPropagator[] p = props.get();
        if (p[i] == null) {
            ElementSet e = sets.get(i);
            p[i] = TLEPropagator.selectExtrapolator(new TLE(e.noradId(), e.classification(), 2000, 1, "A", 0,
                    e.elementSetNumber(), data.toDate(e.epoch()), e.meanMotionRadPerS(), e.meanMotionDotRadPerS2(),
                    e.meanMotionDdotRadPerS3(), e.eccentricity(), e.inclinationRad(), e.argOfPerigeeRad(), e.raanRad(),
                    e.meanAnomalyRad(), e.revolutionNumberAtEpoch(), e.bStarPerEarthRadius(), data.utc()), data.teme());
        }
        PVCoordinates pv;
        try {
            pv = p[i].getPVCoordinates(t0.shiftedBy(tS), data.teme());
        } catch (org.orekit.errors.OrekitException ex) {
            return 1;
        }
        out[off] = pv.getPosition().getX();
        out[off + 1] = pv.getPosition().getY();
        out[off + 2] = pv.getPosition().getZ();
        out[off + 3] = pv.getVelocity().getX();
        out[off + 4] = pv.getVelocity().getY();
        out[off + 5] = pv.getVelocity().getZ();
        return 0;
    }

    @Override
    public String errorMessage(int code) {
        return "error " + code;
    }

    @Override
    public double epochAgeDays(int i, double tS) {
        return sets.get(i).ageDaysAt(start.plusNanos(Math.round(tS * 1e9)));
    }
}
