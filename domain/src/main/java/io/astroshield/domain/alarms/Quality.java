package io.astroshield.domain.alarms;

/**
 * Whether the value behind an alarm is current. {@code STALE}: no sample within the expected
 * period, or a sample older than that on arrival. A flag next to the severity, never a severity.
 */
public enum Quality { GOOD, STALE }
