package io.astroshield.sync.protocol;

import java.time.Instant;

/** {@code POST /api/v1/spacecraft} body; {@code name}, {@code norad_id}, {@code status}, {@code orbit_type} required. */
public record SpacecraftCreate(String name, Integer noradId, String status, String orbitType, Instant launchDate,
                               OrbitalParameters orbitalParameters, PhysicalParameters physicalParameters) {
}
