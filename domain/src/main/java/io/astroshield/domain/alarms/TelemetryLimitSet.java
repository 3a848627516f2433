package io.astroshield.domain.alarms;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named set of limits, one entry per parameter (e.g. "NOMINAL", "SAFE_MODE"): one set is
 * active at a time, so limits follow the spacecraft's mode.
 */
public record TelemetryLimitSet(String name, Map<String, ParameterLimits> limits) {
    public TelemetryLimitSet {
        Actor.requireText(name, "name");
        // sorted, so toString (used as the audited old/new value) is stable
        limits = java.util.Collections.unmodifiableMap(new TreeMap<>(limits));
    }

    public Optional<ParameterLimits> limitsOf(String parameter) {
        return Optional.ofNullable(limits.get(parameter));
    }

    public TelemetryLimitSet with(String parameter, ParameterLimits newLimits) {
        Map<String, ParameterLimits> copy = new TreeMap<>(limits);
        copy.put(parameter, newLimits);
        return new TelemetryLimitSet(name, copy);
    }
}
