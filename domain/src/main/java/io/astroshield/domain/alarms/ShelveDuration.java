package io.astroshield.domain.alarms;

import java.time.Duration;
import java.util.Optional;

/**
 * The fixed menu of shelve durations. A free-form duration invites "shelve for a year";
 * a menu keeps shelving a short, deliberate act (ISA-18.2: shelving is time-limited).
 */
public enum ShelveDuration {
    FIVE_MINUTES(Duration.ofMinutes(5)),
    FIFTEEN_MINUTES(Duration.ofMinutes(15)),
    ONE_HOUR(Duration.ofHours(1)),
    FOUR_HOURS(Duration.ofHours(4)),
    EIGHT_HOURS(Duration.ofHours(8)),
    /** Until a manual unshelve; supervisors only. */
    UNLIMITED(null);

    private final Duration duration;

    ShelveDuration(Duration duration) {
        this.duration = duration;
    }

    /** The duration, empty for {@link #UNLIMITED}. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }
}
