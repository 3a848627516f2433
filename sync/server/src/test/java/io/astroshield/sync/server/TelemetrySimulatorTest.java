package io.astroshield.sync.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The telemetry simulator: deterministic, physically plausible, with occasional excursions beyond its limits. */
class TelemetrySimulatorTest {
    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration TEN_S = Duration.ofSeconds(10);
    /** Ticks of 10 s in one 95 min orbit. */
    private static final long ORBIT_TICKS = 570;
    private static final int NORAD = 99001;

    @Test
    void sameSeedAndStartGiveTheSameSamplesInAnyOrderAndAnotherSeedDoesNot() {
        // given two simulators built alike and one with another seed
        TelemetrySimulator a = new TelemetrySimulator(42, START, TEN_S);
        TelemetrySimulator b = new TelemetrySimulator(42, START, TEN_S);
        TelemetrySimulator other = new TelemetrySimulator(43, START, TEN_S);
        // when b is asked backwards (no hidden state may depend on the order of calls)
        List<TelemetrySimulator.Sample> forward = new ArrayList<>();
        List<TelemetrySimulator.Sample> backward = new ArrayList<>();
        for (long tick = 0; tick < 1000; tick++) {
            forward.addAll(a.samples(NORAD, tick));
        }
        for (long tick = 999; tick >= 0; tick--) {
            backward.addAll(0, b.samples(NORAD, tick));
        }
        // then
        assertThat(backward).isEqualTo(forward);
        assertThat(forward.get(0).at()).isEqualTo(START);
        assertThat(forward.get(4).at()).isEqualTo(START.plus(TEN_S));
        assertThat(forward).extracting(TelemetrySimulator.Sample::subsystem).startsWith("power", "thermal",
                "attitude", "communications");
        assertThat(other.samples(NORAD, 10)).isNotEqualTo(a.samples(NORAD, 10));
    }

    @Test
    void tickAtAndTimeOfAreInverseOnTheCadence() {
        TelemetrySimulator sim = new TelemetrySimulator(1, START, TEN_S);
        assertThat(sim.tickAt(START.plusSeconds(25))).isEqualTo(2);
        assertThat(sim.tickAt(START.minusSeconds(1))).isEqualTo(-1);
        assertThat(sim.timeOf(sim.tickAt(START.plusSeconds(30)))).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void anOrbitWithoutExcursionHasA36MinuteEclipseAndAStateOfChargeBetween78And95Percent() {
        // given the first of 40 orbits in which no metric leaves its range
        TelemetrySimulator sim = new TelemetrySimulator(7, START, TEN_S);
        long first = LongStream.range(0, 40).filter(orbit -> LongStream.range(0, ORBIT_TICKS)
                .allMatch(t -> sim.samples(NORAD, orbit * ORBIT_TICKS + t).stream()
                        .allMatch(s -> TelemetrySimulator.outOfLimits(s).isEmpty()))).findFirst().orElseThrow();
        // when
        double minSoc = 100;
        double maxSoc = 0;
        int eclipseTicks = 0;
        double minPanel = 1000;
        double maxPanel = -1000;
        for (long t = first * ORBIT_TICKS; t < (first + 1) * ORBIT_TICKS; t++) {
            List<TelemetrySimulator.Sample> s = sim.samples(NORAD, t);
            double soc = s.get(0).metrics().get("battery_state_of_charge");
            minSoc = Math.min(minSoc, soc);
            maxSoc = Math.max(maxSoc, soc);
            eclipseTicks += s.get(2).metrics().get("in_eclipse") == 1.0 ? 1 : 0;
            minPanel = Math.min(minPanel, s.get(1).metrics().get("solar_panel_temperature"));
            maxPanel = Math.max(maxPanel, s.get(1).metrics().get("solar_panel_temperature"));
        }
        // then: eclipse 2 asin(6378 / 6898) / 2 pi of 95 min = 35.6 min (beta 0), here 37.5 % of the orbit, +-1 tick;
        // the battery gives 300 W x 35.6 min = 178 Wh of its 1036 Wh (40 Ah x 7 x 3.7 V): 95 % - 17.2 % = 77.8 %
        assertThat(eclipseTicks * 10 / 60.0).isEqualTo(35.6, within(0.2));
        assertThat(maxSoc).isEqualTo(95.0, within(0.01));
        assertThat(minSoc).isEqualTo(77.8, within(0.1));
        // panel: first-order lag (tau 20 min) towards +75 C in sunlight and -65 C in eclipse; the periodic solution
        // peaks at eclipse entry, (75 (1 - b) - 65 b (1 - a)) / (1 - a b) = 69.0 C with a = e^(-35.625/20),
        // b = e^(-59.375/20), and bottoms at eclipse exit, -65 + (69.0 + 65) a = -42.4 C; noise 0.3 K rms
        assertThat(maxPanel).isEqualTo(69.0, within(1.5));
        assertThat(minPanel).isEqualTo(-42.4, within(1.5));
    }

    @Test
    void aboutOneOrbitInThreeHasAnExcursionAndEveryKindOccurs() {
        // given 60 orbits of a 1 min cadence
        TelemetrySimulator sim = new TelemetrySimulator(3, START, Duration.ofMinutes(1));
        int orbits = 60;
        int withExcursion = 0;
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        // when
        for (int orbit = 0; orbit < orbits; orbit++) {
            boolean any = false;
            for (long t = orbit * 95L; t < (orbit + 1) * 95L; t++) {
                for (TelemetrySimulator.Sample s : sim.samples(NORAD, t)) {
                    Map<String, Double> out = TelemetrySimulator.outOfLimits(s);
                    kinds.addAll(out.keySet());
                    any |= !out.isEmpty();
                }
            }
            withExcursion += any ? 1 : 0;
        }
        // then: 1/3 of 60 is 20, binomial standard deviation 3.7; 12..28 is over two of them either side
        assertThat(withExcursion).isBetween(12, 28);
        assertThat(kinds).contains("battery_state_of_charge", "electronics_temperature", "attitude_error",
                "link_margin");
    }
}
