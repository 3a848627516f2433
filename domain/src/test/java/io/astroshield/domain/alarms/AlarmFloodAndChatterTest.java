package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.astroshield.domain.alarms.AlarmFixtures.BATT;
import static io.astroshield.domain.alarms.AlarmFixtures.DEVICE;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.battKey;
import static io.astroshield.domain.alarms.AlarmFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

/** Flood (alarm rate per console) and chatter (activations per alarm) detection. */
class AlarmFloodAndChatterTest {

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();

    private AlarmEngine conjunctionEngine(FloodRule rule) {
        return AlarmEngine.start(AlarmConfiguration.builder(DEVICE)
                .define(AlarmDefinition.conjunction("conjunction")).floodRule(rule).build(), clock, store);
    }

    /** A new conjunction of its own pair, Pc 1e-3 two days ahead: CRITICAL with the default matrix. */
    private static void newConjunction(AlarmEngine engine, Instant now, int n) {
        engine.conjunctions().accept(new ConjunctionUpdate(10_000 + n, 50_000 + n, now.plus(Duration.ofDays(2)), 150.0,
                1e-3, UpdateSource.SCREENING, DataOrigin.LIVE, "run-1"));
    }

    private long floodEvents(AuditAction action) {
        return store.audit().stream().filter(e -> e.action() == action).count();
    }

    @Test
    void thousandAlarmsInSixtySecondsRaiseFlood() {
        // given the rule: a flood begins at 1,000 alarms within 60 s (ends below 500)
        AlarmEngine engine = conjunctionEngine(new FloodRule(1000, 500, Duration.ofSeconds(60)));
        // when 999 new alarms arrive, one every 59 ms (58.9 s in all)
        for (int n = 0; n < 999; n++) {
            newConjunction(engine, clock.instant(), n);
            clock.advance(Duration.ofMillis(59));
        }
        assertThat(engine.flood()).isFalse();
        // the 1,000th within 60 s begins the flood
        newConjunction(engine, clock.instant(), 999);
        assertThat(engine.flood()).isTrue();
        assertThat(engine.summary().flood()).isTrue();
        assertThat(engine.summary().unacknowledged()).isEqualTo(new AlarmSummary.Count(1000, Severity.CRITICAL));
        assertThat(floodEvents(AuditAction.FLOOD_BEGAN)).isEqualTo(1);
        // once the window has passed, the next tick ends it
        clock.advance(Duration.ofSeconds(60));
        engine.tick();
        assertThat(engine.flood()).isFalse();
        assertThat(floodEvents(AuditAction.FLOOD_ENDED)).isEqualTo(1);
    }

    @Test
    void thousandAlarmsSpreadOverHundredSecondsAreNoFlood() {
        AlarmEngine engine = conjunctionEngine(new FloodRule(1000, 500, Duration.ofSeconds(60)));
        for (int n = 0; n < 1000; n++) {
            newConjunction(engine, clock.instant(), n);
            clock.advance(Duration.ofMillis(100));
        }
        // at most 600 fall within any 60 s
        assertThat(engine.flood()).isFalse();
        assertThat(floodEvents(AuditAction.FLOOD_BEGAN)).isZero();
    }

    @Test
    void isaDefaultFloodBeginsAboveTenInTenMinutesAndEndsBelowFive() {
        // ISA-18.2 as applied per console: > 10 alarms per 10 min begins, < 5 per 10 min ends
        AlarmEngine engine = conjunctionEngine(FloodRule.ISA_18_2);
        for (int n = 0; n < 10; n++) {                 // t = 0, 30, ..., 270 s
            newConjunction(engine, clock.instant(), n);
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(engine.flood()).isFalse();
        newConjunction(engine, clock.instant(), 10);   // t = 300 s: the 11th
        assertThat(engine.flood()).isTrue();
        // at t = 779 s the window (179 s, 779 s] still holds 180..300 s: 5 alarms
        clock.advance(Duration.ofSeconds(479));
        engine.tick();
        assertThat(engine.flood()).isTrue();
        // at t = 780 s it holds 210..300 s: 4 alarms
        clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(engine.flood()).isFalse();
    }

    @Test
    void replayedAlarmsDoNotCountTowardsAFlood() {
        AlarmEngine engine = conjunctionEngine(FloodRule.ISA_18_2);
        for (int n = 0; n < 50; n++) {
            engine.conjunctions().accept(new ConjunctionUpdate(10_000 + n, 50_000 + n,
                    clock.instant().plus(Duration.ofDays(2)), 150.0, 1e-3, UpdateSource.CDM, DataOrigin.REPLAY, null));
        }
        assertThat(engine.summary(DataOrigin.REPLAY).unacknowledged().count()).isEqualTo(50);
        assertThat(engine.flood()).isFalse();
    }

    private AlarmEngine telemetryEngine() {
        // no deadband, so the value alone decides each sample
        return AlarmEngine.start(config(AlarmDefinition.telemetry("tm.batt", BATT, 0, Duration.ofSeconds(10))).build(),
                clock, store);
    }

    private void sampleAt(AlarmEngine engine, long secondsAfterT0, double volts) {
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(secondsAfterT0)));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), volts, DataOrigin.LIVE));
    }

    @Test
    void threeActivationsWithinAMinuteFlagChattering() {
        // default rule: 3 activations within 60 s
        AlarmEngine engine = telemetryEngine();
        sampleAt(engine, 1, 33.5);
        sampleAt(engine, 2, 30.0);
        sampleAt(engine, 30, 33.5);
        sampleAt(engine, 31, 30.0);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().chattering()).isFalse();
        sampleAt(engine, 60, 33.5);
        AlarmOccurrence o = engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
        assertThat(o.chattering()).isTrue();
        assertThat(engine.summary().chattering()).isEqualTo(1);
        assertThat(store.audit()).extracting(AuditEvent::action).containsOnlyOnce(AuditAction.CHATTER_DETECTED);
    }

    @Test
    void threeActivationsSpreadOverSixtySecondsDoNotChatter() {
        AlarmEngine engine = telemetryEngine();
        sampleAt(engine, 1, 33.5);
        sampleAt(engine, 2, 30.0);
        sampleAt(engine, 31, 33.5);
        sampleAt(engine, 32, 30.0);
        sampleAt(engine, 61, 33.5);   // the first activation (t = 1 s) is now 60 s old: out of the window
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().chattering()).isFalse();
    }
}
