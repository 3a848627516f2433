package io.astroshield.domain.alarms;

/** What an audit event records. Transitions carry the old and new state (and severity) as values. */
public enum AuditAction {
    TRIGGERED, SEVERITY_CHANGED, ESCALATED, RETURNED_TO_NORMAL, REACTIVATED,
    ACKNOWLEDGED, SHELVED, UNSHELVED, SHELVE_EXPIRED, RESET,
    QUALITY_CHANGED, CHATTER_DETECTED, FLOOD_BEGAN, FLOOD_ENDED,
    LIMITS_CHANGED, LIMIT_SET_ACTIVATED, DISPOSITION_CHANGED, ASSIGNED
}
