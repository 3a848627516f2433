package io.astroshield.sync.protocol;

/**
 * The published body of {@code PUT /api/v1/spacecraft/{spacecraft_id}}: the fields to change; an absent field (or
 * element) keeps its value. The NORAD number cannot change.
 */
public record SpacecraftUpdate(String name, String status, String orbitType, OrbitalParameters orbitalParameters,
                               PhysicalParameters physicalParameters) {
}
