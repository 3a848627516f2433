package io.astroshield.persistence.screening;

import java.time.Instant;

/** One update of a conjunction event: where it came from (run or CDM), when, and what it said. */
public record StoredUpdate(long id, long eventId, Long runId, Long cdmId, Instant recordedAt,
                           ConjunctionObservation observation) {
}
