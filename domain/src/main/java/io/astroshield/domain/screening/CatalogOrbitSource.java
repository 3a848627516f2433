package io.astroshield.domain.screening;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.EphemerisPoint;
import io.astroshield.domain.propagation.EphemerisInterpolator;
import io.astroshield.domain.propagation.PropagationError;
import io.astroshield.domain.propagation.Sgp4Batch;
import io.astroshield.domain.propagation.Sgp4Error;
import io.astroshield.domain.time.ReferenceData;
import org.orekit.time.AbsoluteDate;

import java.time.Instant;
import java.util.List;

/**
 * The screener's view of a catalog: element sets through the project's SGP4 ({@link Sgp4Batch})
 * followed by OEM ephemerides (interpolated), in seconds from the window start.
 */
final class CatalogOrbitSource implements OrbitSource {

    /** Radial margin on an ephemeris' own extremes: interpolation between points can go beyond them, m. */
    private static final double EPHEMERIS_RADIAL_MARGIN_M = 20_000;

    private final Sgp4Batch sgp4;
    private final List<ElementSet> sets;
    private final List<EphemerisInterpolator> ephemerides;
    private final AbsoluteDate start;
    private final Instant startInstant;
    /** Per element set: epoch minus window start, s. */
    private final double[] epochOffsetS;
    private final OrbitBounds[] bounds;

    CatalogOrbitSource(ReferenceData data, List<ElementSet> sets, List<Ephemeris> ephemerides, Instant start,
                       double durationS) {
        this.sets = List.copyOf(sets);
        this.sgp4 = Sgp4Batch.of(this.sets, data);
        this.ephemerides = ephemerides.stream().map(e -> new EphemerisInterpolator(e, data)).toList();
        this.start = data.toDate(start);
        this.startInstant = start;
        int n = size();
        this.epochOffsetS = new double[this.sets.size()];
        this.bounds = new OrbitBounds[n];
        for (int i = 0; i < this.sets.size(); i++) {
            epochOffsetS[i] = sgp4.epochOffsetS(i, this.start);
            ElementSet e = this.sets.get(i);
            double daysFromEpoch = Math.max(Math.abs(epochOffsetS[i]), Math.abs(durationS - epochOffsetS[i])) / 86_400;
            bounds[i] = OrbitBounds.forMeanElements(e.meanMotionRadPerS(), e.eccentricity(), e.meanMotionDotRadPerS2(),
                    daysFromEpoch);
        }
        for (int k = 0; k < this.ephemerides.size(); k++) {
            bounds[this.sets.size() + k] = ephemerisBounds(this.ephemerides.get(k).ephemeris());
        }
    }

    /** Bounds from the ephemeris' own points: its radius range widened, a two-body energy bound on speed. */
    private static OrbitBounds ephemerisBounds(Ephemeris e) {
        double rMin = Double.POSITIVE_INFINITY;
        double rMax = 0;
        double energy = Double.NEGATIVE_INFINITY;
        for (EphemerisPoint p : e.points()) {
            double r = Math.sqrt(p.xM() * p.xM() + p.yM() * p.yM() + p.zM() * p.zM());
            double v2 = p.vxMps() * p.vxMps() + p.vyMps() * p.vyMps() + p.vzMps() * p.vzMps();
            rMin = Math.min(rMin, r);
            rMax = Math.max(rMax, r);
            energy = Math.max(energy, v2 / 2 - OrbitBounds.MU_M3_S2 / r);
        }
        double lo = Math.max(rMin - EPHEMERIS_RADIAL_MARGIN_M, 6_300_000.0);
        // Speed at the lowest radius with the highest specific energy seen, plus 1 %.
        double vMax = Math.sqrt(2 * (energy + OrbitBounds.MU_M3_S2 / lo)) * 1.01;
        return new OrbitBounds(lo, rMax + EPHEMERIS_RADIAL_MARGIN_M, vMax,
                OrbitBounds.MU_M3_S2 / (lo * lo) * OrbitBounds.PERTURBATION_FACTOR,
                OrbitBounds.fourthDerivative(lo, vMax) * OrbitBounds.PERTURBATION_FACTOR);
    }

    @Override
    public int size() {
        return sets.size() + ephemerides.size();
    }

    @Override
    public int noradId(int i) {
        return i < sets.size() ? sets.get(i).noradId() : ephemerides.get(i - sets.size()).ephemeris().noradId();
    }

    @Override
    public OrbitBounds bounds(int i) {
        return bounds[i];
    }

    @Override
    public int state(int i, double tS, double[] out, int off) {
        if (i < sets.size()) {
            return sgp4.propagate(i, (tS - epochOffsetS[i]) / 60.0, out, off);
        }
        return ephemerides.get(i - sets.size()).stateAt(start.shiftedBy(tS), out, off);
    }

    @Override
    public String errorMessage(int code) {
        if (code == PropagationError.OUTSIDE_EPHEMERIS_SPAN) {
            return "outside the ephemeris span";
        }
        if (code >= 1 && code <= 6) {
            return "SGP4 error " + code + ": " + Sgp4Error.ofCode(code).description();
        }
        return "no finite state (code " + code + ")";
    }

    @Override
    public double epochAgeDays(int i, double tS) {
        if (i < sets.size()) {
            return (tS - epochOffsetS[i]) / 86_400;
        }
        Instant first = ephemerides.get(i - sets.size()).start();
        return (tS - (first.getEpochSecond() - startInstant.getEpochSecond()
                + (first.getNano() - startInstant.getNano()) * 1e-9)) / 86_400;
    }
}
