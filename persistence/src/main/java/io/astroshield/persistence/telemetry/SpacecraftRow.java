package io.astroshield.persistence.telemetry;

import java.time.Instant;
import java.util.Objects;

/** A spacecraft we operate (its id as the backend API names it: {@code spacecraft_id}). */
public record SpacecraftRow(String spacecraftId, String name, Integer noradId, String mission, Instant createdAt) {
    public SpacecraftRow {
        Objects.requireNonNull(spacecraftId, "spacecraftId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
