package io.astroshield.domain.alarms;

import java.util.Objects;

/**
 * A person acting on alarms at a console: who, in which role, from which device.
 *
 * @param user   account name as the backend knows it
 * @param role   the role the session holds
 * @param device  the workstation's device id (the sync outbox uses the same id)
 * @param offline the console was not connected to the backend: the role is the last one the backend verified
 */
public record Actor(String user, Role role, String device, boolean offline) {

    /** Someone acting while the console is connected (or with no backend at all). */
    public Actor(String user, Role role, String device) {
        this(user, role, device, false);
    }

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
