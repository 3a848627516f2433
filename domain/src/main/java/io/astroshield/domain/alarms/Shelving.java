package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * Who hid an alarm from annunciation, why, and until when.
 *
 * @param until end of the shelve, or null for an unlimited shelve
 */
public record Shelving(String user, Role role, String reason, Instant since, Instant until) {
    public Shelving {
        Actor.requireText(user, "user");
        Objects.requireNonNull(role, "role");
        Actor.requireText(reason, "reason");
        Objects.requireNonNull(since, "since");
        if (until != null && !until.isAfter(since)) {
            throw new IllegalArgumentException("shelve ends " + until + " before it starts " + since);
        }
    }

    public boolean unlimited() {
        return until == null;
    }

    public boolean expiredAt(Instant now) {
        return until != null && !now.isBefore(until);
    }
}
