package io.astroshield.domain.alarms;

/**
 * Where the data behind an alarm came from. Only {@code LIVE} alarms annunciate, count
 * towards a flood or reach the backend as commands; the others are tagged and kept apart
 * (their own occurrences, their own summary) so a replay can never pass for the present.
 */
public enum DataOrigin { LIVE, REPLAY, OFFLINE_ANALYSIS }
