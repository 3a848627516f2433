package io.astroshield.domain.alarms;

import java.util.List;

/**
 * What the engine needs from the store to rebuild itself after a restart.
 *
 * @param openOccurrences         occurrences not yet cleared, in any state
 * @param openTracks              conjunction tracks not yet closed
 * @param telemetryLimitSets      limit sets changed at run time; they replace the configured ones of the same name
 * @param conjunctionLimitSets    likewise for conjunction limit sets
 * @param activeTelemetryLimitSet last activated telemetry limit set, null if never changed at run time
 * @param lastAuditSequence       highest audit sequence written by this device, 0 if none
 * @param lastOpId                highest outbox op id written by this device, 0 if none
 */
public record StoredAlarms(List<AlarmOccurrence> openOccurrences, List<ConjunctionTrack> openTracks,
                           List<TelemetryLimitSet> telemetryLimitSets, List<ConjunctionLimitSet> conjunctionLimitSets,
                           String activeTelemetryLimitSet, long lastAuditSequence, long lastOpId) {
    public StoredAlarms {
        openOccurrences = List.copyOf(openOccurrences);
        openTracks = List.copyOf(openTracks);
        telemetryLimitSets = List.copyOf(telemetryLimitSets);
        conjunctionLimitSets = List.copyOf(conjunctionLimitSets);
        if (lastAuditSequence < 0 || lastOpId < 0) {
            throw new IllegalArgumentException("negative counters: " + lastAuditSequence + ", " + lastOpId);
        }
    }

    public static StoredAlarms empty() {
        return new StoredAlarms(List.of(), List.of(), List.of(), List.of(), null, 0, 0);
    }
}
