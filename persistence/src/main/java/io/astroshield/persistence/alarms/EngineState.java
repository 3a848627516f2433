package io.astroshield.persistence.alarms;

/**
 * The alarm engine's counters for one device ({@code alarm_engine_state}).
 *
 * @param lastAuditSequence       highest audit sequence written, 0 if none
 * @param lastOpId                highest outbox op id written, 0 if none
 * @param activeTelemetryLimitSet telemetry limit set last activated at run time, null if never
 */
public record EngineState(long lastAuditSequence, long lastOpId, String activeTelemetryLimitSet) {

    public static final EngineState INITIAL = new EngineState(0, 0, null);

    public EngineState {
        if (lastAuditSequence < 0 || lastOpId < 0) {
            throw new IllegalArgumentException("negative counters: " + lastAuditSequence + ", " + lastOpId);
        }
    }
}
