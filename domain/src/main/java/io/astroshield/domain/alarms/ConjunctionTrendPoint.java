package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * One update of a conjunction event, as recorded for the trend (Pc, miss distance and
 * severity over successive CDMs and re-screens).
 *
 * @param receivedAt    engine clock when the update arrived
 * @param pc            null when the update carried none
 * @param timeToTcaS    seconds from {@code receivedAt} to {@code tca}
 * @param severity      the matrix severity of this update alone, null when no rule matched
 */
public record ConjunctionTrendPoint(String eventId, Instant receivedAt, UpdateSource source, String reference,
                                    Instant tca, double missDistanceM, Double pc, double timeToTcaS,
                                    Severity severity) {
    public ConjunctionTrendPoint {
        Actor.requireText(eventId, "eventId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tca, "tca");
    }
}
