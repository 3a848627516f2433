package io.astroshield.domain.screening;

import java.util.Comparator;
import java.util.List;

/**
 * What a screening found: events sorted by TCA, then primary, then secondary; one sentence
 * per object that dropped out (decay, invalid elements) with the time it stopped; counters.
 */
public record ScreeningOutcome(List<ConjunctionEvent> events, List<String> droppedObjects, Statistics statistics) {

    /** Sort order of DESIGN.md: TCA, then primary, then secondary. */
    public static final Comparator<ConjunctionEvent> ORDER = Comparator.comparing(ConjunctionEvent::tca)
            .thenComparingInt(ConjunctionEvent::primaryId)
            .thenComparingInt(ConjunctionEvent::secondaryId);

    /**
     * @param objects            objects screened (after the perigee/apogee pre-filter in primaries mode)
     * @param knotsPropagated    exact propagations at interpolation knots
     * @param candidateIntervals sample intervals that passed the broad phase
     * @param narrowPropagations exact propagations spent in the narrow phase
     * @param knotSeconds        wall time propagating knots
     * @param broadSeconds       wall time in the broad phase
     * @param narrowSeconds      wall time in the narrow phase
     */
    public record Statistics(int objects, long knotsPropagated, long candidateIntervals, long narrowPropagations,
                             double knotSeconds, double broadSeconds, double narrowSeconds) {
    }

    public ScreeningOutcome {
        events = events.stream().sorted(ORDER).toList();
        droppedObjects = List.copyOf(droppedObjects);
    }
}
