package io.astroshield.persistence.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * One graded update of a conjunction event, in {@code alarm_conjunction_trend}.
 *
 * @param updateSource CDM or SCREENING
 * @param pc           null when the update carried none
 * @param timeToTcaS   seconds from {@code receivedAt} to {@code tca}
 * @param severity     the matrix severity of this update alone, null when no rule matched
 */
public record TrendPointRow(String eventId, Instant receivedAt, String updateSource, String reference, Instant tca,
                            double missDistanceM, Double pc, double timeToTcaS, AlarmSeverity severity) {
    public TrendPointRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(updateSource, "updateSource");
        Objects.requireNonNull(tca, "tca");
    }
}
