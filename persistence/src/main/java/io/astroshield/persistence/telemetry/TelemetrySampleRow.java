package io.astroshield.persistence.telemetry;

import java.time.Instant;
import java.util.Objects;

/** One value of a telemetry point, in the point's unit. */
public record TelemetrySampleRow(String spacecraftId, String pointName, Instant sampleTime, double value,
                                 SampleQuality quality, Instant receivedAt) {
    public TelemetrySampleRow {
        Objects.requireNonNull(spacecraftId, "spacecraftId");
        Objects.requireNonNull(pointName, "pointName");
        Objects.requireNonNull(sampleTime, "sampleTime");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
