package io.astroshield.persistence.telemetry;

import java.util.Objects;

/** A telemetry point of a spacecraft; {@code unit} is what its values and limits are in. */
public record TelemetryPointRow(String spacecraftId, String pointName, String unit, String description) {
    public TelemetryPointRow {
        Objects.requireNonNull(spacecraftId, "spacecraftId");
        Objects.requireNonNull(pointName, "pointName");
    }
}
