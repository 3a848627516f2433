package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.astroshield.domain.alarms.AlarmFixtures.BATT;
import static io.astroshield.domain.alarms.AlarmFixtures.OPERATOR;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.battKey;
import static io.astroshield.domain.alarms.AlarmFixtures.batteryDefinition;
import static io.astroshield.domain.alarms.AlarmFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend's shared alarm state applied to this console's occurrences ({@link AlarmEngine#applyShared}): remote
 * transitions with the other console's actor, never queued again, idempotent, and acknowledgement irreversible.
 */
class AlarmSharedStateTest {

    private static final RemoteStamp BY_ANNA = new RemoteStamp("anna", Role.OPERATOR, "console-2",
            T0.plusSeconds(20), T0.plusSeconds(21));

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();
    private final AlarmEngine engine = AlarmEngine.start(config(batteryDefinition()).build(), clock, store);

    /** A battery sample of {@code volts}: 33.5 V is above the yellow limit (33 V), 34.5 V above the red one (34 V). */
    private AlarmOccurrence sample(double volts) {
        clock.advance(Duration.ofSeconds(1));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), volts, DataOrigin.LIVE));
        return engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
    }

    private static SharedAlarm acknowledged(RemoteStamp by, Severity severity, String comment) {
        return new SharedAlarm(1, by, severity, comment, null, null, null, null, null, null, null);
    }

    @Test
    void anotherConsolesAcknowledgementIsTakenWithItsActorAndNotQueuedAgain() {
        // given a WARNING on this console
        AlarmOccurrence o = sample(33.5);
        int queued = store.outbox().size();

        // when the backend says anna acknowledged it on console-2
        int changed = engine.applyShared(Map.of(o.id(), acknowledged(BY_ANNA, Severity.WARNING, "on it")));

        // then it is acknowledged by anna, audited with her device and both times, nothing queued
        AlarmOccurrence now = engine.occurrence(o.id()).orElseThrow();
        assertThat(changed).isEqualTo(1);
        assertThat(now.state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(now.acknowledgement()).isEqualTo(new Acknowledgement("anna", Role.OPERATOR, BY_ANNA.deviceTime(),
                Severity.WARNING, "on it"));
        AuditEvent audit = store.audit().get(store.audit().size() - 1);
        assertThat(audit.action()).isEqualTo(AuditAction.ACKNOWLEDGED);
        assertThat(audit.user()).isEqualTo("anna");
        assertThat(audit.actorDevice()).isEqualTo("console-2");
        assertThat(audit.deviceId()).isEqualTo(AlarmFixtures.DEVICE);
        assertThat(audit.serverTime()).isEqualTo(BY_ANNA.serverTime());
        assertThat(store.outbox()).hasSize(queued);

        // when the same record comes again, then nothing changes and nothing is audited
        int audited = store.audit().size();
        assertThat(engine.applyShared(Map.of(o.id(), acknowledged(BY_ANNA, Severity.WARNING, "on it")))).isZero();
        assertThat(store.audit()).hasSize(audited);
    }

    @Test
    void anAcknowledgementOfALowerSeverityDoesNotCoverAnEscalatedOccurrence() {
        // given an occurrence that rose above WARNING
        assertThat(sample(33.5).severity()).isEqualTo(Severity.WARNING);
        AlarmOccurrence o = sample(34.5);
        assertThat(o.severity().isAbove(Severity.WARNING)).isTrue();
        // when the backend's acknowledgement covers WARNING only
        engine.applyShared(Map.of(o.id(), acknowledged(BY_ANNA, Severity.WARNING, "")));
        // then it still needs an acknowledgement
        assertThat(engine.occurrence(o.id()).orElseThrow().state()).isEqualTo(AlarmState.UNACK_ACTIVE);
    }

    @Test
    void thisConsolesAcknowledgementThatLostShowsTheWinnersAndIsNeverTakenBack() {
        // given this console's own acknowledgement
        AlarmOccurrence o = sample(33.5);
        engine.acknowledge(o.id(), OPERATOR, "mine");
        // when the backend says anna was first
        engine.applyShared(Map.of(o.id(), acknowledged(BY_ANNA, Severity.WARNING, "hers")));
        // then anna's acknowledgement stands here too
        AlarmOccurrence now = engine.occurrence(o.id()).orElseThrow();
        assertThat(now.acknowledgement().user()).isEqualTo("anna");
        assertThat(now.acknowledgement().comment()).isEqualTo("hers");
        // and a record without acknowledgement leaves it acknowledged (irreversible)
        engine.applyShared(Map.of(o.id(), new SharedAlarm(1, null, null, null, null, null, null, null, null, null,
                null)));
        assertThat(engine.occurrence(o.id()).orElseThrow().state()).isEqualTo(AlarmState.ACK_ACTIVE);
    }

    @Test
    void aRemoteShelveUnshelveAndAssignmentAreTakenAndARefusedShelveIsLifted() {
        // given
        AlarmOccurrence o = sample(33.5);
        Instant until = BY_ANNA.deviceTime().plus(Duration.ofHours(1));
        // when shelved on console-2 for an hour
        engine.applyShared(Map.of(o.id(), new SharedAlarm(1, null, null, null, BY_ANNA, "pass in work", until, null,
                BY_ANNA, "anna", null)));
        // then
        AlarmOccurrence shelved = engine.occurrence(o.id()).orElseThrow();
        assertThat(shelved.shelving()).isEqualTo(new Shelving("anna", Role.OPERATOR, "pass in work",
                BY_ANNA.deviceTime(), until));
        assertThat(shelved.assignee()).isEqualTo("anna");
        assertThat(shelved.annunciating()).isFalse();

        // when unshelved on console-2 later
        RemoteStamp later = new RemoteStamp("anna", Role.OPERATOR, "console-2", T0.plusSeconds(60), T0.plusSeconds(61));
        engine.applyShared(Map.of(o.id(), new SharedAlarm(1, null, null, null, null, null, null, later, BY_ANNA,
                "anna", null)));
        // then
        assertThat(engine.occurrence(o.id()).orElseThrow().shelving()).isNull();

        // when this console shelves and the backend has neither that shelve nor a later unshelve (it refused it)
        clock.advance(Duration.ofMinutes(5));
        engine.shelve(o.id(), OPERATOR, ShelveDuration.ONE_HOUR, "mine");
        engine.applyShared(Map.of(o.id(), new SharedAlarm(1, null, null, null, null, null, null, later, BY_ANNA,
                "anna", null)));
        // then the shelve is lifted, audited as the engine's correction
        assertThat(engine.occurrence(o.id()).orElseThrow().shelving()).isNull();
        AuditEvent lifted = store.audit().get(store.audit().size() - 1);
        assertThat(lifted.action()).isEqualTo(AuditAction.UNSHELVED);
        assertThat(lifted.user()).isEqualTo(AuditEvent.ENGINE);
    }

    @Test
    void aRemoteResetClearsTheOccurrence() {
        // given
        AlarmOccurrence o = sample(33.5);
        RemoteStamp bySam = new RemoteStamp("sam", Role.SUPERVISOR, "console-3", T0.plusSeconds(30), T0.plusSeconds(31));
        // when
        engine.applyShared(Map.of(o.id(), new SharedAlarm(1, null, null, null, null, null, null, null, null, null,
                bySam)));
        // then
        assertThat(engine.occurrence(o.id())).isEmpty();
        AlarmOccurrence stored = store.occurrences().get(0);
        assertThat(stored.state()).isEqualTo(AlarmState.NORMAL);
        assertThat(store.audit()).anyMatch(e -> e.action() == AuditAction.RESET && e.user().equals("sam")
                && "console-3".equals(e.actorDevice()));
    }
}
