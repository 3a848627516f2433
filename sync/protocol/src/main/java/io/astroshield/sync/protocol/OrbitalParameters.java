package io.astroshield.sync.protocol;

import java.time.Instant;

/** Keplerian elements as published: semi-major axis in km, angles in degrees. Any field may be absent. */
public record OrbitalParameters(Double semiMajorAxis, Double eccentricity, Double inclination, Double raan,
                                Double argumentOfPerigee, Double meanAnomaly, Instant epoch) {
}
