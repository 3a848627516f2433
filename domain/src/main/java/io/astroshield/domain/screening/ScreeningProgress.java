package io.astroshield.domain.screening;

/** Receives progress from a running screening; called from worker threads. */
@FunctionalInterface
public interface ScreeningProgress {

    /** @param fractionDone 0..1 of the window screened; {@code eventsSoFar} found up to now */
    void update(double fractionDone, int eventsSoFar);

    ScreeningProgress NONE = (f, n) -> { };
}
