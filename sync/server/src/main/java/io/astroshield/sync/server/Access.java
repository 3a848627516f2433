package io.astroshield.sync.server;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a route requires. Every route in {@link ApiRoutes} names one: {@link #PUBLIC} (no token), or the set of
 * roles allowed (a valid token with another role gets 403).
 */
public record Access(boolean isPublic, Set<Role> roles) {
    public static final Access PUBLIC = new Access(true, Set.of());
    /** Any signed-in role: reading reference data. */
    public static final Access ANY_ROLE = roles(Role.values());
    /** Writing reference data (catalog, conjunctions): not viewers. */
    public static final Access EDIT_REFERENCE_DATA =
            roles(Role.OPERATOR, Role.ANALYST, Role.SUPERVISOR, Role.ADMIN);

    public Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (!isPublic && roles.isEmpty()) {
            throw new IllegalArgumentException("a protected route must allow at least one role");
        }
    }

    public static Access roles(Role... allowed) {
        return new Access(false, Set.of(allowed));
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
