package io.astroshield.persistence.screening;

/** A conjunction event is open until the alarm logic or the analyst closes it (after TCA + grace). */
public enum EventStatus {
    OPEN, CLOSED
}
