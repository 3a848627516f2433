package io.astroshield.domain.alarms;

/**
 * What the team decided about a conjunction event. Kept apart from the alarm state: a
 * planned maneuver does not acknowledge the alarm, and acknowledging does not decide anything.
 */
public enum Disposition {
    NOT_ASSESSED, UNDER_REVIEW, MONITORING, MANEUVER_PLANNED, MANEUVER_EXECUTED, NO_ACTION
}
