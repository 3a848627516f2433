package io.astroshield.app.workstation;

import io.astroshield.domain.alarms.Actor;
import io.astroshield.domain.alarms.Role;

import java.time.Instant;
import java.util.Objects;

/**
 * Who is at the console. {@code verifiedAt} is when the backend last confirmed user and role; while offline the
 * console keeps working as the last verified identity of this device, and says so. A store that never talked to a
 * backend runs as the local account ({@code verifiedAt} null).
 */
public record Identity(String user, Role role, String device, Instant verifiedAt, boolean online) {
    public Identity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(device, "device");
    }

    public Actor actor() {
        return new Actor(user, role, device, offline());
    }

    /** True when the identity was not confirmed by the backend in this session (audited as offline). */
    public boolean offline() {
        return !online;
    }

    /** For the status bar: "ana (operator, offline: verified 2026-11-20 08:12Z)". */
    public String describe() {
        String role = this.role.name().toLowerCase(java.util.Locale.ROOT);
        if (online) {
            return user + " (" + role + ")";
        }
        if (verifiedAt == null) {
            return user + " (" + role + ", local account, no backend)";
        }
        return user + " (" + role + ", offline: last verified " + Formats.utcMinutes(verifiedAt) + ")";
    }
}
