package io.astroshield.persistence.alarms;

/** What an alarm definition watches. */
public enum AlarmKind {
    CONJUNCTION, TELEMETRY
}
