package io.astroshield.sync.protocol;

import java.time.Instant;

/** The published {@code Spacecraft}. {@code status} is {@code active|inactive}, {@code orbit_type} {@code LEO|MEO|GEO|HEO}. */
public record Spacecraft(long id, String name, int noradId, String status, String orbitType, Instant launchDate,
                         Instant lastUpdated, OrbitalParameters orbitalParameters,
                         PhysicalParameters physicalParameters) {
}
