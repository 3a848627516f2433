package io.astroshield.persistence.screening;

import java.time.Instant;
import java.util.Objects;

/**
 * How a screening run ended. Counts and timings are null when the screener did not report them.
 *
 * @param finishedAt     when it ended
 * @param status         COMPLETED, CANCELLED or FAILED
 * @param catalogSize    objects screened
 * @param candidatePairs pairs that passed the broad phase
 * @param eventCount     conjunction events found
 * @param propagationS   time spent propagating, seconds
 * @param broadPhaseS    time spent in the broad phase, seconds
 * @param narrowPhaseS   time spent in the narrow phase, seconds
 * @param totalS         wall-clock time of the whole run, seconds
 * @param message        why it failed or was cancelled, or null
 */
public record RunOutcome(Instant finishedAt, RunStatus status, Integer catalogSize, Long candidatePairs,
                         Integer eventCount, Double propagationS, Double broadPhaseS, Double narrowPhaseS,
                         Double totalS, String message) {
    public RunOutcome {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(status, "status");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("an outcome cannot be RUNNING");
        }
    }
}
