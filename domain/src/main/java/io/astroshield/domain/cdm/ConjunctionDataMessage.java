package io.astroshield.domain.cdm;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Our record of one CCSDS Conjunction Data Message. SI units throughout; absent optional
 * values are {@code OptionalDouble.empty()} or null as documented, never 0.
 *
 * @param messageId                  MESSAGE_ID
 * @param originator                 ORIGINATOR
 * @param creationDate               CREATION_DATE (UTC)
 * @param tca                        time of closest approach (UTC)
 * @param missDistanceM              MISS_DISTANCE in metres, >= 0
 * @param relativeSpeedMps           RELATIVE_SPEED in m/s (optional in the standard)
 * @param relativePositionM          RELATIVE_POSITION_R/T/N in metres (object 2 minus object 1 in
 *                                   object 1's RTN frame), or null when absent
 * @param relativeVelocityMps        RELATIVE_VELOCITY_R/T/N in m/s, or null when absent
 * @param collisionProbability       COLLISION_PROBABILITY in [0, 1]
 * @param collisionProbabilityMethod COLLISION_PROBABILITY_METHOD (e.g. "FOSTER-1992"), or null
 * @param hardBodyRadiusM            combined hard-body radius in metres, from a
 *                                   {@code COMMENT HBR = ...} in the relative metadata (CARA convention)
 * @param object1                    OBJECT1
 * @param object2                    OBJECT2
 * @param rawText                    the text the record was read from, or null for a record built by code
 */
public record ConjunctionDataMessage(
        String messageId,
        String originator,
        Instant creationDate,
        Instant tca,
        double missDistanceM,
        OptionalDouble relativeSpeedMps,
        RtnVector relativePositionM,
        RtnVector relativeVelocityMps,
        OptionalDouble collisionProbability,
        String collisionProbabilityMethod,
        OptionalDouble hardBodyRadiusM,
        CdmObject object1,
        CdmObject object2,
        String rawText) {

    public ConjunctionDataMessage {
        CdmText.requireValue("messageId", messageId);
        CdmText.requireValue("originator", originator);
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(tca, "tca");
        if (!(missDistanceM >= 0 && Double.isFinite(missDistanceM))) {
            throw new IllegalArgumentException("missDistanceM: " + missDistanceM);
        }
        CdmText.requireNonNegative("relativeSpeedMps", relativeSpeedMps);
        Objects.requireNonNull(collisionProbability, "collisionProbability (use OptionalDouble.empty())");
        if (collisionProbability.isPresent()
                && !(collisionProbability.getAsDouble() >= 0 && collisionProbability.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("collisionProbability: " + collisionProbability.getAsDouble());
        }
        CdmText.requireOptionalValue("collisionProbabilityMethod", collisionProbabilityMethod);
        CdmText.requireNonNegative("hardBodyRadiusM", hardBodyRadiusM);
        Objects.requireNonNull(object1, "object1");
        Objects.requireNonNull(object2, "object2");
    }

    /**
     * The combined hard-body radius in metres: the message's own HBR when given, else the sum
     * of both objects' radii when both are given (the usual combination for spheres).
     */
    public OptionalDouble combinedHardBodyRadiusM() {
        if (hardBodyRadiusM.isPresent()) {
            return hardBodyRadiusM;
        }
        if (object1.hardBodyRadiusM().isPresent() && object2.hardBodyRadiusM().isPresent()) {
            return OptionalDouble.of(object1.hardBodyRadiusM().getAsDouble() + object2.hardBodyRadiusM().getAsDouble());
        }
        return OptionalDouble.empty();
    }

    public ConjunctionDataMessage withRawText(String newRawText) {
        return new ConjunctionDataMessage(messageId, originator, creationDate, tca, missDistanceM, relativeSpeedMps,
                relativePositionM, relativeVelocityMps, collisionProbability, collisionProbabilityMethod,
                hardBodyRadiusM, object1, object2, newRawText);
    }

    public ConjunctionDataMessage withObjects(CdmObject newObject1, CdmObject newObject2) {
        return new ConjunctionDataMessage(messageId, originator, creationDate, tca, missDistanceM, relativeSpeedMps,
                relativePositionM, relativeVelocityMps, collisionProbability, collisionProbabilityMethod,
                hardBodyRadiusM, newObject1, newObject2, rawText);
    }

    public ConjunctionDataMessage withCollisionProbability(OptionalDouble pc, String method) {
        return new ConjunctionDataMessage(messageId, originator, creationDate, tca, missDistanceM, relativeSpeedMps,
                relativePositionM, relativeVelocityMps, pc, method, hardBodyRadiusM, object1, object2, rawText);
    }
}
