package io.astroshield.persistence.alarms;

/** An alarm definition with its id and version (for optimistic concurrency). */
public record StoredDefinition(long id, int version, AlarmDefinitionRow definition) {
}
