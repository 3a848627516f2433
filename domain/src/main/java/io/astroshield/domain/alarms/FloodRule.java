package io.astroshield.domain.alarms;

import java.time.Duration;

/**
 * When the annunciation rate becomes a flood: it begins when at least {@code beginAt} live
 * annunciations fall within the sliding {@code window}, and ends when fewer than
 * {@code endBelow} do. Annunciations are new occurrences, re-activations, escalations and
 * shelve expiries of LIVE, unshelved alarms.
 */
public record FloodRule(int beginAt, int endBelow, Duration window) {

    /**
     * ISA-18.2 as commonly applied per operator console: a flood begins with more than 10 alarms
     * in 10 minutes and ends when fewer than 5 fall in 10 minutes (see docs/alarms.md).
     */
    public static final FloodRule ISA_18_2 = new FloodRule(11, 5, Duration.ofMinutes(10));

    public FloodRule {
        if (beginAt < 1 || endBelow < 1 || endBelow > beginAt) {
            throw new IllegalArgumentException("need 1 <= endBelow <= beginAt: " + endBelow + ", " + beginAt);
        }
        SeverityRule.requirePositive(window, "window");
    }
}
