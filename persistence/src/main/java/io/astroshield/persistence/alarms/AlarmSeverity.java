package io.astroshield.persistence.alarms;

/** Alarm severities, lowest first (DESIGN.md, alarm model). */
public enum AlarmSeverity {
    WATCH, WARNING, DISTRESS, CRITICAL, SEVERE
}
