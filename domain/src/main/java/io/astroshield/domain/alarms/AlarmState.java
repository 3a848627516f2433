package io.astroshield.domain.alarms;

/**
 * The ISA-18.2 alarm states of DESIGN.md. {@code NORMAL} is the state of a cleared
 * occurrence: once an occurrence reaches it, it is history and a new condition starts a new
 * occurrence. A latching alarm whose condition has gone keeps {@code UNACK_ACTIVE} or
 * {@code ACK_ACTIVE} (ISA-18.2: latched alarms stay annunciated until reset) with
 * {@link AlarmOccurrence#conditionActive()} false.
 */
public enum AlarmState {
    NORMAL, UNACK_ACTIVE, ACK_ACTIVE, UNACK_RTN;

    public boolean unacknowledged() {
        return this == UNACK_ACTIVE || this == UNACK_RTN;
    }
}
