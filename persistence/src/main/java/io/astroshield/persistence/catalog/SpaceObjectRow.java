package io.astroshield.persistence.catalog;

import io.astroshield.domain.catalog.ObjectType;

import java.time.Instant;
import java.util.Objects;

/**
 * A catalogued object as the store keeps it.
 *
 * @param noradId        catalog number (0..339999)
 * @param name           latest known name, or null
 * @param intlDesignator international designator, or null
 * @param objectType     payload, rocket body, debris or unknown
 * @param hbrM           hard-body radius in metres, or null when unknown
 * @param updatedAt      when the row last changed
 */
public record SpaceObjectRow(int noradId, String name, String intlDesignator, ObjectType objectType, Double hbrM,
                             Instant updatedAt) {
    public SpaceObjectRow {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (hbrM != null && !(hbrM > 0)) {
            throw new IllegalArgumentException("hbrM: " + hbrM);
        }
    }
}
