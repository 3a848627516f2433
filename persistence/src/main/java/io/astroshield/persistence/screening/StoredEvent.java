package io.astroshield.persistence.screening;

import java.time.Instant;

/**
 * A conjunction event with its latest update's values.
 *
 * @param id               event id
 * @param primaryNorad     primary's catalog number
 * @param secondaryNorad   secondary's catalog number
 * @param status           open or closed
 * @param firstRecordedAt  when the first update was recorded
 * @param lastRecordedAt   when the latest update was recorded
 * @param closedAt         when it was closed, or null
 * @param updateCount      number of updates
 * @param tca              latest TCA
 * @param missDistanceM    latest miss distance, metres
 * @param relativeSpeedMps latest relative speed, m/s
 * @param pc               latest Pc, or null
 * @param pcMax            latest maximum Pc, or null
 * @param pcMethod         latest Pc method, or null
 * @param encounter        latest encounter kind
 * @param latest           the latest update in full (miss vector in RTN, element-set ages, covariance source)
 */
public record StoredEvent(long id, int primaryNorad, int secondaryNorad, EventStatus status, Instant firstRecordedAt,
                          Instant lastRecordedAt, Instant closedAt, int updateCount, Instant tca, double missDistanceM,
                          double relativeSpeedMps, Double pc, Double pcMax, String pcMethod,
                          EncounterKind encounter, ConjunctionObservation latest) {
}
