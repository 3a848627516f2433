package io.astroshield.persistence.screening;

import java.time.Instant;

/** A screening run as stored; {@code outcome} is null while it is {@link RunStatus#RUNNING}. */
public record StoredRun(long id, Instant startedAt, RunParameters parameters, RunStatus status, RunOutcome outcome) {
}
