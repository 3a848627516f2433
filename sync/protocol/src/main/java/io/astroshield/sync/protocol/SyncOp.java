package io.astroshield.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One local change a device sends for the server to apply once. {@code op_id} is unique per device (the device
 * never reuses it); {@code type} says what {@code payload} is, e.g. {@code spacecraft.create} with a
 * {@link SpacecraftCreate}, {@code conjunction.create} with a {@link ConjunctionCreate},
 * {@code conjunction.note} with a {@link ConjunctionNoteCreate}, {@code conjunction.disposition} with a
 * {@link DispositionSet}.
 */
public record SyncOp(String opId, String type, JsonNode payload) {
}
