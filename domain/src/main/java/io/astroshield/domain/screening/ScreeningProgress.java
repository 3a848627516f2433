package io.astroshield.domain.screening;

/** Receives progress from a running screening; called from worker threads. */
@FunctionalInterface
public interface ScreeningProgress {

    /** @param fractionDone 0..1 of the window screened; {@code eventsSoFar} found up to now */
    void update(double fractionDone, int eventsSoFar);

    /**
     * The fast (SHORT) events one sub-window found, as soon as it is done, so that a console can show them while
     * the run goes on. An event whose TCA falls on a sub-window border may come twice here; the outcome holds it
     * once. LONG encounters come only in the outcome (they are merged over the whole window).
     */
    default void eventsFound(java.util.List<ConjunctionEvent> shortEvents) {
    }

    ScreeningProgress NONE = (f, n) -> { };
}
