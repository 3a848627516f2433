package io.astroshield.app.cli;

import io.astroshield.domain.DomainException;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.risk.ObjectState;
import io.astroshield.domain.risk.PcCalculator;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.Cancellation;
import io.astroshield.domain.screening.CatalogScreening;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.EncounterType;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.domain.time.ReferenceData;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Screening as the CLI runs it: progress on stderr, TLE-only Pc per event, rows in output order. */
final class ScreeningRun {

    private ScreeningRun() {
    }

    record Output(CatalogScreening.Result result, List<EventTable.Row> rows, double wallS) {
    }

    static Output run(ReferenceData data, ScreeningRequest request, List<ElementSet> catalog,
                      List<Ephemeris> primaryEphemerides, double hardBodyRadiusM, PrintWriter err) {
        long t0 = System.nanoTime();
        int[] lastPercent = {-1};
        CatalogScreening.Result result = new CatalogScreening(data).screen(request, catalog, primaryEphemerides,
                (fraction, events) -> {
                    int percent = (int) Math.floor(fraction * 10) * 10;
                    synchronized (lastPercent) {
                        if (percent > lastPercent[0]) {
                            lastPercent[0] = percent;
                            err.printf(Locale.ROOT, "screening: %d%% (%d events, %.1f s)%n", percent, events,
                                    (System.nanoTime() - t0) / 1e9);
                            err.flush();
                        }
                    }
                }, new Cancellation());
        for (String note : result.notes()) {
            err.println("astroshield screen: " + note);
        }
        for (String dropped : result.outcome().droppedObjects()) {
            err.println("astroshield screen: " + dropped);
        }
        PcCalculator calculator = new PcCalculator();
        List<EventTable.Row> rows = new ArrayList<>();
        for (ConjunctionEvent e : result.outcome().events()) {
            rows.add(new EventTable.Row(e, tleOnlyPc(calculator, e, hardBodyRadiusM, err)));
        }
        return new Output(result, rows, (System.nanoTime() - t0) / 1e9);
    }

    /** Short-term 2D Pc needs a fast fly-by; LONG encounters get none (the field stays empty). */
    private static TleOnlyPc tleOnlyPc(PcCalculator calculator, ConjunctionEvent e, double hbrM, PrintWriter err) {
        if (e.encounter() == EncounterType.LONG) {
            return null;
        }
        try {
            return calculator.tleOnly(state(e.primaryState()), state(e.secondaryState()), hbrM);
        } catch (DomainException ex) {
            err.println("astroshield screen: no Pc for " + e.primaryId() + "/" + e.secondaryId() + " at "
                    + CliTime.format(e.tca()) + ": " + ex.getMessage());
            return null;
        }
    }

    private static ObjectState state(io.astroshield.domain.propagation.TemeState s) {
        return new ObjectState(s.xM(), s.yM(), s.zM(), s.vxMps(), s.vyMps(), s.vzMps());
    }
}
