package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One alarm engine audit event as the store appends it to {@code audit_record}.
 *
 * @param sequence       strictly increasing per device, from 1
 * @param occurrenceUuid the occurrence concerned, null for engine-wide events (flood, limits)
 * @param action         the engine's audit action (TRIGGERED, ACKNOWLEDGED, ...)
 * @param actor          user name, {@code alarm-engine} for automatic transitions
 * @param actorRole      lower-case role ("operator"), {@link #ENGINE_ROLE} for automatic transitions
 * @param comment        what the person wrote, stored in the V3 column {@code detail}
 * @param refusal        why the action was refused, null when it was carried out
 * @param actorOffline   the person acted while the console was offline
 * @param actorDevice    the device the person acted on when another console made the transition, else null
 */
public record AuditEventRow(long sequence, String deviceId, Instant deviceTime, Instant serverTime,
                            UUID occurrenceUuid, String subject, String action, String actor, String actorRole,
                            DataOrigin origin, String oldValue, String newValue, String comment, String refusal,
                            boolean actorOffline, String actorDevice) {

    /** The role stored for the engine's own transitions (the V3 column is NOT NULL). */
    public static final String ENGINE_ROLE = "system";

    /** A row of the engine or of a person at this console. */
    public AuditEventRow(long sequence, String deviceId, Instant deviceTime, Instant serverTime, UUID occurrenceUuid,
                         String subject, String action, String actor, String actorRole, DataOrigin origin,
                         String oldValue, String newValue, String comment, String refusal, boolean actorOffline) {
        this(sequence, deviceId, deviceTime, serverTime, occurrenceUuid, subject, action, actor, actorRole, origin,
                oldValue, newValue, comment, refusal, actorOffline, null);
    }

    /** A row of the engine or of a connected person. */
    public AuditEventRow(long sequence, String deviceId, Instant deviceTime, Instant serverTime, UUID occurrenceUuid,
                         String subject, String action, String actor, String actorRole, DataOrigin origin,
                         String oldValue, String newValue, String comment, String refusal) {
        this(sequence, deviceId, deviceTime, serverTime, occurrenceUuid, subject, action, actor, actorRole, origin,
                oldValue, newValue, comment, refusal, false);
    }

    public AuditEventRow {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence: " + sequence);
        }
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceTime, "deviceTime");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(comment, "comment");
    }
}
