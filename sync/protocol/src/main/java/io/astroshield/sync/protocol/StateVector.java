package io.astroshield.sync.protocol;

import java.time.Instant;
import java.util.List;

/** Position (km) and velocity (km/s), three components each, at {@code epoch}. */
public record StateVector(List<Double> position, List<Double> velocity, Instant epoch) {
}
