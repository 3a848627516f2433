package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One alarm episode, from trigger to clear (Yamcs: an alarm occurrence), as an immutable
 * snapshot. Values are in the unit of the monitored quantity (telemetry: the parameter's SI
 * unit; conjunction: Pc, NaN when the update carried none; watchdog: seconds of silence).
 *
 * @param conditionActive  the monitored condition is currently abnormal
 * @param latching         copied from the definition at trigger time
 * @param severity         current severity
 * @param mostSevere       highest severity reached during the occurrence
 * @param mostSevereValue  value when {@code mostSevere} was first reached
 * @param clearedAt        when the occurrence reached NORMAL, null while open
 * @param acknowledgement  latest acknowledgement, null if never acknowledged
 * @param shelving         current shelve, null if not shelved
 * @param chattering       the key activated at least the chatter rule's count within its window
 * @param assignee         who is working the alarm, null when nobody is assigned
 */
public record AlarmOccurrence(UUID id, AlarmKey key, AlarmSource source, boolean latching,
                              AlarmState state, boolean conditionActive,
                              Severity severity, Severity mostSevere,
                              double triggerValue, double currentValue, double mostSevereValue,
                              Instant triggeredAt, Instant updatedAt, Instant clearedAt,
                              Acknowledgement acknowledgement, Shelving shelving,
                              Quality quality, boolean chattering, String assignee) {

    /** An unassigned occurrence. */
    public AlarmOccurrence(UUID id, AlarmKey key, AlarmSource source, boolean latching, AlarmState state,
                           boolean conditionActive, Severity severity, Severity mostSevere, double triggerValue,
                           double currentValue, double mostSevereValue, Instant triggeredAt, Instant updatedAt,
                           Instant clearedAt, Acknowledgement acknowledgement, Shelving shelving, Quality quality,
                           boolean chattering) {
        this(id, key, source, latching, state, conditionActive, severity, mostSevere, triggerValue, currentValue,
                mostSevereValue, triggeredAt, updatedAt, clearedAt, acknowledgement, shelving, quality, chattering, null);
    }

    public AlarmOccurrence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(mostSevere, "mostSevere");
        Objects.requireNonNull(triggeredAt, "triggeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(quality, "quality");
        if (severity.isAbove(mostSevere)) {
            throw new IllegalArgumentException("severity " + severity + " above most severe " + mostSevere);
        }
        if ((state == AlarmState.NORMAL) != (clearedAt != null)) {
            throw new IllegalArgumentException("clearedAt must be set exactly when the state is NORMAL");
        }
    }

    public boolean cleared() {
        return state == AlarmState.NORMAL;
    }

    public boolean acknowledged() {
        return state == AlarmState.ACK_ACTIVE;
    }

    public boolean shelved() {
        return shelving != null;
    }

    /** A latching alarm whose condition has gone and which waits for a supervisor's reset. */
    public boolean latched() {
        return latching && !conditionActive && !cleared();
    }

    /** Demands the operator's attention now: live data, unacknowledged, not shelved. */
    public boolean annunciating() {
        return key.origin() == DataOrigin.LIVE && state.unacknowledged() && shelving == null;
    }
}
