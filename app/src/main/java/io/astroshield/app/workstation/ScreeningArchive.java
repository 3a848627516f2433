package io.astroshield.app.workstation;

import io.astroshield.domain.DomainException;
import io.astroshield.domain.risk.PcCalculator;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.Cancellation;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.EncounterType;
import io.astroshield.domain.screening.ScreeningOutcome;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.mapping.DomainRows;
import io.astroshield.persistence.screening.RunOutcome;
import io.astroshield.persistence.screening.RunParameters;
import io.astroshield.persistence.screening.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Screening results as both entry points keep them: TLE-only Pc per event, and the run with its events in the store. */
public final class ScreeningArchive {

    /** One screened event with its TLE-only Pc (null for LONG encounters or when the geometry allows none). */
    public record ScoredEvent(ConjunctionEvent event, TleOnlyPc pc) {
    }

    private ScreeningArchive() {
    }

    /**
     * Short-term 2D Pc needs a fast fly-by: LONG encounters get none. A geometry the Pc methods refuse is reported to
     * {@code problems} and the event keeps no Pc.
     */
    public static TleOnlyPc tleOnlyPc(PcCalculator calculator, ConjunctionEvent e, double hbrM,
                                      Consumer<String> problems) {
        if (e.encounter() == EncounterType.LONG) {
            return null;
        }
        try {
            return calculator.tleOnly(e.primaryState(), e.secondaryState(), hbrM);
        } catch (DomainException ex) {
            problems.accept("no Pc for " + e.primaryId() + "/" + e.secondaryId() + " at " + Formats.utcMillis(e.tca())
                    + ": " + ex.getMessage());
            return null;
        }
    }

    /** Pc for every event, spread over the cores (about 1 ms each for the maximum over covariance scale). */
    public static List<ScoredEvent> score(List<ConjunctionEvent> events, double hbrM, Consumer<String> problems) {
        PcCalculator calculator = new PcCalculator();
        return events.parallelStream().map(e -> new ScoredEvent(e, tleOnlyPc(calculator, e, hbrM, problems))).toList();
    }

    /**
     * As {@link #score}, on the calling thread only: a screening from the window scores each sub-window while the
     * screener waits, and a parallel stream there would take the core left to the FX and render threads. Checks
     * {@code cancellation} between events (about a millisecond each).
     */
    public static List<ScoredEvent> scoreOnCallingThread(List<ConjunctionEvent> events, double hbrM,
                                                         Consumer<String> problems, Cancellation cancellation) {
        PcCalculator calculator = new PcCalculator();
        List<ScoredEvent> scored = new ArrayList<>(events.size());
        for (ConjunctionEvent e : events) {
            cancellation.check();
            scored.add(new ScoredEvent(e, tleOnlyPc(calculator, e, hbrM, problems)));
        }
        return scored;
    }

    /** Stores a finished run and its events (grouped with earlier updates of the same events); returns the run id. */
    public static long save(Store store, ScreeningRequest request, Collection<Integer> primaryIds,
                            ScreeningOutcome outcome, List<ScoredEvent> events, double wallS, DataOrigin origin,
                            Instant startedAt) {
        ScreeningOutcome.Statistics st = outcome.statistics();
        return store.write(tx -> {
            long runId = tx.screeningRuns().start(startedAt, new RunParameters(request.start(),
                    Duration.ofNanos(Math.round(request.durationS() * 1e9)), request.settings().thresholdM(),
                    primaryIds.stream().sorted().toList(), origin));
            tx.conjunctionEvents().record(events.stream().map(r -> DomainRows.observation(r.event(), r.pc())).toList(),
                    runId, null, startedAt);
            tx.screeningRuns().finish(runId, new RunOutcome(Instant.now(), RunStatus.COMPLETED, st.objects(),
                    st.candidateIntervals(), events.size(), st.knotSeconds(), st.broadSeconds(), st.narrowSeconds(),
                    wallS, null));
            return runId;
        });
    }
}
