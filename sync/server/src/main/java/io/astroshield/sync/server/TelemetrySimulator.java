package io.astroshield.sync.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic telemetry of a small LEO spacecraft, for demos and tests: a sample is a pure function of the seed,
 * the start time, the spacecraft's NORAD number and the tick, so the same seed and start give the same samples
 * on any machine, in any order, after any restart.
 *
 * <p>Model: a 95 min orbit (about 520 km altitude) whose first 37.5 % is eclipse (2 asin(R_E / r) / 2 pi with
 * R_E 6378 km, r 6898 km, beta angle 0: 35.6 min). Power: 7 Li-ion cells in series, 40 Ah; a 300 W load drawn
 * from the battery in eclipse (depth of discharge about 17 %), recharged at 276 W in sunlight up to 95 %. Thermal:
 * the solar panel follows a first-order lag (time constant 20 min) between +75 C in sunlight and -65 C in
 * eclipse; electronics and battery heater-controlled. Attitude: a fraction of a tenth of a degree of pointing
 * error. Communications: a relay link with about 9 dB of margin. About one orbit in three has one excursion beyond
 * {@link #LIMITS} (a load left on through eclipse, a stuck heater, a wheel disturbance, a fade) so that alarms have
 * something to show.
 */
public final class TelemetrySimulator {
    /** A metric's nominal range; a value outside it is an excursion. */
    public record Limit(double min, double max) {
        boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    /** One subsystem's metrics at one time. */
    public record Sample(Instant at, String subsystem, Map<String, Double> metrics) {
        public Sample {
            metrics = Map.copyOf(metrics);
        }
    }

    /** Units of the metrics, for the documents that describe them. */
    public static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("battery_voltage", "V"), Map.entry("battery_current", "A (positive while charging)"),
            Map.entry("battery_temperature", "Cel"), Map.entry("battery_state_of_charge", "%"),
            Map.entry("solar_array_voltage", "V"), Map.entry("solar_array_current", "A"),
            Map.entry("solar_panel_temperature", "Cel"), Map.entry("electronics_temperature", "Cel"),
            Map.entry("radiator_temperature", "Cel"), Map.entry("attitude_error", "deg"),
            Map.entry("roll", "deg"), Map.entry("pitch", "deg"), Map.entry("yaw", "deg"),
            Map.entry("body_rate", "deg/s"), Map.entry("reaction_wheel_speed", "rpm"),
            Map.entry("link_margin", "dB"), Map.entry("rssi", "dBm"), Map.entry("in_eclipse", "1 or 0"));

    /** Nominal ranges (the simulator's excursions leave them; nominal samples stay inside). */
    public static final Map<String, Limit> LIMITS = Map.of(
            "battery_voltage", new Limit(25.5, 29.5),
            "battery_state_of_charge", new Limit(72, 100),
            "battery_temperature", new Limit(0, 35),
            "electronics_temperature", new Limit(-10, 50),
            "attitude_error", new Limit(0, 0.5),
            "link_margin", new Limit(3, 30),
            "rssi", new Limit(-100, -60));

    private static final double ORBIT_S = Duration.ofMinutes(95).toSeconds();
    private static final double ECLIPSE_S = 0.375 * ORBIT_S;
    private static final int CELLS = 7;
    private static final double CAPACITY_J = 40 * 3600 * CELLS * 3.7;
    private static final double LOAD_W = 300;
    private static final double EXTRA_LOAD_W = 150;
    private static final double CHARGE_W = 300 * 0.92;
    private static final double SOC_MAX = 0.95;
    private static final double PACK_RESISTANCE_OHM = 0.1;
    private static final double CHARGE_VOLTAGE_LIMIT = CELLS * 4.2;
    private static final double PANEL_TAU_S = 20 * 60;
    private static final double PANEL_SUN_C = 75;
    private static final double PANEL_ECLIPSE_C = -65;
    private static final double EXCURSION_PROBABILITY = 1.0 / 3;

    private enum Excursion { NONE, POWER, THERMAL, ATTITUDE, COMMUNICATIONS }

    private final long seed;
    private final Instant start;
    private final Duration interval;

    public TelemetrySimulator(long seed, Instant start, Duration interval) {
        this.seed = seed;
        this.start = Objects.requireNonNull(start, "start");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: " + interval);
        }
        this.interval = interval;
    }

    public Duration interval() {
        return interval;
    }

    /** The time of sample {@code tick} (tick 0 is the start). */
    public Instant timeOf(long tick) {
        return start.plus(interval.multipliedBy(tick));
    }

    /** The last tick at or before {@code t}. */
    public long tickAt(Instant t) {
        return Math.floorDiv(Duration.between(start, t).toNanos(), interval.toNanos());
    }

    /** The four subsystems' samples of spacecraft {@code noradId} at {@code tick}. */
    public List<Sample> samples(int noradId, long tick) {
        Instant at = timeOf(tick);
        // each spacecraft flies its own orbit phase
        double t = Duration.between(start, at).toNanos() / 1e9 + rng(noradId, 0x5048415345L).nextDouble() * ORBIT_S;
        long orbit = (long) Math.floor(t / ORBIT_S);
        double inOrbit = t - orbit * ORBIT_S;
        SplittableRandom plan = rng(noradId, orbit);
        Excursion excursion = plan.nextDouble() < EXCURSION_PROBABILITY
                ? Excursion.values()[1 + plan.nextInt(4)] : Excursion.NONE;
        double windowStart = ECLIPSE_S + plan.nextDouble() * (ORBIT_S - ECLIPSE_S - 30 * 60);
        double windowLength = (10 + plan.nextDouble() * 10) * 60;
        double bump = bump(inOrbit - windowStart, windowLength);
        SplittableRandom noise = rng(noradId, tick ^ 0x4E4F495345L);
        return List.of(
                new Sample(at, "power", power(inOrbit, excursion == Excursion.POWER, noise)),
                new Sample(at, "thermal", thermal(inOrbit, excursion == Excursion.THERMAL ? bump : 0, noise)),
                new Sample(at, "attitude", attitude(inOrbit, excursion == Excursion.ATTITUDE ? bump : 0, noise)),
                new Sample(at, "communications",
                        communications(inOrbit, excursion == Excursion.COMMUNICATIONS ? bump : 0, noise)));
    }

    /** The limited metrics of {@code sample} outside their nominal range. */
    public static Map<String, Double> outOfLimits(Sample sample) {
        Map<String, Double> out = new TreeMap<>();
        sample.metrics().forEach((name, v) -> {
            Limit limit = LIMITS.get(name);
            if (limit != null && !limit.contains(v)) {
                out.put(name, v);
            }
        });
        return out;
    }

    private static Map<String, Double> power(double s, boolean extraLoad, SplittableRandom noise) {
        double eclipseLoad = LOAD_W + (extraLoad ? EXTRA_LOAD_W : 0);
        boolean eclipse = s < ECLIPSE_S;
        double soc;
        double batteryW;
        if (eclipse) {
            soc = SOC_MAX - eclipseLoad * s / CAPACITY_J;
            batteryW = -eclipseLoad;
        } else {
            double low = SOC_MAX - eclipseLoad * ECLIPSE_S / CAPACITY_J;
            soc = Math.min(SOC_MAX, low + CHARGE_W * (s - ECLIPSE_S) / CAPACITY_J);
            batteryW = soc < SOC_MAX ? CHARGE_W : 0;
        }
        double openCircuit = CELLS * (3.40 + 0.75 * soc);
        double current = batteryW == 0 ? 0.1 : batteryW / openCircuit;
        double voltage = Math.min(CHARGE_VOLTAGE_LIMIT, openCircuit + current * PACK_RESISTANCE_OHM);
        double arrayVoltage = eclipse ? 0 : 32.1;
        double arrayCurrent = eclipse ? 0 : (LOAD_W + Math.max(0, batteryW) / 0.92) / arrayVoltage;
        Map<String, Double> m = new TreeMap<>();
        m.put("battery_voltage", round(voltage + 0.02 * noise.nextGaussian(), 3));
        m.put("battery_current", round(current + 0.05 * noise.nextGaussian(), 3));
        m.put("battery_temperature", round(18 + 2.5 * Math.sin(2 * Math.PI * s / ORBIT_S)
                + 0.1 * noise.nextGaussian(), 2));
        m.put("battery_state_of_charge", round(100 * soc, 2));
        m.put("solar_array_voltage", round(eclipse ? 0 : arrayVoltage + 0.05 * noise.nextGaussian(), 3));
        m.put("solar_array_current", round(eclipse ? 0 : arrayCurrent + 0.05 * noise.nextGaussian(), 3));
        return m;
    }

    private static Map<String, Double> thermal(double s, double stuckHeater, SplittableRandom noise) {
        // periodic solution of dT/dt = (T_eq - T) / tau with T_eq switching at eclipse exit and entry
        double a = Math.exp(-ECLIPSE_S / PANEL_TAU_S);
        double b = Math.exp(-(ORBIT_S - ECLIPSE_S) / PANEL_TAU_S);
        double atEclipseEntry = (PANEL_SUN_C * (1 - b) + PANEL_ECLIPSE_C * b * (1 - a)) / (1 - a * b);
        double atEclipseExit = PANEL_ECLIPSE_C + (atEclipseEntry - PANEL_ECLIPSE_C) * a;
        double panel = s < ECLIPSE_S
                ? PANEL_ECLIPSE_C + (atEclipseEntry - PANEL_ECLIPSE_C) * Math.exp(-s / PANEL_TAU_S)
                : PANEL_SUN_C + (atEclipseExit - PANEL_SUN_C) * Math.exp(-(s - ECLIPSE_S) / PANEL_TAU_S);
        double swing = Math.sin(2 * Math.PI * (s - ECLIPSE_S) / ORBIT_S);
        Map<String, Double> m = new TreeMap<>();
        m.put("solar_panel_temperature", round(panel + 0.3 * noise.nextGaussian(), 2));
        m.put("electronics_temperature", round(28 + 4 * swing + 30 * stuckHeater + 0.2 * noise.nextGaussian(), 2));
        m.put("radiator_temperature", round(-5 + 12 * swing + 0.3 * noise.nextGaussian(), 2));
        return m;
    }

    private static Map<String, Double> attitude(double s, double disturbance, SplittableRandom noise) {
        double phase = 2 * Math.PI * s / ORBIT_S;
        double roll = 0.02 * Math.sin(phase) + 0.01 * noise.nextGaussian() + 1.8 * disturbance;
        double pitch = 0.015 * Math.cos(phase) + 0.01 * noise.nextGaussian() + 1.2 * disturbance;
        double yaw = 0.01 * noise.nextGaussian();
        Map<String, Double> m = new TreeMap<>();
        m.put("roll", round(roll, 4));
        m.put("pitch", round(pitch, 4));
        m.put("yaw", round(yaw, 4));
        m.put("attitude_error", round(Math.sqrt(roll * roll + pitch * pitch + yaw * yaw), 4));
        m.put("body_rate", round(Math.abs(0.001 * noise.nextGaussian()) + 0.05 * disturbance, 4));
        m.put("reaction_wheel_speed", round(2000 + 800 * Math.sin(phase) - 1500 * disturbance
                + 5 * noise.nextGaussian(), 1));
        m.put("in_eclipse", s < ECLIPSE_S ? 1.0 : 0.0);
        return m;
    }

    private static Map<String, Double> communications(double s, double fade, SplittableRandom noise) {
        double geometry = Math.cos(2 * Math.PI * s / ORBIT_S);
        Map<String, Double> m = new TreeMap<>();
        m.put("link_margin", round(9 + 2 * geometry - 10 * fade + 0.3 * noise.nextGaussian(), 2));
        m.put("rssi", round(-92 + 2 * geometry - 12 * fade + 0.3 * noise.nextGaussian(), 2));
        return m;
    }

    /** 0 outside the window, 1 on its plateau, with 3 min ramps at either end. */
    private static double bump(double sinceStart, double length) {
        double ramp = 180;
        if (sinceStart <= 0 || sinceStart >= length) {
            return 0;
        }
        return Math.min(1, Math.min(sinceStart, length - sinceStart) / ramp);
    }

    private SplittableRandom rng(int noradId, long salt) {
        return new SplittableRandom(mix(mix(mix(seed) ^ noradId) ^ salt));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
