package io.astroshield.persistence.screening;

/** Where a screening run stands. */
public enum RunStatus {
    RUNNING, COMPLETED, CANCELLED, FAILED
}
