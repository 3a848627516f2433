package io.astroshield.persistence.telemetry;

import java.time.Instant;
import java.util.Objects;

/** The limits of one point, valid from {@code validFrom} until the next limit set of that point. */
public record LimitSetRow(String spacecraftId, String pointName, Instant validFrom, LimitRange watch,
                          LimitRange warning, LimitRange distress, LimitRange critical, LimitRange severe,
                          String changedBy, Instant changedAt) {
    public LimitSetRow {
        Objects.requireNonNull(spacecraftId, "spacecraftId");
        Objects.requireNonNull(pointName, "pointName");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(distress, "distress");
        Objects.requireNonNull(critical, "critical");
        Objects.requireNonNull(severe, "severe");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
