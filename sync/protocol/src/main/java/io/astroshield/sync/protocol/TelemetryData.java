package io.astroshield.sync.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The published {@code TelemetryData}: the metrics of one subsystem ({@code power}, {@code thermal},
 * {@code attitude} or {@code communications}) of one spacecraft at one time. Metric names carry their unit
 * where the published example leaves it implicit (volts, amperes, degrees Celsius, percent, dB, dBm, degrees).
 */
public record TelemetryData(long id, long spacecraftId, Instant timestamp, String subsystem,
                            Map<String, Double> metrics) {
    public TelemetryData {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(subsystem, "subsystem");
        // sorted, so that the same sample always serialises to the same JSON
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
