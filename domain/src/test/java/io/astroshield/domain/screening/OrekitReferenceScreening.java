package io.astroshield.domain.screening;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.domain.propagation.OrekitSgp4;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An all-vs-all screening done the slow, obvious way, sharing no code with the screener:
 * every object propagated with Orekit's TLEPropagator every {@link #SAMPLE_S} seconds, every
 * pair's sampled distance scanned for local minima, each minimum refined by golden-section
 * search on Orekit states. Used as the reference of the recall test.
 */
final class OrekitReferenceScreening {

    static final double SAMPLE_S = 10.0;

    record Encounter(int idA, int idB, Instant tca, double missM, double relativeSpeedMps) {
    }

    private final ReferenceData data;

    OrekitReferenceScreening(ReferenceData data) {
        this.data = data;
    }

    List<Encounter> screen(List<ElementSet> sets, Instant start, double durationS, double thresholdM) {
        AbsoluteDate t0 = data.toDate(start);
        int n = sets.size();
        int samples = (int) Math.floor(durationS / SAMPLE_S) + 1;
        TLEPropagator[] props = new TLEPropagator[n];
        double[][] pos = new double[n][3 * samples];
        for (int i = 0; i < n; i++) {
            props[i] = TLEPropagator.selectExtrapolator(OrekitSgp4.toTle(sets.get(i), data), data.teme());
            for (int k = 0; k < samples; k++) {
                PVCoordinates pv = props[i].getPVCoordinates(t0.shiftedBy(k * SAMPLE_S), data.teme());
                pos[i][3 * k] = pv.getPosition().getX();
                pos[i][3 * k + 1] = pv.getPosition().getY();
                pos[i][3 * k + 2] = pv.getPosition().getZ();
            }
        }
        // A sampled local minimum lies within half a sample of the true one; at 16 km/s relative
        // speed that is 80 km, so minima up to 200 km are refined.
        double guard = thresholdM + 200_000;
        List<Encounter> found = new ArrayList<>();
        double[] d = new double[samples];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = 0; k < samples; k++) {
                    double dx = pos[j][3 * k] - pos[i][3 * k];
                    double dy = pos[j][3 * k + 1] - pos[i][3 * k + 1];
                    double dz = pos[j][3 * k + 2] - pos[i][3 * k + 2];
                    d[k] = Math.sqrt(dx * dx + dy * dy + dz * dz);
                }
                for (int k = 1; k < samples - 1; k++) {
                    if (d[k] <= d[k - 1] && d[k] < d[k + 1] && d[k] < guard) {
                        Encounter e = refine(sets.get(i).noradId(), sets.get(j).noradId(), props[i], props[j], t0,
                                (k - 1) * SAMPLE_S, (k + 1) * SAMPLE_S);
                        if (e.missM() <= thresholdM) {
                            found.add(e);
                        }
                    }
                }
            }
        }
        return found;
    }

    private Encounter refine(int idA, int idB, TLEPropagator a, TLEPropagator b, AbsoluteDate t0, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = distance(a, b, t0, x1);
        double f2 = distance(a, b, t0, x2);
        while (hi - lo > 1e-7) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = distance(a, b, t0, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = distance(a, b, t0, x2);
            }
        }
        double t = (lo + hi) / 2;
        AbsoluteDate date = t0.shiftedBy(t);
        PVCoordinates pa = a.getPVCoordinates(date, data.teme());
        PVCoordinates pb = b.getPVCoordinates(date, data.teme());
        return new Encounter(idA, idB, data.toInstant(date),
                pa.getPosition().distance(pb.getPosition()), pa.getVelocity().distance(pb.getVelocity()));
    }

    private double distance(TLEPropagator a, TLEPropagator b, AbsoluteDate t0, double t) {
        AbsoluteDate date = t0.shiftedBy(t);
        return a.getPVCoordinates(date, data.teme()).getPosition()
                .distance(b.getPVCoordinates(date, data.teme()).getPosition());
    }
}
