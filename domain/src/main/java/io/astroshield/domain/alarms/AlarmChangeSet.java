package io.astroshield.domain.alarms;

import java.util.List;

/**
 * Everything one engine operation changed, to be written by {@link AlarmStore#commit} in one
 * unit of work (one H2 transaction): occurrences upserted by id, audit and outbox appended,
 * conjunction tracks upserted by event id with their new trend points appended, limit sets
 * upserted by name.
 *
 * @param activeTelemetryLimitSet the newly activated telemetry limit set, null when unchanged
 */
public record AlarmChangeSet(List<AlarmOccurrence> occurrences, List<AuditEvent> audit,
                             List<AlarmCommand> outbox, List<ConjunctionTrack> tracks,
                             List<ConjunctionTrendPoint> trend, List<TelemetryLimitSet> telemetryLimitSets,
                             List<ConjunctionLimitSet> conjunctionLimitSets, String activeTelemetryLimitSet) {
    public AlarmChangeSet {
        occurrences = List.copyOf(occurrences);
        audit = List.copyOf(audit);
        outbox = List.copyOf(outbox);
        tracks = List.copyOf(tracks);
        trend = List.copyOf(trend);
        telemetryLimitSets = List.copyOf(telemetryLimitSets);
        conjunctionLimitSets = List.copyOf(conjunctionLimitSets);
    }

    public boolean isEmpty() {
        return occurrences.isEmpty() && audit.isEmpty() && outbox.isEmpty() && tracks.isEmpty()
                && trend.isEmpty() && telemetryLimitSets.isEmpty() && conjunctionLimitSets.isEmpty()
                && activeTelemetryLimitSet == null;
    }
}
