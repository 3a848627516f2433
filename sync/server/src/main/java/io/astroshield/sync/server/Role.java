package io.astroshield.sync.server;

import java.util.Locale;
import java.util.Optional;

/** The roles a user or service holds; exactly one per account. The wire name is the lower-case name. */
public enum Role {
    VIEWER, OPERATOR, ANALYST, SUPERVISOR, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role r : values()) {
            if (r.wireName().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
