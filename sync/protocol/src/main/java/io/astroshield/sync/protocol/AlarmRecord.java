package io.astroshield.sync.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One shared alarm (change-log entity {@code alarm}): the server's alarm state machine's record of what consoles
 * did to one alarm, so that every console shows the same acknowledgement, shelve, assignment and reset. The server
 * has no alarm data: consoles' occurrences meet in one record by key, a telemetry or watchdog alarm by
 * {@code definition_id} and {@code subject}, a conjunction alarm by {@code definition_id}, pair (either order) and
 * a TCA within {@link #TCA_MATCH_WINDOW} of the record's {@code latest_tca} (DESIGN.md: one occurrence per event);
 * among the records of one key, {@link #episodeFor} says which one an occurrence belongs to. The server and the
 * consoles both decide with these methods. Times of actions are the acting device's clock ({@code device_time}) and
 * the server's ({@code server_time}).
 *
 * @param subject      telemetry: the alarm key's subject (the parameter); conjunction: the first console's event id
 * @param latestTca    conjunction alarms: the latest TCA a console acting on it had; absent for other alarms
 * @param episodeStart the earliest trigger time of the occurrences acted on
 * @param lastActionAt the latest device time of an action applied
 * @param version      1 for the first action, one more per applied action
 * @param ackSeverity  the severity the acknowledgement covers (a higher one needs a new acknowledgement)
 * @param shelvedUntil absent with {@code shelved} present: shelved until unshelved (supervisors only)
 */
public record AlarmRecord(long id, String definitionId, String subject, Integer primaryId, Integer secondaryId,
                          Instant latestTca, Instant episodeStart, Instant lastActionAt, long version,
                          Stamp acknowledged, String ackSeverity, String ackComment,
                          Stamp shelved, String shelveReason, Instant shelvedUntil,
                          Stamp unshelved, Stamp assigned, String assignee, Stamp reset) {

    /** The conjunction event matching window of DESIGN.md: updates within 5 minutes of the latest TCA. */
    public static final Duration TCA_MATCH_WINDOW = Duration.ofMinutes(5);

    /** Who did an action: the token's user and role (lower case) at apply time, the device, and both times. */
    public record Stamp(String user, String role, String device, Instant deviceTime, Instant serverTime) {
        public Stamp {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(deviceTime, "deviceTime");
            Objects.requireNonNull(serverTime, "serverTime");
        }
    }

    public boolean conjunction() {
        return primaryId != null;
    }

    /** The key a conjunction record is found by: definition and pair, lower NORAD id first. */
    public static String conjunctionKey(String definitionId, int primary, int secondary) {
        return definitionId + "/" + Math.min(primary, secondary) + "x" + Math.max(primary, secondary);
    }

    /** The key a telemetry or watchdog record is found by: definition and subject. */
    public static String telemetryKey(String definitionId, String subject) {
        return definitionId + "/" + subject;
    }

    /** This record's key, as {@link #conjunctionKey} or {@link #telemetryKey} make it. */
    public String key() {
        return conjunction() ? conjunctionKey(definitionId, primaryId, secondaryId)
                : telemetryKey(definitionId, subject);
    }

    /** Of the same conjunction event: same definition and pair, TCA within the matching window. */
    public boolean sameEvent(String definition, int primary, int secondary, Instant tca) {
        return conjunction() && key().equals(conjunctionKey(definition, primary, secondary))
                && Duration.between(latestTca, tca).abs().compareTo(TCA_MATCH_WINDOW) <= 0;
    }

    /**
     * Whether an occurrence of this record's key that triggered at {@code triggeredAt} can be the one it is about:
     * a reset record covers what triggered up to the reset; an open conjunction record its whole event (one
     * occurrence per event); an open telemetry record what triggered up to its last action (a later trigger is a
     * new episode of the parameter).
     */
    public boolean covers(Instant triggeredAt) {
        if (reset != null) {
            return !triggeredAt.isAfter(reset.deviceTime());
        }
        return conjunction() || !triggeredAt.isAfter(lastActionAt);
    }

    /**
     * The record among {@code sameKey} (the records of one key, of one event for conjunctions) that an occurrence
     * triggered at {@code triggeredAt} belongs to: of those that {@link #covers} it, the one whose episode started
     * last before it, else (a console whose occurrence triggered a little before the first console's) the earliest.
     * Empty: the occurrence starts a new episode.
     */
    public static Optional<AlarmRecord> episodeFor(Collection<AlarmRecord> sameKey, Instant triggeredAt) {
        Objects.requireNonNull(triggeredAt, "triggeredAt");
        Comparator<AlarmRecord> byStart = Comparator.comparing(AlarmRecord::episodeStart)
                .thenComparingLong(AlarmRecord::id);
        Optional<AlarmRecord> startedBefore = sameKey.stream().filter(r -> r.covers(triggeredAt))
                .filter(r -> !r.episodeStart().isAfter(triggeredAt)).max(byStart);
        return startedBefore.isPresent() ? startedBefore
                : sameKey.stream().filter(r -> r.covers(triggeredAt)).min(byStart);
    }
}
