package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.UUID;

/**
 * The engine's working copy of an open occurrence. Mutable so a telemetry sample costs a
 * few field writes, not a new record; {@link #snapshot()} is what leaves the engine.
 */
final class LiveOccurrence {
    final UUID id;
    final AlarmKey key;
    final AlarmSource source;
    final boolean latching;
    final double triggerValue;
    final Instant triggeredAt;
    AlarmState state;
    boolean conditionActive;
    Severity severity;
    Severity mostSevere;
    double currentValue;
    double mostSevereValue;
    Instant updatedAt;
    Instant clearedAt;
    Acknowledgement acknowledgement;
    Shelving shelving;
    Quality quality;
    boolean chattering;
    String assignee;
    /** Start of the current normal spell while an off-delay runs; not stored (restarts with the engine). */
    Instant normalSince;

    LiveOccurrence(UUID id, AlarmKey key, AlarmSource source, boolean latching, Severity severity, double value,
                   Quality quality, Instant now) {
        this.id = id;
        this.key = key;
        this.source = source;
        this.latching = latching;
        this.triggerValue = value;
        this.triggeredAt = now;
        this.state = AlarmState.UNACK_ACTIVE;
        this.conditionActive = true;
        this.severity = severity;
        this.mostSevere = severity;
        this.currentValue = value;
        this.mostSevereValue = value;
        this.updatedAt = now;
        this.quality = quality;
    }

    static LiveOccurrence of(AlarmOccurrence o) {
        LiveOccurrence l = new LiveOccurrence(o.id(), o.key(), o.source(), o.latching(), o.severity(), o.triggerValue(),
                o.quality(), o.triggeredAt());
        l.state = o.state();
        l.conditionActive = o.conditionActive();
        l.mostSevere = o.mostSevere();
        l.currentValue = o.currentValue();
        l.mostSevereValue = o.mostSevereValue();
        l.updatedAt = o.updatedAt();
        l.clearedAt = o.clearedAt();
        l.acknowledgement = o.acknowledgement();
        l.shelving = o.shelving();
        l.chattering = o.chattering();
        l.assignee = o.assignee();
        return l;
    }

    AlarmOccurrence snapshot() {
        return new AlarmOccurrence(id, key, source, latching, state, conditionActive, severity, mostSevere,
                triggerValue, currentValue, mostSevereValue, triggeredAt, updatedAt, clearedAt,
                acknowledgement, shelving, quality, chattering, assignee);
    }

    /** State and severity as the audit records them, e.g. {@code ACK_ACTIVE/WARNING latched}. */
    String stateText() {
        String text = state + "/" + severity;
        if (latching && !conditionActive && state != AlarmState.NORMAL) {
            text += " latched";
        }
        return shelving == null ? text : text + " shelved";
    }
}
