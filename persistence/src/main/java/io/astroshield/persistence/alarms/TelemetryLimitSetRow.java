package io.astroshield.persistence.alarms;

import java.util.List;
import java.util.Objects;

/**
 * A telemetry limit set changed at run time ({@code alarm_telemetry_limit_set} and its
 * {@code alarm_telemetry_limit} rows). A null limit is an absent one.
 */
public record TelemetryLimitSetRow(String name, List<Limits> limits) {

    /** The yellow and red limits of one parameter, in its SI unit; null where there is no such limit. */
    public record Limits(String parameter, Double redLow, Double yellowLow, Double yellowHigh, Double redHigh) {
        public Limits {
            Objects.requireNonNull(parameter, "parameter");
        }
    }

    public TelemetryLimitSetRow {
        Objects.requireNonNull(name, "name");
        limits = List.copyOf(limits);
    }
}
