package io.astroshield.sync.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The published {@code Conjunction}: miss distance in km, relative velocity in km/s, covariances as 3×3
 * matrices, times in UTC.
 */
public record Conjunction(long id, ConjunctionObject primaryObject,
                          ConjunctionObject secondaryObject,
                          Instant tca, double missDistance, Double collisionProbability, Double relativeVelocity,
                          List<List<Double>> covariancePrimary, List<List<Double>> covarianceSecondary,
                          Instant createdAt, Instant updatedAt) {
}
