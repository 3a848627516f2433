package io.astroshield.domain.alarms;

import java.time.Duration;

/**
 * When an alarm chatters: {@code activations} or more activations of the same key within the
 * sliding {@code window}. The flag goes on the occurrence and into the audit so the alarm can
 * be rationalised (deadband, delays, minimum violations).
 */
public record ChatterRule(int activations, Duration window) {

    /** Three or more activations in one minute, the usual starting criterion (see docs/alarms.md). */
    public static final ChatterRule DEFAULT = new ChatterRule(3, Duration.ofMinutes(1));

    public ChatterRule {
        if (activations < 2) {
            throw new IllegalArgumentException("a single activation cannot chatter: " + activations);
        }
        SeverityRule.requirePositive(window, "window");
    }
}
