package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest acknowledgement of an occurrence. Kept after an escalation so the console can
 * say who acknowledged the lower level; the state tells whether it still holds.
 *
 * @param severity the severity that was acknowledged; a rise above it needs a new acknowledgement
 * @param comment  operator comment, may be empty
 */
public record Acknowledgement(String user, Role role, Instant at, Severity severity, String comment) {
    public Acknowledgement {
        Actor.requireText(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(severity, "severity");
        comment = comment == null ? "" : comment;
    }
}
