package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One alarm engine occurrence as the store keeps it in {@code alarm_occurrence} (the V3 columns and
 * those V6 added). Values are in the unit of the watched quantity; NaN is stored as NaN.
 *
 * @param uuid               the engine's occurrence id
 * @param definitionKey      the engine's definition id
 * @param source             TELEMETRY, CONJUNCTION or WATCHDOG
 * @param latching           copied from the definition at trigger time
 * @param raisedAt           when it triggered
 * @param acknowledgedBy     latest acknowledgement, null if never acknowledged (with its role, time, severity, comment)
 * @param shelvedBy          current shelve, null if not shelved (with its role, reason, since and until)
 * @param shelvedUntil       end of the shelve, null for an unlimited one
 * @param quality            GOOD or STALE
 * @param assignee           who works the alarm, null when nobody
 */
public record EngineOccurrenceRow(UUID uuid, String definitionKey, String subject, DataOrigin origin, String source,
                                  boolean latching, AlarmState state, boolean conditionActive,
                                  AlarmSeverity severity, AlarmSeverity mostSevere,
                                  double triggerValue, double currentValue, double mostSevereValue,
                                  Instant raisedAt, Instant updatedAt, Instant clearedAt,
                                  String acknowledgedBy, String acknowledgedRole, Instant acknowledgedAt,
                                  AlarmSeverity ackedSeverity, String acknowledgedComment,
                                  String shelvedBy, String shelvedRole, String shelveReason, Instant shelvedSince,
                                  Instant shelvedUntil, String quality, boolean chattering, String assignee) {
    public EngineOccurrenceRow {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(definitionKey, "definitionKey");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(mostSevere, "mostSevere");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(quality, "quality");
        if ((acknowledgedBy == null) != (acknowledgedAt == null)) {
            throw new IllegalArgumentException("an acknowledgement has both who and when, or neither");
        }
        if ((shelvedBy == null) != (shelvedSince == null)) {
            throw new IllegalArgumentException("a shelve has both who and since, or neither");
        }
    }

    /** True when the occurrence waits for a supervisor's reset (the V3 column {@code latched}). */
    public boolean latched() {
        return latching && !conditionActive && state != AlarmState.CLEARED;
    }
}
