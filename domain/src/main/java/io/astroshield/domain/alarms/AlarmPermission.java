package io.astroshield.domain.alarms;

import java.util.Objects;

/** What a role may do to alarms; each permission is held by its minimum role and every role above. */
public enum AlarmPermission {
    ACKNOWLEDGE(Role.OPERATOR),
    /** Shelve for a duration from the menu, up to the definition's maximum shelve time. */
    SHELVE(Role.OPERATOR),
    /** Shelve without time limit, or longer than the definition's maximum. */
    SHELVE_UNLIMITED(Role.SUPERVISOR),
    RESET_LATCHED(Role.SUPERVISOR),
    CHANGE_LIMITS(Role.SUPERVISOR),
    SET_DISPOSITION(Role.OPERATOR),
    /** Say who works an alarm (or take it back). */
    ASSIGN(Role.OPERATOR);

    private final Role minimumRole;

    AlarmPermission(Role minimumRole) {
        this.minimumRole = Objects.requireNonNull(minimumRole);
    }

    public Role minimumRole() {
        return minimumRole;
    }
}
