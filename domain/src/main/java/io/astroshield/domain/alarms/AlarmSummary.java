package io.astroshield.domain.alarms;

import java.util.Objects;

/**
 * The alarm banner for one data origin: how many open occurrences are unacknowledged,
 * acknowledged and shelved, each with its highest severity, plus the flags a console shows
 * next to them. Shelved occurrences count only as shelved.
 *
 * @param stale      open occurrences whose data quality is STALE
 * @param chattering open occurrences flagged as chattering
 * @param latched    open occurrences waiting for a supervisor's reset
 * @param flood      the annunciation rate is above the flood rule (LIVE only)
 */
public record AlarmSummary(DataOrigin origin, Count unacknowledged, Count acknowledged, Count shelved,
                           int stale, int chattering, int latched, boolean flood) {

    /** How many, and the highest severity among them (null when none). */
    public record Count(int count, Severity highest) {
        public static final Count NONE = new Count(0, null);

        public Count {
            if (count < 0 || (count == 0) != (highest == null)) {
                throw new IllegalArgumentException("count " + count + " with highest " + highest);
            }
        }

        Count plus(Severity severity) {
            return new Count(count + 1, Severity.max(highest, severity));
        }
    }

    public AlarmSummary {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(unacknowledged, "unacknowledged");
        Objects.requireNonNull(acknowledged, "acknowledged");
        Objects.requireNonNull(shelved, "shelved");
    }
}
