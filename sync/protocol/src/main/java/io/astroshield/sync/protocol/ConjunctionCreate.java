package io.astroshield.sync.protocol;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/conjunctions}, an extension of the published API (which only reads conjunctions):
 * the {@code Conjunction} fields the server does not assign. {@code primary_object.id} names a known spacecraft.
 */
public record ConjunctionCreate(ConjunctionObject primaryObject, ConjunctionObject secondaryObject, Instant tca,
                                Double missDistance, Double collisionProbability, Double relativeVelocity,
                                List<List<Double>> covariancePrimary, List<List<Double>> covarianceSecondary) {
}
