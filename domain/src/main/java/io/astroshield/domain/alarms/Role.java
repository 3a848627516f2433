package io.astroshield.domain.alarms;

/**
 * The roles of the AstroShield API (DESIGN.md, reference server), lowest first. Alarm
 * permissions are granted from a minimum role upwards ({@link AlarmPermission}).
 */
public enum Role {
    VIEWER, OPERATOR, ANALYST, SUPERVISOR, ADMIN;

    public boolean may(AlarmPermission permission) {
        return compareTo(permission.minimumRole()) >= 0;
    }
}
