package io.astroshield.app.telemetry;

import io.astroshield.domain.alarms.ParameterLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo's simulated spacecraft: a LEO bus on a 95-minute orbit with a 35 % eclipse, sampled deterministically
 * (the same instant always gives the same values, so live view, replay and tests agree). Values are physically
 * plausible, not a model of any real vehicle: battery voltage sags in eclipse and recovers in sun, panel
 * temperature swings with the eclipse, and two scheduled excursions a day give the alarm pane something real to
 * show (an attitude-error spike every 6 h, a deep battery sag once a day).
 */
public final class DemoSpacecraft {

    /** One telemetry parameter of the demo spacecraft with its unit and nominal limits. */
    public record Parameter(String name, String label, String unit, ParameterLimits limits, double deadband) {
    }

    public static final String SPACECRAFT_ID = "DEMO-SAT-1";
    public static final String FEED = "demo-telemetry";
    public static final Duration CADENCE = Duration.ofSeconds(1);

    public static final Parameter BATTERY_VOLTAGE = new Parameter("BATT_V", "Battery voltage", "V",
            new ParameterLimits(24.0, 25.5, 32.5, 33.5), 0.2);
    public static final Parameter BATTERY_TEMPERATURE = new Parameter("BATT_T", "Battery temperature", "°C",
            new ParameterLimits(-5, 0, 35, 40), 0.5);
    public static final Parameter PANEL_TEMPERATURE = new Parameter("PANEL_T", "Solar panel temperature", "°C",
            new ParameterLimits(-95, -85, 95, 105), 1.0);
    public static final Parameter ATTITUDE_ERROR = new Parameter("ATT_ERR", "Attitude error", "deg",
            new ParameterLimits(Double.NaN, Double.NaN, 0.5, 1.0), 0.05);
    public static final Parameter LINK_MARGIN = new Parameter("LINK_MARGIN", "Downlink margin", "dB",
            new ParameterLimits(0, 3, Double.NaN, Double.NaN), 0.3);

    public static final List<Parameter> PARAMETERS = List.of(BATTERY_VOLTAGE, BATTERY_TEMPERATURE, PANEL_TEMPERATURE,
            ATTITUDE_ERROR, LINK_MARGIN);

    private static final double ORBIT_S = 95 * 60;
    private static final double ECLIPSE_FRACTION = 0.35;

    private DemoSpacecraft() {
    }

    /** The value of {@code p} at {@code t} (whole seconds are what the feed samples). */
    public static double value(Parameter p, Instant t) {
        long s = t.getEpochSecond();
        double phase = (s % (long) ORBIT_S) / ORBIT_S;
        boolean eclipse = phase >= 1 - ECLIPSE_FRACTION;
        // time into (or since) eclipse, 0..1 of the eclipse/sun arc
        double arc = eclipse ? (phase - (1 - ECLIPSE_FRACTION)) / ECLIPSE_FRACTION : phase / (1 - ECLIPSE_FRACTION);
        double noise = noise(p.name(), s);
        long secondOfDay = Math.floorMod(s, 86_400L);
        if (p == BATTERY_VOLTAGE) {
            double v = eclipse ? 28.2 - 2.0 * arc : 26.2 + 3.6 * (1 - Math.exp(-arc * 6));
            if (eclipse && secondOfDay >= 40_000 && secondOfDay < 46_000) {
                v -= 1.3 * Math.sin(Math.PI * arc); // deep-discharge orbit once a day: sags under 25.5 V
            }
            return v + 0.03 * noise;
        }
        if (p == BATTERY_TEMPERATURE) {
            return 17 + 4 * Math.sin(2 * Math.PI * phase) + 0.1 * noise;
        }
        if (p == PANEL_TEMPERATURE) {
            double temperature = eclipse ? 70 - 135 * (1 - Math.exp(-arc * 3)) : -60 + 130 * (1 - Math.exp(-arc * 4));
            return temperature + 0.5 * noise;
        }
        if (p == ATTITUDE_ERROR) {
            long sinceSpike = Math.floorMod(s, 6 * 3600L);
            double base = 0.03 + 0.01 * Math.abs(noise);
            // a reaction-wheel momentum dump every 6 h: 4 minutes above the 0.5 deg yellow limit
            return sinceSpike < 240 ? base + 0.7 * Math.sin(Math.PI * sinceSpike / 240.0) : base;
        }
        if (p == LINK_MARGIN) {
            // relay link: margin follows the relay geometry over the orbit, 5..11 dB
            return 8 + 3 * Math.sin(2 * Math.PI * phase) + 0.2 * noise;
        }
        throw new IllegalArgumentException("not a demo parameter: " + p.name());
    }

    public static Parameter parameter(String name) {
        return PARAMETERS.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a demo parameter: " + name));
    }

    /** Deterministic noise in [-1, 1] from the parameter and the second (SplitMix64 finaliser). */
    private static double noise(String parameter, long second) {
        long z = second * 0x9E3779B97F4A7C15L + parameter.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return ((z >>> 11) * 0x1.0p-53) * 2 - 1;
    }
}
