package io.astroshield.domain.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Shared set-up: one console, people in each role, a battery-voltage parameter with limits. */
final class AlarmFixtures {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final String DEVICE = "console-1";
    static final Actor VIEWER = new Actor("vera", Role.VIEWER, DEVICE);
    static final Actor OPERATOR = new Actor("olga", Role.OPERATOR, DEVICE);
    static final Actor ANALYST = new Actor("anil", Role.ANALYST, DEVICE);
    static final Actor SUPERVISOR = new Actor("sam", Role.SUPERVISOR, DEVICE);

    /** Bus voltage in volts: red below 24 or above 34, yellow below 26 or above 33 (illustrative limits). */
    static final String BATT = "BATT_V";
    static final ParameterLimits BATT_LIMITS = new ParameterLimits(24, 26, 33, 34);
    static final double BATT_DEADBAND_V = 0.5;
    static final Duration STALE_AFTER = Duration.ofSeconds(10);
    static final TelemetryLimitSet NOMINAL = new TelemetryLimitSet("NOMINAL", Map.of(BATT, BATT_LIMITS));

    private AlarmFixtures() {
    }

    static AlarmDefinition batteryDefinition() {
        return AlarmDefinition.telemetry("tm.batt", BATT, BATT_DEADBAND_V, STALE_AFTER);
    }

    static AlarmConfiguration.Builder config(AlarmDefinition telemetryDefinition) {
        return AlarmConfiguration.builder(DEVICE)
                .define(telemetryDefinition)
                .define(AlarmDefinition.conjunction("conjunction"))
                .telemetryLimitSet(NOMINAL);
    }

    static AlarmKey battKey(DataOrigin origin) {
        return new AlarmKey("tm.batt", BATT, origin);
    }
}
