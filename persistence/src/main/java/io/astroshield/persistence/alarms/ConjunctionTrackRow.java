package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;

import java.time.Instant;
import java.util.Objects;

/**
 * A conjunction event as the alarm engine follows it, in {@code alarm_conjunction_track}.
 *
 * @param lastPc        Pc of the latest update, null when it carried none
 * @param alarmSeverity severity the alarm is being fed, null when the event is not in alarm
 */
public record ConjunctionTrackRow(String eventId, int primaryNorad, int secondaryNorad, DataOrigin origin,
                                  Instant firstTca, Instant latestTca, String limitSetName, String disposition,
                                  Double lastPc, double lastMissDistanceM, AlarmSeverity alarmSeverity,
                                  int updatesWithoutSeverity, int updateCount, boolean closed) {
    public ConjunctionTrackRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(firstTca, "firstTca");
        Objects.requireNonNull(latestTca, "latestTca");
        Objects.requireNonNull(limitSetName, "limitSetName");
        Objects.requireNonNull(disposition, "disposition");
    }
}
