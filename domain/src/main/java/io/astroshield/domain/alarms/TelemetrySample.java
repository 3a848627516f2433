package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * One telemetry value as received.
 *
 * @param sampledAt on-board or ground-receipt time of the value (UTC)
 * @param value     engineering value in the parameter's SI unit
 */
public record TelemetrySample(String parameter, Instant sampledAt, double value, DataOrigin origin) {
    public TelemetrySample {
        Actor.requireText(parameter, "parameter");
        Objects.requireNonNull(sampledAt, "sampledAt");
        Objects.requireNonNull(origin, "origin");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(parameter + " value: " + value);
        }
    }
}
