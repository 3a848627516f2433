package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.astroshield.domain.alarms.AlarmFixtures.BATT;
import static io.astroshield.domain.alarms.AlarmFixtures.OPERATOR;
import static io.astroshield.domain.alarms.AlarmFixtures.SUPERVISOR;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.VIEWER;
import static io.astroshield.domain.alarms.AlarmFixtures.battKey;
import static io.astroshield.domain.alarms.AlarmFixtures.batteryDefinition;
import static io.astroshield.domain.alarms.AlarmFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

/** Shelving (DESIGN.md): a reason, a time limit, no acknowledgement; unshelve acknowledges, expiry does not. */
class AlarmShelvingTest {

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();
    private final List<Annunciator.Reason> heard = new ArrayList<>();

    private AlarmEngine engine(AlarmDefinition definition) {
        return AlarmEngine.start(config(definition).build(), clock, store, (o, reason) -> heard.add(reason));
    }

    private void sample(AlarmEngine engine, double volts) {
        clock.advance(Duration.ofSeconds(1));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), volts, DataOrigin.LIVE));
    }

    private AlarmOccurrence battery(AlarmEngine engine) {
        return engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
    }

    @Test
    void fiveMinuteShelveHidesThenReturnsUnacknowledgedAtExpiry() {
        // given an alarm the operator acknowledged, then shelved for five minutes
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        engine.acknowledge(o.id(), OPERATOR, "");
        ActionResult shelved = engine.shelve(o.id(), OPERATOR, ShelveDuration.FIVE_MINUTES, "sensor recalibration");
        assertThat(shelved.isAccepted()).isTrue();
        assertThat(heard).containsExactly(Annunciator.Reason.NEW);

        // when it is still in alarm 4 min 59 s later
        clock.advance(Duration.ofMinutes(4).plusSeconds(58));
        sample(engine, 33.6);
        engine.tick();

        // then it does not annunciate and shows as shelved in the summary
        assertThat(battery(engine).annunciating()).isFalse();
        assertThat(battery(engine).state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(battery(engine).shelving().until()).isEqualTo(T0.plusSeconds(1 + 300));
        assertThat(heard).containsExactly(Annunciator.Reason.NEW);
        AlarmSummary summary = engine.summary();
        assertThat(summary.shelved()).isEqualTo(new AlarmSummary.Count(1, Severity.WARNING));
        assertThat(summary.unacknowledged().count()).isZero();
        assertThat(summary.acknowledged().count()).isZero();
        assertThat(engine.annunciating()).isEmpty();

        // when the five minutes are over
        clock.advance(Duration.ofSeconds(1));
        engine.tick();

        // then it is back, unacknowledged, and heard
        AlarmOccurrence back = battery(engine);
        assertThat(back.shelved()).isFalse();
        assertThat(back.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(back.annunciating()).isTrue();
        assertThat(heard).containsExactly(Annunciator.Reason.NEW, Annunciator.Reason.SHELVE_EXPIRED);
        assertThat(engine.summary().unacknowledged()).isEqualTo(new AlarmSummary.Count(1, Severity.WARNING));
        assertThat(store.audit()).extracting(AuditEvent::action).contains(AuditAction.SHELVED, AuditAction.SHELVE_EXPIRED);
    }

    @Test
    void escalationWhileShelvedIsNotHeard() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        engine.acknowledge(o.id(), OPERATOR, "");
        engine.shelve(o.id(), OPERATOR, ShelveDuration.FIVE_MINUTES, "sensor recalibration");
        sample(engine, 34.5);
        assertThat(battery(engine).state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(battery(engine).annunciating()).isFalse();
        assertThat(heard).containsExactly(Annunciator.Reason.NEW);
        assertThat(engine.summary().shelved()).isEqualTo(new AlarmSummary.Count(1, Severity.CRITICAL));
    }

    @Test
    void shelvingDoesNotAcknowledge() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        engine.shelve(o.id(), OPERATOR, ShelveDuration.FIFTEEN_MINUTES, "known heater cycle");
        sample(engine, 30.0);
        AlarmOccurrence shelved = battery(engine);
        assertThat(shelved.state()).isEqualTo(AlarmState.UNACK_RTN);
        assertThat(shelved.acknowledgement()).isNull();
    }

    @Test
    void manualUnshelveReturnsAcknowledged() {
        // given an unacknowledged alarm that was shelved
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        engine.shelve(o.id(), OPERATOR, ShelveDuration.ONE_HOUR, "ground station handover");
        // when the operator unshelves it by hand
        ActionResult result = engine.unshelve(o.id(), OPERATOR);
        // then it is acknowledged by that operator and not annunciated again
        AlarmOccurrence back = battery(engine);
        assertThat(result.isAccepted()).isTrue();
        assertThat(back.shelved()).isFalse();
        assertThat(back.state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(back.acknowledgement().user()).isEqualTo("olga");
        assertThat(heard).containsExactly(Annunciator.Reason.NEW);
        assertThat(store.outbox()).extracting(AlarmCommand::type)
                .containsExactly(AlarmCommand.Type.SHELVE, AlarmCommand.Type.UNSHELVE);
    }

    @Test
    void manualUnshelveOfAReturnedAlarmClearsIt() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        engine.shelve(o.id(), OPERATOR, ShelveDuration.ONE_HOUR, "ground station handover");
        sample(engine, 30.0);
        engine.unshelve(o.id(), OPERATOR);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
    }

    @Test
    void unlimitedShelveOnlyForSupervisor() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        assertThat(engine.shelve(o.id(), OPERATOR, ShelveDuration.UNLIMITED, "broken sensor").refusal())
                .isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(battery(engine).shelved()).isFalse();
        assertThat(engine.shelve(o.id(), SUPERVISOR, ShelveDuration.UNLIMITED, "broken sensor").isAccepted()).isTrue();
        clock.advance(Duration.ofDays(30));
        engine.tick();
        assertThat(battery(engine).shelved()).isTrue();
        assertThat(battery(engine).shelving().unlimited()).isTrue();
    }

    @Test
    void operatorShelveIsLimitedToTheDefinitionMaximum() {
        AlarmEngine engine = engine(batteryDefinition().withMaximumShelve(Duration.ofHours(1)));
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        assertThat(engine.shelve(o.id(), OPERATOR, ShelveDuration.FOUR_HOURS, "night").refusal())
                .isEqualTo(Refusal.SHELVE_TOO_LONG);
        assertThat(engine.shelve(o.id(), OPERATOR, ShelveDuration.ONE_HOUR, "night").isAccepted()).isTrue();
        assertThat(engine.shelve(o.id(), SUPERVISOR, ShelveDuration.FOUR_HOURS, "night").isAccepted()).isTrue();
    }

    @Test
    void shelveNeedsAReasonAndAnOperator() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, 33.5);
        AlarmOccurrence o = battery(engine);
        assertThat(engine.shelve(o.id(), OPERATOR, ShelveDuration.FIVE_MINUTES, " ").refusal())
                .isEqualTo(Refusal.REASON_REQUIRED);
        assertThat(engine.shelve(o.id(), VIEWER, ShelveDuration.FIVE_MINUTES, "why not").refusal())
                .isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(store.audit()).filteredOn(AuditEvent::refused).hasSize(2);
        assertThat(battery(engine).shelved()).isFalse();
    }
}
