package io.astroshield.sync.server;

import java.util.Objects;

/** Who is calling, as proved by a verified token. */
public record Principal(String username, Role role) {
    public Principal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
