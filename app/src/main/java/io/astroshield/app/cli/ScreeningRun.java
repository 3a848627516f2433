package io.astroshield.app.cli;

import io.astroshield.app.workstation.ScreeningArchive;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.screening.Cancellation;
import io.astroshield.domain.screening.CatalogScreening;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.domain.time.ReferenceData;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Screening as the CLI runs it: progress on stderr, TLE-only Pc per event, rows in output order. */
final class ScreeningRun {

    private ScreeningRun() {
    }

    record Output(CatalogScreening.Result result, List<ScreeningArchive.ScoredEvent> rows, double wallS) {
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
        List<ScreeningArchive.ScoredEvent> rows = ScreeningArchive.score(result.outcome().events(), hardBodyRadiusM,
                problem -> err.println("astroshield screen: " + problem));
        return new Output(result, rows, (System.nanoTime() - t0) / 1e9);
    }
}
