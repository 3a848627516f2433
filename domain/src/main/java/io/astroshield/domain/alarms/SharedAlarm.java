package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * The backend's word on one alarm every console shares (DESIGN.md, sync: alarm actions travel as commands the
 * server's alarm state machine accepts or rejects): what is acknowledged, shelved, assigned or reset, and by whom.
 * Which occurrence of this console it concerns is the sync client's matching (by key, pair and TCA, episode), not
 * this value's.
 *
 * @param id           the backend's id of the record
 * @param acknowledged the acknowledgement in force, null if none; {@code ackSeverity} is the level it covers
 * @param shelved      the shelve in force, null if none ({@code shelvedUntil} null: unlimited)
 * @param unshelved    the last manual unshelve, null if none
 * @param assigned     the last assignment, null if none ({@code assignee} null: taken back)
 * @param reset        the reset that closed the alarm, null while open
 */
public record SharedAlarm(long id, RemoteStamp acknowledged, Severity ackSeverity, String ackComment,
                          RemoteStamp shelved, String shelveReason, Instant shelvedUntil,
                          RemoteStamp unshelved, RemoteStamp assigned, String assignee, RemoteStamp reset) {

    public SharedAlarm {
        if ((acknowledged == null) != (ackSeverity == null)) {
            throw new IllegalArgumentException("an acknowledgement has a severity, and only an acknowledgement");
        }
        if (shelved != null) {
            Actor.requireText(shelveReason, "shelveReason");
            if (shelvedUntil != null && !shelvedUntil.isAfter(shelved.deviceTime())) {
                throw new IllegalArgumentException("shelve ends " + shelvedUntil + " before it starts");
            }
        }
        ackComment = ackComment == null ? "" : ackComment;
        assignee = assignee == null || assignee.isBlank() ? null : assignee;
    }

    /** Shelved at {@code now}: a shelve in force that has not run out. */
    public boolean shelvedAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return shelved != null && (shelvedUntil == null || now.isBefore(shelvedUntil));
    }
}
