package io.astroshield.domain.alarms;

/** Why an operator action was refused. Every refusal is audited. */
public enum Refusal {
    NOT_PERMITTED,
    NO_SUCH_ALARM,
    COMMENT_REQUIRED,
    REASON_REQUIRED,
    ALREADY_ACKNOWLEDGED,
    NOT_ACKNOWLEDGED,
    NOT_LATCHING,
    CONDITION_ACTIVE,
    NOT_SHELVED,
    SHELVE_TOO_LONG,
    NO_SUCH_LIMIT_SET
}
