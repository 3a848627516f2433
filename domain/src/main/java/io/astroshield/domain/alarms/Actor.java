package io.astroshield.domain.alarms;

import java.util.Objects;

/**
 * A person acting on alarms at a console: who, in which role, from which device.
 *
 * @param user   account name as the backend knows it
 * @param role   the role the session holds
 * @param device the workstation's device id (the sync outbox uses the same id)
 */
public record Actor(String user, Role role, String device) {
    public Actor {
        requireText(user, "user");
        Objects.requireNonNull(role, "role");
        requireText(device, "device");
    }

    static String requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return text;
    }
}
