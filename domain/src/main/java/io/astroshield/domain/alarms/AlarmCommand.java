package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An operator action that must reach the backend, as an outbox entry (DESIGN.md, sync: alarm
 * actions travel as commands the server's alarm state machine accepts or rejects). Written
 * in the same unit of work as the state change and the audit event it comes from.
 *
 * @param opId         strictly increasing per device, starting at 1; (deviceId, opId) is the dedup key
 * @param occurrenceId the occurrence acted on, null for limit and disposition commands
 * @param subject      alarm key, conjunction event id or limit set name
 * @param arguments    command arguments (comment, reason, duration, limits, ...), as text
 */
public record AlarmCommand(String deviceId, long opId, Type type, UUID occurrenceId, String subject,
                           String user, Role role, Instant deviceTime, Map<String, String> arguments) {

    public enum Type {
        ACKNOWLEDGE, SHELVE, UNSHELVE, RESET, SET_DISPOSITION, ASSIGN,
        CHANGE_TELEMETRY_LIMITS, ACTIVATE_TELEMETRY_LIMIT_SET, CHANGE_CONJUNCTION_LIMITS
    }

    public AlarmCommand {
        Actor.requireText(deviceId, "deviceId");
        if (opId < 1) {
            throw new IllegalArgumentException("opId: " + opId);
        }
        Objects.requireNonNull(type, "type");
        Actor.requireText(subject, "subject");
        Actor.requireText(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(deviceTime, "deviceTime");
        arguments = Map.copyOf(arguments);
    }
}
