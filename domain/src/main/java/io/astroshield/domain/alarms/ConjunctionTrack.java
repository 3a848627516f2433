package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * One conjunction event as the alarm engine follows it across updates: the pair, the latest
 * TCA (updates within 5 minutes of it belong to this event), the last assessment and the
 * disposition. The update history is in {@link AlarmStore#trend}.
 *
 * @param eventId                stable id, also the subject of the event's alarm occurrences
 * @param lastPc                 Pc of the latest update, null when it carried none
 * @param lastMissDistanceM      miss distance of the latest update
 * @param alarmSeverity          severity the alarm is being fed, null when the event is not in alarm
 * @param updatesWithoutSeverity consecutive latest updates for which no matrix rule matched
 * @param updateCount            updates received
 * @param closed                 TCA plus grace has passed; the track takes no more updates
 */
public record ConjunctionTrack(String eventId, int primaryId, int secondaryId, DataOrigin origin,
                               Instant firstTca, Instant latestTca, String limitSetName,
                               Disposition disposition, Double lastPc, double lastMissDistanceM,
                               Severity alarmSeverity, int updatesWithoutSeverity, int updateCount,
                               boolean closed) {
    public ConjunctionTrack {
        Actor.requireText(eventId, "eventId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(firstTca, "firstTca");
        Objects.requireNonNull(latestTca, "latestTca");
        Actor.requireText(limitSetName, "limitSetName");
        Objects.requireNonNull(disposition, "disposition");
        if (updatesWithoutSeverity < 0 || updateCount < 0) {
            throw new IllegalArgumentException("negative counts");
        }
    }
}
