package io.astroshield.persistence;

/** Rows removed by one purge, per kind. */
public record PurgeReport(long elementSets, long telemetrySamples, long conjunctionEvents, long eventUpdates,
                          long alarmOccurrences, long outboxRows) {

    public long total() {
        return elementSets + telemetrySamples + conjunctionEvents + eventUpdates + alarmOccurrences + outboxRows;
    }
}
