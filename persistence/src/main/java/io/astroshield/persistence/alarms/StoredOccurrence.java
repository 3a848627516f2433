package io.astroshield.persistence.alarms;

/** An alarm occurrence with its id and version (for optimistic concurrency). */
public record StoredOccurrence(long id, int version, AlarmOccurrenceRow occurrence) {
}
