package io.astroshield.persistence.cdm;

import java.time.Instant;
import java.util.Objects;

/**
 * A conjunction data message as the store keeps it: the raw text as received and the parsed
 * fields an analyst filters on.
 *
 * @param messageId        MESSAGE_ID
 * @param originator       ORIGINATOR
 * @param creationDate     CREATION_DATE (UTC)
 * @param tca              TCA (UTC)
 * @param missDistanceM    MISS_DISTANCE in metres
 * @param relativeSpeedMps RELATIVE_SPEED in m/s, or null when absent
 * @param hbrM             hard-body radius in metres, or null when the message does not give one
 * @param pc               COLLISION_PROBABILITY, or null when absent
 * @param pcMethod         COLLISION_PROBABILITY_METHOD, or null
 * @param format           "KVN" or "XML"
 * @param rawText          the message exactly as read
 * @param source           file the message came from, or null
 */
public record CdmRow(String messageId, String originator, Instant creationDate, Instant tca, double missDistanceM,
                     Double relativeSpeedMps, CdmObjectRow object1, CdmObjectRow object2, Double hbrM, Double pc,
                     String pcMethod, String format, String rawText, String source) {
    public CdmRow {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(tca, "tca");
        Objects.requireNonNull(object1, "object1");
        Objects.requireNonNull(object2, "object2");
        Objects.requireNonNull(rawText, "rawText");
        if (!"KVN".equals(format) && !"XML".equals(format)) {
            throw new IllegalArgumentException("format: " + format);
        }
        if (!(missDistanceM >= 0)) {
            throw new IllegalArgumentException("missDistanceM: " + missDistanceM);
        }
        if (pc != null && !(pc >= 0 && pc <= 1)) {
            throw new IllegalArgumentException("pc: " + pc);
        }
    }
}
