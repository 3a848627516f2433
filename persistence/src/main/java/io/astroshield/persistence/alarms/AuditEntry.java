package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit record: who did what to which alarm or limit, from where, when (DESIGN.md, alarm model).
 *
 * @param deviceTime   the device's clock when it happened
 * @param serverTime   the server's time, when the record came from the server; null for a local record
 *                     (its server receipt is kept apart, the record itself never changes)
 * @param actor        user name
 * @param role         the actor's role (viewer, operator, analyst, supervisor, admin)
 * @param deviceId     the workstation's device id
 * @param origin       live, offline analysis or replay
 * @param action       RAISE, ACKNOWLEDGE, SHELVE, UNSHELVE, RESET, COMMENT, LIMIT_CHANGE, ...
 * @param occurrenceId the occurrence concerned, or null
 * @param definitionId the definition concerned, or null
 * @param subject      what it was about, in words
 * @param detail       free text (reason, old and new limits, comment)
 */
public record AuditEntry(Instant deviceTime, Instant serverTime, String actor, String role, String deviceId,
                         DataOrigin origin, String action, Long occurrenceId, Long definitionId, String subject,
                         String detail) {
    public AuditEntry {
        Objects.requireNonNull(deviceTime, "deviceTime");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(action, "action");
    }
}
