package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.astroshield.domain.alarms.AlarmFixtures.BATT;
import static io.astroshield.domain.alarms.AlarmFixtures.DEVICE;
import static io.astroshield.domain.alarms.AlarmFixtures.OPERATOR;
import static io.astroshield.domain.alarms.AlarmFixtures.SUPERVISOR;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.VIEWER;
import static io.astroshield.domain.alarms.AlarmFixtures.battKey;
import static io.astroshield.domain.alarms.AlarmFixtures.batteryDefinition;
import static io.astroshield.domain.alarms.AlarmFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

/** The ISA-18.2 state machine of DESIGN.md ("Alarm model"), driven through a telemetry parameter. */
class AlarmStateMachineTest {

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();

    private AlarmEngine engine(AlarmDefinition definition) {
        return AlarmEngine.start(config(definition).build(), clock, store);
    }

    /** One live sample, one second after the previous one. */
    private static void sample(AlarmEngine engine, ManualClock clock, double volts) {
        clock.advance(Duration.ofSeconds(1));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), volts, DataOrigin.LIVE));
    }

    private AlarmOccurrence openBattery(AlarmEngine engine) {
        return engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
    }

    @Test
    void triggerAckReturnToNormalClears() {
        // given
        AlarmEngine engine = engine(batteryDefinition());
        // when: 33.5 V is above the yellow high limit of 33 V
        sample(engine, clock, 33.5);
        AlarmOccurrence triggered = openBattery(engine);
        ActionResult ack = engine.acknowledge(triggered.id(), OPERATOR, "seen");
        AlarmOccurrence acked = openBattery(engine);
        sample(engine, clock, 30.0);
        // then
        assertThat(triggered.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(triggered.severity()).isEqualTo(Severity.WARNING);
        assertThat(triggered.triggerValue()).isEqualTo(33.5);
        assertThat(ack.isAccepted()).isTrue();
        assertThat(acked.state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
        AlarmOccurrence stored = store.occurrences().get(0);
        assertThat(stored.state()).isEqualTo(AlarmState.NORMAL);
        assertThat(stored.clearedAt()).isEqualTo(clock.instant());
        assertThat(stored.acknowledgement().user()).isEqualTo("olga");
    }

    @Test
    void triggerReturnToNormalStaysUntilAcknowledged() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, clock, 33.5);
        sample(engine, clock, 30.0);
        AlarmOccurrence returned = openBattery(engine);
        sample(engine, clock, 30.0);
        assertThat(returned.state()).isEqualTo(AlarmState.UNACK_RTN);
        assertThat(returned.conditionActive()).isFalse();
        assertThat(openBattery(engine).state()).as("still waiting for the operator").isEqualTo(AlarmState.UNACK_RTN);
        assertThat(engine.summary().unacknowledged().count()).isEqualTo(1);

        engine.acknowledge(returned.id(), OPERATOR, "");

        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
        assertThat(engine.summary().unacknowledged().count()).isZero();
    }

    @Test
    void violationAfterReturnToNormalReactivatesTheSameOccurrence() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, clock, 33.5);
        AlarmOccurrence first = openBattery(engine);
        sample(engine, clock, 30.0);
        sample(engine, clock, 34.5);
        AlarmOccurrence again = openBattery(engine);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(again.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(again.mostSevere()).isEqualTo(Severity.CRITICAL);
        assertThat(again.mostSevereValue()).isEqualTo(34.5);
        assertThat(again.triggerValue()).isEqualTo(33.5);
    }

    @Test
    void latchingStaysUntilSupervisorResetAndOperatorResetIsRefusedAndAudited() {
        // given a latching alarm that triggered, was acknowledged and whose condition has gone
        AlarmEngine engine = engine(batteryDefinition().withLatching(true));
        sample(engine, clock, 23.0);
        AlarmOccurrence o = openBattery(engine);
        engine.acknowledge(o.id(), OPERATOR, "low bus voltage");
        sample(engine, clock, 30.0);
        sample(engine, clock, 30.0);
        AlarmOccurrence latched = openBattery(engine);
        assertThat(latched.state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(latched.latched()).isTrue();
        assertThat(engine.summary().latched()).isEqualTo(1);

        // when the operator tries to reset
        ActionResult byOperator = engine.reset(o.id(), OPERATOR);

        // then it is refused, the alarm stays, and the refusal is in the audit
        assertThat(byOperator.refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(openBattery(engine).latched()).isTrue();
        AuditEvent refusal = store.audit().get(store.audit().size() - 1);
        assertThat(refusal.action()).isEqualTo(AuditAction.RESET);
        assertThat(refusal.refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(refusal.user()).isEqualTo("olga");
        assertThat(refusal.role()).isEqualTo(Role.OPERATOR);
        assertThat(refusal.deviceId()).isEqualTo(DEVICE);
        assertThat(refusal.occurrenceId()).isEqualTo(o.id());
        assertThat(store.outbox()).extracting(AlarmCommand::type).doesNotContain(AlarmCommand.Type.RESET);

        // when the supervisor resets
        ActionResult bySupervisor = engine.reset(o.id(), SUPERVISOR);

        // then it clears
        assertThat(bySupervisor.isAccepted()).isTrue();
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
        assertThat(store.audit().get(store.audit().size() - 1).action()).isEqualTo(AuditAction.RESET);
        assertThat(store.outbox()).extracting(AlarmCommand::type).contains(AlarmCommand.Type.RESET);
    }

    @Test
    void latchedAlarmIsNotResetWhileUnacknowledgedOrStillActive() {
        AlarmEngine engine = engine(batteryDefinition().withLatching(true));
        sample(engine, clock, 23.0);
        AlarmOccurrence o = openBattery(engine);
        assertThat(engine.reset(o.id(), SUPERVISOR).refusal()).isEqualTo(Refusal.CONDITION_ACTIVE);
        sample(engine, clock, 30.0);
        assertThat(openBattery(engine).state()).as("latching: RTN keeps the state").isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(engine.reset(o.id(), SUPERVISOR).refusal()).isEqualTo(Refusal.NOT_ACKNOWLEDGED);
        engine.acknowledge(o.id(), OPERATOR, "");
        assertThat(engine.reset(o.id(), SUPERVISOR).isAccepted()).isTrue();
    }

    @Test
    void escalationAfterAckNeedsNewAck() {
        // given a WARNING acknowledged by the operator
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, clock, 33.5);
        AlarmOccurrence o = openBattery(engine);
        engine.acknowledge(o.id(), OPERATOR, "watching");
        // when the value crosses the red limit (34 V)
        sample(engine, clock, 34.5);
        AlarmOccurrence escalated = openBattery(engine);
        // then the acknowledgement of WARNING does not cover CRITICAL
        assertThat(escalated.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(escalated.acknowledgement().severity()).isEqualTo(Severity.WARNING);
        assertThat(store.audit()).extracting(AuditEvent::action).contains(AuditAction.ESCALATED);
        // a new acknowledgement covers it; falling back to yellow needs none
        engine.acknowledge(o.id(), OPERATOR, "critical seen");
        sample(engine, clock, 33.2);
        AlarmOccurrence lowered = openBattery(engine);
        assertThat(lowered.state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(lowered.severity()).isEqualTo(Severity.WARNING);
        assertThat(lowered.mostSevere()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void acknowledgementIsIrreversible() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, clock, 33.5);
        AlarmOccurrence o = openBattery(engine);
        engine.acknowledge(o.id(), OPERATOR, "");
        ActionResult second = engine.acknowledge(o.id(), SUPERVISOR, "");
        sample(engine, clock, 33.6);
        assertThat(second.refusal()).isEqualTo(Refusal.ALREADY_ACKNOWLEDGED);
        assertThat(openBattery(engine).state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(openBattery(engine).acknowledgement().user()).isEqualTo("olga");
    }

    @Test
    void viewerCannotAcknowledgeAndTheRefusalIsAudited() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, clock, 33.5);
        AlarmOccurrence o = openBattery(engine);
        ActionResult result = engine.acknowledge(o.id(), VIEWER, "");
        assertThat(result.refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(openBattery(engine).state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        AuditEvent last = store.audit().get(store.audit().size() - 1);
        assertThat(last.refused()).isTrue();
        assertThat(last.role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void ackWithoutCommentIsRefusedWhenTheDefinitionRequiresOne() {
        AlarmEngine engine = engine(batteryDefinition().withCommentRequiredOnAck(true));
        sample(engine, clock, 33.5);
        AlarmOccurrence o = openBattery(engine);
        assertThat(engine.acknowledge(o.id(), OPERATOR, "  ").refusal()).isEqualTo(Refusal.COMMENT_REQUIRED);
        assertThat(engine.acknowledge(o.id(), OPERATOR, "heater cycling").isAccepted()).isTrue();
        assertThat(openBattery(engine).acknowledgement().comment()).isEqualTo("heater cycling");
    }

    @Test
    void minimumViolationsThreeKeepsTwoPending() {
        // given
        AlarmEngine engine = engine(batteryDefinition().withMinimumViolations(3));
        // when two violations arrive
        sample(engine, clock, 33.5);
        sample(engine, clock, 33.5);
        // then nothing triggers yet: they are counted as pending
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
        assertThat(engine.pendingViolations(battKey(DataOrigin.LIVE))).isEqualTo(2);
        assertThat(store.audit()).isEmpty();
        // a normal sample resets the count: violations must be consecutive
        sample(engine, clock, 30.0);
        assertThat(engine.pendingViolations(battKey(DataOrigin.LIVE))).isZero();
        sample(engine, clock, 33.5);
        sample(engine, clock, 33.5);
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
        // the third consecutive violation triggers
        sample(engine, clock, 33.5);
        assertThat(openBattery(engine).state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(engine.pendingViolations(battKey(DataOrigin.LIVE))).isZero();
    }

    @Test
    void onDelayAndOffDelayHoldTransitionsUntilTheConditionHasLasted() {
        AlarmEngine engine = engine(batteryDefinition().withDelays(Duration.ofSeconds(5), Duration.ofSeconds(3)));
        sample(engine, clock, 33.5);            // t = 1 s, violation starts
        sample(engine, clock, 33.5);            // t = 2 s
        clock.advance(Duration.ofSeconds(2));
        sample(engine, clock, 33.5);            // t = 5 s: lasted 4 s < 5 s
        assertThat(engine.occurrence(battKey(DataOrigin.LIVE))).isEmpty();
        sample(engine, clock, 33.5);            // t = 6 s: lasted 5 s
        assertThat(openBattery(engine).state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        sample(engine, clock, 30.0);            // t = 7 s, normal starts
        sample(engine, clock, 30.0);            // t = 8 s
        assertThat(openBattery(engine).conditionActive()).isTrue();
        sample(engine, clock, 30.0);            // t = 9 s
        sample(engine, clock, 30.0);            // t = 10 s: normal for 3 s
        assertThat(openBattery(engine).state()).isEqualTo(AlarmState.UNACK_RTN);
    }

    @Test
    void everyTransitionIsAuditedWithWhoRoleDeviceTimeAndOrigin() {
        AlarmEngine engine = engine(batteryDefinition());
        sample(engine, clock, 33.5);
        AlarmOccurrence o = openBattery(engine);
        sample(engine, clock, 34.5);
        engine.acknowledge(o.id(), OPERATOR, "ok");
        sample(engine, clock, 30.0);

        List<AuditEvent> audit = store.audit();
        assertThat(audit).extracting(AuditEvent::action).containsExactly(
                AuditAction.TRIGGERED, AuditAction.SEVERITY_CHANGED, AuditAction.ACKNOWLEDGED,
                AuditAction.RETURNED_TO_NORMAL);
        assertThat(audit).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.deviceId()).isEqualTo(DEVICE);
            assertThat(e.origin()).isEqualTo(DataOrigin.LIVE);
            assertThat(e.occurrenceId()).isEqualTo(o.id());
            assertThat(e.serverTime()).isNull();
        });
        assertThat(audit.get(0).user()).isEqualTo(AuditEvent.ENGINE);
        assertThat(audit.get(0).newValue()).isEqualTo("UNACK_ACTIVE/WARNING");
        assertThat(audit.get(1).oldValue()).isEqualTo("UNACK_ACTIVE/WARNING");
        assertThat(audit.get(1).newValue()).isEqualTo("UNACK_ACTIVE/CRITICAL");
        assertThat(audit.get(2).user()).isEqualTo("olga");
        assertThat(audit.get(2).role()).isEqualTo(Role.OPERATOR);
        assertThat(audit.get(2).deviceTime()).isEqualTo(T0.plusSeconds(2));
        assertThat(audit.get(2).comment()).isEqualTo("ok");
        assertThat(audit.get(3).newValue()).isEqualTo("NORMAL/CRITICAL");
        assertThat(store.outbox()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(AlarmCommand.Type.ACKNOWLEDGE);
            assertThat(c.opId()).isEqualTo(1);
            assertThat(c.occurrenceId()).isEqualTo(o.id());
            assertThat(c.arguments()).containsEntry("comment", "ok");
        });
    }

    @Test
    void quietSamplesWriteNothing() {
        AlarmEngine engine = engine(batteryDefinition());
        for (int i = 0; i < 10; i++) {
            sample(engine, clock, 30.0);
        }
        sample(engine, clock, 33.5);
        long afterTrigger = store.commits();
        for (int i = 0; i < 10; i++) {
            sample(engine, clock, 33.5 + i * 0.01);
        }
        assertThat(afterTrigger).isEqualTo(1);
        assertThat(store.commits()).as("value updates stay in memory").isEqualTo(1);
        assertThat(openBattery(engine).currentValue()).isEqualTo(33.59, org.assertj.core.data.Offset.offset(1e-12));
    }
}
