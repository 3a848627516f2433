package io.astroshield.persistence.screening;

/** Which event an observation was filed under, and whether that event is new. */
public record RecordedUpdate(long eventId, boolean newEvent) {
}
