package io.astroshield.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One entry of the server's change log: {@code seq} grows strictly in commit order; {@code entity} is
 * {@code spacecraft}, {@code conjunction}, {@code conjunction_note}, {@code conjunction_disposition} (whose
 * {@code entity_id} is the conjunction's id), {@code telemetry} or {@code alarm} (an {@link AlarmRecord});
 * {@code payload} is the entity's published shape after the change.
 */
public record Change(long seq, String entity, long entityId, String op, JsonNode payload, Instant changedAt) {
}
