package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One append-only audit record: every transition, every operator action (accepted or
 * refused) and every limit change (DESIGN.md, alarm model).
 *
 * @param sequence     strictly increasing per device, starting at 1
 * @param deviceId     the workstation that wrote it
 * @param deviceTime   the device's clock when it happened
 * @param serverTime   the backend's time once synced; always null when written locally
 * @param occurrenceId the occurrence concerned, null for engine-wide events (flood, limits)
 * @param subject      alarm key, conjunction event id or limit set concerned
 * @param user         person who acted, or {@link #ENGINE} for automatic transitions
 * @param role         the person's role, null for the engine
 * @param origin       origin of the data concerned; configuration changes are LIVE, they govern live evaluation
 * @param oldValue     before (state/severity, limits, disposition), empty when not applicable
 * @param newValue     after; for a refused action, what was requested
 * @param comment      what the person wrote (ack comment, shelve reason), may be empty
 * @param refusal      why the action was refused, null when it was carried out
 * @param actorOffline the person acted while the console was offline (role as last verified by the backend)
 * @param actorDevice  the device the person acted on when it is not {@code deviceId}: a transition another console
 *                     made, taken from the backend's shared alarm state (then {@code deviceTime} is that device's
 *                     time of the action and {@code serverTime} when the backend applied it); null otherwise
 */
public record AuditEvent(long sequence, String deviceId, Instant deviceTime, Instant serverTime,
                         UUID occurrenceId, String subject, AuditAction action,
                         String user, Role role, DataOrigin origin,
                         String oldValue, String newValue, String comment, Refusal refusal,
                         boolean actorOffline, String actorDevice) {

    /** The user name of automatic transitions. */
    public static final String ENGINE = "alarm-engine";

    /** An event of the engine or of a person at this console. */
    public AuditEvent(long sequence, String deviceId, Instant deviceTime, Instant serverTime, UUID occurrenceId,
                      String subject, AuditAction action, String user, Role role, DataOrigin origin, String oldValue,
                      String newValue, String comment, Refusal refusal, boolean actorOffline) {
        this(sequence, deviceId, deviceTime, serverTime, occurrenceId, subject, action, user, role, origin, oldValue,
                newValue, comment, refusal, actorOffline, null);
    }

    /** An event of the engine or of a connected person. */
    public AuditEvent(long sequence, String deviceId, Instant deviceTime, Instant serverTime, UUID occurrenceId,
                      String subject, AuditAction action, String user, Role role, DataOrigin origin, String oldValue,
                      String newValue, String comment, Refusal refusal) {
        this(sequence, deviceId, deviceTime, serverTime, occurrenceId, subject, action, user, role, origin, oldValue,
                newValue, comment, refusal, false);
    }

    public AuditEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence: " + sequence);
        }
        Actor.requireText(deviceId, "deviceId");
        Objects.requireNonNull(deviceTime, "deviceTime");
        Actor.requireText(subject, "subject");
        Objects.requireNonNull(action, "action");
        Actor.requireText(user, "user");
        Objects.requireNonNull(origin, "origin");
        oldValue = oldValue == null ? "" : oldValue;
        newValue = newValue == null ? "" : newValue;
        comment = comment == null ? "" : comment;
        if (actorDevice != null && actorDevice.isBlank()) {
            throw new IllegalArgumentException("actorDevice must be null or not blank");
        }
    }

    /** The device the person acted on: {@link #actorDevice()} for a remote transition, else this device. */
    public String actingDevice() {
        return actorDevice == null ? deviceId : actorDevice;
    }

    /** A transition another console made, applied here from the backend's shared alarm state. */
    public boolean remote() {
        return actorDevice != null;
    }

    public boolean refused() {
        return refusal != null;
    }
}
