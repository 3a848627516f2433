package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.astroshield.domain.alarms.AlarmFixtures.BATT;
import static io.astroshield.domain.alarms.AlarmFixtures.BATT_LIMITS;
import static io.astroshield.domain.alarms.AlarmFixtures.NOMINAL;
import static io.astroshield.domain.alarms.AlarmFixtures.OPERATOR;
import static io.astroshield.domain.alarms.AlarmFixtures.SUPERVISOR;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.battKey;
import static io.astroshield.domain.alarms.AlarmFixtures.batteryDefinition;
import static io.astroshield.domain.alarms.AlarmFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telemetry limit alarms: yellow/red limits, deadband, limit sets, staleness as quality, origin. */
class AlarmTelemetryTest {

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();
    private final List<AlarmOccurrence> heard = new ArrayList<>();

    private AlarmEngine engine(AlarmConfiguration configuration) {
        return AlarmEngine.start(configuration, clock, store, (o, reason) -> heard.add(o));
    }

    private void sample(AlarmEngine engine, double volts, DataOrigin origin) {
        clock.advance(Duration.ofSeconds(1));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), volts, origin));
    }

    private Severity severity(AlarmEngine engine) {
        return engine.occurrence(battKey(DataOrigin.LIVE)).map(AlarmOccurrence::severity).orElse(null);
    }

    @Test
    void limitsGradeYellowAsWarningAndRedAsCriticalOnBothSides() {
        // limits 24 / 26 / 33 / 34 V; a value on a limit does not violate it
        ParameterLimits l = BATT_LIMITS;
        assertThat(l.check(33.0, null, 0)).isNull();
        assertThat(l.check(33.01, null, 0)).isEqualTo(Severity.WARNING);
        assertThat(l.check(34.01, null, 0)).isEqualTo(Severity.CRITICAL);
        assertThat(l.check(26.0, null, 0)).isNull();
        assertThat(l.check(25.99, null, 0)).isEqualTo(Severity.WARNING);
        assertThat(l.check(23.99, null, 0)).isEqualTo(Severity.CRITICAL);
        ParameterLimits highOnly = new ParameterLimits(Double.NaN, Double.NaN, 80, Double.NaN);
        assertThat(highOnly.check(-1e6, null, 0)).isNull();
        assertThat(highOnly.check(81, null, 0)).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> new ParameterLimits(26, 24, 33, 34)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadbandHoldsTheViolationUntilTheValueIsBackInsideByTheDeadband() {
        // deadband 0.5 V on the 33 V yellow high limit: the violation ends below 32.5 V
        AlarmEngine engine = engine(config(batteryDefinition()).build());
        sample(engine, 33.2, DataOrigin.LIVE);
        sample(engine, 32.8, DataOrigin.LIVE);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().conditionActive()).isTrue();
        sample(engine, 32.6, DataOrigin.LIVE);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().conditionActive()).isTrue();
        sample(engine, 32.4, DataOrigin.LIVE);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().state()).isEqualTo(AlarmState.UNACK_RTN);
        // and red drops to yellow only below 34 - 0.5 V
        sample(engine, 34.2, DataOrigin.LIVE);
        sample(engine, 33.6, DataOrigin.LIVE);
        assertThat(severity(engine)).isEqualTo(Severity.CRITICAL);
        sample(engine, 33.4, DataOrigin.LIVE);
        assertThat(severity(engine)).isEqualTo(Severity.WARNING);
    }

    @Test
    void deadbandKeepsANoisyValueFromChattering() {
        // a value dithering +-0.1 V around the 33 V limit for a minute
        AlarmEngine noDeadband = engine(config(AlarmDefinition.telemetry("tm.batt", BATT, 0, Duration.ofSeconds(10))).build());
        for (int i = 0; i < 60; i++) {
            sample(noDeadband, i % 2 == 0 ? 33.1 : 32.9, DataOrigin.LIVE);
        }
        assertThat(noDeadband.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().chattering()).isTrue();

        InMemoryAlarmStore otherStore = new InMemoryAlarmStore();
        AlarmEngine withDeadband = AlarmEngine.start(config(batteryDefinition()).build(), clock, otherStore);
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofSeconds(1));
            withDeadband.telemetry().accept(new TelemetrySample(BATT, clock.instant(), i % 2 == 0 ? 33.1 : 32.9,
                    DataOrigin.LIVE));
        }
        AlarmOccurrence held = withDeadband.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
        assertThat(held.chattering()).isFalse();
        assertThat(held.conditionActive()).isTrue();
        assertThat(otherStore.audit()).extracting(AuditEvent::action).containsExactly(AuditAction.TRIGGERED);
    }

    @Test
    void staleInputChangesQualityNotSeverity() {
        // given a live WARNING on fresh data
        AlarmEngine engine = engine(config(batteryDefinition()).build());
        sample(engine, 33.5, DataOrigin.LIVE);
        AlarmOccurrence fresh = engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
        assertThat(fresh.quality()).isEqualTo(Quality.GOOD);

        // when no sample arrives for longer than staleAfter (10 s)
        clock.advance(Duration.ofSeconds(11));
        engine.tick();

        // then the quality is STALE, the severity and state are unchanged, and nothing new is annunciated
        AlarmOccurrence stale = engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
        assertThat(stale.quality()).isEqualTo(Quality.STALE);
        assertThat(stale.severity()).isEqualTo(Severity.WARNING);
        assertThat(stale.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(engine.telemetry().quality(BATT, DataOrigin.LIVE)).isEqualTo(Quality.STALE);
        assertThat(engine.summary().stale()).isEqualTo(1);
        assertThat(heard).hasSize(1);

        // when a late sample arrives (sampled 30 s ago) with a red value
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant().minusSeconds(30), 35.0, DataOrigin.LIVE));

        // then it is not graded: still WARNING, still STALE
        assertThat(severity(engine)).isEqualTo(Severity.WARNING);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().quality()).isEqualTo(Quality.STALE);

        // when fresh data returns, quality is GOOD and the value is graded again
        sample(engine, 35.0, DataOrigin.LIVE);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().quality()).isEqualTo(Quality.GOOD);
        assertThat(severity(engine)).isEqualTo(Severity.CRITICAL);
        assertThat(store.audit()).extracting(AuditEvent::action).containsSubsequence(
                AuditAction.TRIGGERED, AuditAction.QUALITY_CHANGED, AuditAction.QUALITY_CHANGED,
                AuditAction.SEVERITY_CHANGED);
    }

    @Test
    void staleParameterWithinLimitsRaisesNoAlarm() {
        AlarmEngine engine = engine(config(batteryDefinition()).build());
        sample(engine, 30.0, DataOrigin.LIVE);
        clock.advance(Duration.ofMinutes(5));
        engine.tick();
        assertThat(engine.telemetry().quality(BATT, DataOrigin.LIVE)).isEqualTo(Quality.STALE);
        assertThat(engine.openOccurrences()).isEmpty();
    }

    @Test
    void replayedDataNeverAnnunciates() {
        // given a live engine with a horn
        AlarmEngine engine = engine(config(batteryDefinition()).build());
        // when replayed data crosses the red limit, and offline-analysis data too
        sample(engine, 35.0, DataOrigin.REPLAY);
        sample(engine, 35.0, DataOrigin.OFFLINE_ANALYSIS);
        // then the occurrences exist, tagged with their origin, but nothing is heard or counted as live
        AlarmOccurrence replayed = engine.occurrence(battKey(DataOrigin.REPLAY)).orElseThrow();
        assertThat(replayed.key().origin()).isEqualTo(DataOrigin.REPLAY);
        assertThat(replayed.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(replayed.annunciating()).isFalse();
        assertThat(engine.occurrence(battKey(DataOrigin.OFFLINE_ANALYSIS)).orElseThrow().annunciating()).isFalse();
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(engine.annunciating()).isEmpty();
        assertThat(engine.summary().unacknowledged().count()).isZero();
        assertThat(engine.summary(DataOrigin.REPLAY).unacknowledged()).isEqualTo(new AlarmSummary.Count(1, Severity.CRITICAL));
        assertThat(store.audit()).extracting(AuditEvent::origin)
                .containsExactly(DataOrigin.REPLAY, DataOrigin.OFFLINE_ANALYSIS);
        // replayed data is not stale by the wall clock, and acting on it sends nothing to the backend
        clock.advance(Duration.ofHours(1));
        engine.tick();
        assertThat(engine.occurrence(battKey(DataOrigin.REPLAY)).orElseThrow().quality()).isEqualTo(Quality.GOOD);
        engine.acknowledge(replayed.id(), OPERATOR, "replay review");
        assertThat(store.outbox()).isEmpty();
        // and a live sample is graded on its own, unaffected by the replay
        sample(engine, 30.0, DataOrigin.LIVE);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
    }

    @Test
    void supervisorChangesLimitsAuditedWithOldAndNewValuesAndOperatorIsRefused() {
        AlarmEngine engine = engine(config(batteryDefinition()).build());
        ParameterLimits wider = new ParameterLimits(23, 25, 34, 35);

        ActionResult byOperator = engine.telemetry().changeLimits(OPERATOR, "NOMINAL", BATT, wider);
        assertThat(byOperator.refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(engine.telemetry().limitSet("NOMINAL").orElseThrow().limits().get(BATT)).isEqualTo(BATT_LIMITS);

        ActionResult bySupervisor = engine.telemetry().changeLimits(SUPERVISOR, "NOMINAL", BATT, wider);
        assertThat(bySupervisor.isAccepted()).isTrue();
        sample(engine, 33.5, DataOrigin.LIVE);
        assertThat(engine.openOccurrences()).as("33.5 V is inside the new yellow limit of 34 V").isEmpty();

        List<AuditEvent> changes = store.audit().stream().filter(e -> e.action() == AuditAction.LIMITS_CHANGED).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(changes.get(1).user()).isEqualTo("sam");
        assertThat(changes.get(1).role()).isEqualTo(Role.SUPERVISOR);
        assertThat(changes.get(1).subject()).isEqualTo("NOMINAL/BATT_V");
        assertThat(changes.get(1).oldValue()).isEqualTo("red<24.0 yellow<26.0 yellow>33.0 red>34.0");
        assertThat(changes.get(1).newValue()).isEqualTo("red<23.0 yellow<25.0 yellow>34.0 red>35.0");
        assertThat(store.outbox()).singleElement().extracting(AlarmCommand::type)
                .isEqualTo(AlarmCommand.Type.CHANGE_TELEMETRY_LIMITS);
    }

    @Test
    void activatingAnotherLimitSetChangesTheLimitsInForce() {
        TelemetryLimitSet safeMode = new TelemetryLimitSet("SAFE_MODE", Map.of(BATT, new ParameterLimits(22, 23, 33, 34)));
        AlarmEngine engine = engine(config(batteryDefinition()).telemetryLimitSet(safeMode).build());
        assertThat(engine.telemetry().activeLimitSet()).contains(NOMINAL.name());
        sample(engine, 25.0, DataOrigin.LIVE);
        assertThat(severity(engine)).isEqualTo(Severity.WARNING);

        assertThat(engine.telemetry().activateLimitSet(OPERATOR, "SAFE_MODE").refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(engine.telemetry().activateLimitSet(SUPERVISOR, "NO_SUCH").refusal()).isEqualTo(Refusal.NO_SUCH_LIMIT_SET);
        assertThat(engine.telemetry().activateLimitSet(SUPERVISOR, "SAFE_MODE").isAccepted()).isTrue();
        sample(engine, 25.0, DataOrigin.LIVE);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow().conditionActive()).isFalse();
        assertThat(store.audit()).filteredOn(e -> e.action() == AuditAction.LIMIT_SET_ACTIVATED && !e.refused())
                .singleElement().satisfies(e -> {
                    assertThat(e.oldValue()).isEqualTo("NOMINAL");
                    assertThat(e.newValue()).isEqualTo("SAFE_MODE");
                });
    }

    @Test
    void samplesOfUnmonitoredParametersAreIgnored() {
        AlarmEngine engine = engine(config(batteryDefinition()).build());
        engine.telemetry().accept(new TelemetrySample("WHEEL_RPM", clock.instant(), 1e6, DataOrigin.LIVE));
        assertThat(engine.openOccurrences()).isEmpty();
        assertThat(store.commits()).isZero();
    }
}
