package io.astroshield.domain.alarms;

/** What produced a conjunction update. */
public enum UpdateSource {
    /** A conjunction data message (CCSDS CDM), usually with Pc. */
    CDM,
    /** The workstation's own screening, with or without Pc. */
    SCREENING
}
