package io.astroshield.domain.alarms;

/** What kind of input an alarm definition watches. */
public enum AlarmSource {
    /** A telemetry parameter against yellow/red limits. */
    TELEMETRY,
    /** A conjunction event (screening or CDM) against the Pc x time-to-TCA x miss-distance matrix. */
    CONJUNCTION,
    /** A data feed or the evaluator itself that stops delivering within its expected period. */
    WATCHDOG
}
