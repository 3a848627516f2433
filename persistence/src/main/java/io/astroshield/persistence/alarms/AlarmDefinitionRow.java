package io.astroshield.persistence.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * An alarm definition: what it watches, its chatter control, and its rule (limits or the
 * Pc x time-to-TCA x miss matrix) in the domain's own text form.
 *
 * @param onDelayS  seconds a violation must last before the alarm activates
 * @param offDelayS seconds a return to normal must last before the alarm returns to normal
 * @param deadband  in the watched value's unit
 */
public record AlarmDefinitionRow(String name, AlarmKind kind, String spacecraftId, String pointName, boolean latching,
                                 int minViolations, double deadband, double onDelayS, double offDelayS,
                                 String ruleText, boolean enabled, Instant updatedAt) {
    public AlarmDefinitionRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (minViolations < 1) {
            throw new IllegalArgumentException("minViolations: " + minViolations);
        }
        if (!(deadband >= 0) || !(onDelayS >= 0) || !(offDelayS >= 0)) {
            throw new IllegalArgumentException("deadband and delays must be >= 0");
        }
    }
}
