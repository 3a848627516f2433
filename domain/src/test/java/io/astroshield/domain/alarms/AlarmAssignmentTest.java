package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.astroshield.domain.alarms.AlarmFixtures.BATT;
import static io.astroshield.domain.alarms.AlarmFixtures.OPERATOR;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.VIEWER;
import static io.astroshield.domain.alarms.AlarmFixtures.battKey;
import static io.astroshield.domain.alarms.AlarmFixtures.batteryDefinition;
import static io.astroshield.domain.alarms.AlarmFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

/** Assigning an alarm says who works it: audited, queued for the backend, no change of alarm state. */
class AlarmAssignmentTest {

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();

    private AlarmOccurrence raiseBatteryAlarm(AlarmEngine engine) {
        clock.advance(Duration.ofSeconds(1));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), 33.5, DataOrigin.LIVE));
        return engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
    }

    @Test
    void operatorAssignsAnAlarmAndTheAuditSaysWhoToWhomWithoutChangingItsState() {
        // given an unacknowledged battery alarm (33.5 V over the 33 V yellow limit)
        AlarmEngine engine = AlarmEngine.start(config(batteryDefinition()).build(), clock, store);
        AlarmOccurrence o = raiseBatteryAlarm(engine);

        // when the operator gives it to the power engineer, then takes it back
        ActionResult given = engine.assign(o.id(), OPERATOR, "pat (power)");
        AlarmOccurrence assigned = engine.occurrence(o.id()).orElseThrow();
        ActionResult takenBack = engine.assign(o.id(), OPERATOR, " ");

        // then
        assertThat(given.isAccepted()).isTrue();
        assertThat(assigned.assignee()).isEqualTo("pat (power)");
        assertThat(assigned.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(takenBack.isAccepted()).isTrue();
        assertThat(engine.occurrence(o.id()).orElseThrow().assignee()).isNull();
        var audit = store.audit(0, 100).stream().filter(e -> e.action() == AuditAction.ASSIGNED).toList();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).oldValue()).isEmpty();
        assertThat(audit.get(0).newValue()).isEqualTo("pat (power)");
        assertThat(audit.get(0).user()).isEqualTo(OPERATOR.user());
        assertThat(audit.get(1).oldValue()).isEqualTo("pat (power)");
        assertThat(audit.get(1).newValue()).isEmpty();
    }

    @Test
    void viewerMayNotAssignAndTheRefusalIsAudited() {
        AlarmEngine engine = AlarmEngine.start(config(batteryDefinition()).build(), clock, store);
        AlarmOccurrence o = raiseBatteryAlarm(engine);

        ActionResult r = engine.assign(o.id(), VIEWER, "vera");

        assertThat(r.isAccepted()).isFalse();
        assertThat(r.refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(engine.occurrence(o.id()).orElseThrow().assignee()).isNull();
        assertThat(store.audit(0, 100)).anyMatch(e -> e.action() == AuditAction.ASSIGNED && e.refused());
    }

    @Test
    void theAssignmentSurvivesARestart() {
        AlarmEngine engine = AlarmEngine.start(config(batteryDefinition()).build(), clock, store);
        AlarmOccurrence o = raiseBatteryAlarm(engine);
        engine.assign(o.id(), OPERATOR, "olga");

        AlarmEngine restarted = AlarmEngine.start(config(batteryDefinition()).build(), clock, store);

        assertThat(restarted.occurrence(o.id()).orElseThrow().assignee()).isEqualTo("olga");
    }
}
