package io.astroshield.persistence.alarms;

/** ISA-18.2 states an occurrence is stored in; NORMAL is the absence of an open occurrence. */
public enum AlarmState {
    UNACK_ACTIVE, ACK_ACTIVE, UNACK_RTN, CLEARED;

    /** True while somebody still has to acknowledge it. */
    public boolean unacknowledged() {
        return this == UNACK_ACTIVE || this == UNACK_RTN;
    }
}
