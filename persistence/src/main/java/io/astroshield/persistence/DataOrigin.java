package io.astroshield.persistence;

/**
 * Where data came from (DESIGN.md, alarm model): alarms computed on replayed or offline-analysis
 * data never annunciate as live.
 */
public enum DataOrigin {
    LIVE, OFFLINE, REPLAY
}
