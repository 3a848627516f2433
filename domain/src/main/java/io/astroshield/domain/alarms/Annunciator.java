package io.astroshield.domain.alarms;

/**
 * What makes an alarm heard: the console's horn and flashing row. Called after the change
 * that caused it is committed, on the engine's thread, only for LIVE unshelved alarms.
 */
@FunctionalInterface
public interface Annunciator {

    enum Reason { NEW, REACTIVATED, ESCALATED, SHELVE_EXPIRED }

    Annunciator SILENT = (occurrence, reason) -> { };

    void annunciate(AlarmOccurrence occurrence, Reason reason);
}
