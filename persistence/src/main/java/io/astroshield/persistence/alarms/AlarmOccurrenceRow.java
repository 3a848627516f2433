package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;

import java.time.Instant;
import java.util.Objects;

/**
 * One alarm occurrence as the store keeps it; the state machine that moves it lives in the domain.
 *
 * @param definitionId   the definition it belongs to, or null
 * @param eventId        the conjunction event it is about, or null
 * @param subject        what a person reads ("25544 vs 48274, TCA 2026-11-23T04:12:09.113Z")
 * @param origin         live, offline analysis or replay: only LIVE annunciates as live
 * @param ackedSeverity  the severity that was acknowledged, or null
 * @param shelvedUntil   end of shelving, or null when not shelved
 */
public record AlarmOccurrenceRow(Long definitionId, Long eventId, String subject, DataOrigin origin, AlarmState state,
                                 AlarmSeverity severity, AlarmSeverity ackedSeverity, boolean latched,
                                 Instant raisedAt, Instant updatedAt, Instant acknowledgedAt, String acknowledgedBy,
                                 Instant shelvedUntil, String shelvedBy, String shelveReason, Instant clearedAt) {
    public AlarmOccurrenceRow {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (shelvedUntil != null && (shelveReason == null || shelveReason.isBlank())) {
            throw new IllegalArgumentException("shelving needs a reason");
        }
    }

    /** A copy acknowledged by {@code who} at {@code at}: ACK_ACTIVE from UNACK_ACTIVE, CLEARED from UNACK_RTN. */
    public AlarmOccurrenceRow acknowledged(String who, Instant at) {
        if (!state.unacknowledged()) {
            throw new IllegalStateException("not unacknowledged: " + state);
        }
        AlarmState next = state == AlarmState.UNACK_ACTIVE ? AlarmState.ACK_ACTIVE : AlarmState.CLEARED;
        return new AlarmOccurrenceRow(definitionId, eventId, subject, origin, next, severity, severity, latched,
                raisedAt, at, at, who, shelvedUntil, shelvedBy, shelveReason,
                next == AlarmState.CLEARED ? at : clearedAt);
    }
}
