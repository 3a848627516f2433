package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.astroshield.domain.alarms.AlarmFixtures.BATT;
import static io.astroshield.domain.alarms.AlarmFixtures.DEVICE;
import static io.astroshield.domain.alarms.AlarmFixtures.OPERATOR;
import static io.astroshield.domain.alarms.AlarmFixtures.SUPERVISOR;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.battKey;
import static io.astroshield.domain.alarms.AlarmFixtures.batteryDefinition;
import static io.astroshield.domain.alarms.AlarmFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restart = rebuild from the store port; a failed commit leaves memory as the store has it. */
class AlarmRestartTest {

    private static final int PRIMARY = 25544;

    private final ManualClock clock = new ManualClock(T0);

    private static AlarmConfiguration configuration() {
        return config(batteryDefinition().withLatching(true)).build();
    }

    private void sample(AlarmEngine engine, double volts) {
        clock.advance(Duration.ofSeconds(1));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), volts, DataOrigin.LIVE));
    }

    private static ConjunctionUpdate cdm(int secondary, Instant tca, double pc) {
        return new ConjunctionUpdate(PRIMARY, secondary, tca, 200, pc, UpdateSource.CDM, DataOrigin.LIVE, null);
    }

    @Test
    void restartRestoresOccurrencesStatesAndAudit() {
        // given an engine with a latched alarm, an escalated conjunction under review, a shelved one and changed limits
        InMemoryAlarmStore store = new InMemoryAlarmStore();
        AlarmEngine before = AlarmEngine.start(configuration(), clock, store);
        sample(before, 23.0);
        AlarmOccurrence battery = before.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
        before.acknowledge(battery.id(), OPERATOR, "bus undervoltage");
        sample(before, 30.0);
        Instant tca = T0.plus(Duration.ofDays(2));
        String review = before.conjunctions().accept(cdm(48274, tca, 2e-5)).orElseThrow().eventId();
        before.conjunctions().setDisposition(review, OPERATOR, Disposition.UNDER_REVIEW, "");
        String shelvedEvent = before.conjunctions().accept(cdm(39000, tca, 2e-6)).orElseThrow().eventId();
        AlarmOccurrence shelvedAlarm = before.conjunctions().occurrence(shelvedEvent).orElseThrow();
        before.shelve(shelvedAlarm.id(), OPERATOR, ShelveDuration.ONE_HOUR, "owner confirms no risk");
        ParameterLimits wider = new ParameterLimits(23, 25, 34, 35);
        before.telemetry().changeLimits(SUPERVISOR, "NOMINAL", BATT, wider);
        List<AlarmOccurrence> occurrences = before.openOccurrences();
        List<ConjunctionTrack> tracks = before.conjunctions().openTracks();
        List<AuditEvent> audit = store.audit();
        AlarmSummary summary = before.summary();

        // when the workstation restarts on the same store
        AlarmEngine after = AlarmEngine.start(configuration(), clock, store);

        // then occurrences, their states, tracks, limits, summary and audit are as before
        assertThat(occurrences).hasSize(3);
        assertThat(after.openOccurrences()).isEqualTo(occurrences);
        assertThat(after.occurrence(battery.id()).orElseThrow().latched()).isTrue();
        assertThat(after.conjunctions().openTracks()).isEqualTo(tracks);
        assertThat(after.conjunctions().track(review).orElseThrow().disposition()).isEqualTo(Disposition.UNDER_REVIEW);
        assertThat(after.telemetry().limitSet("NOMINAL").orElseThrow().limits().get(BATT)).isEqualTo(wider);
        assertThat(after.summary()).isEqualTo(summary);
        assertThat(store.audit()).isEqualTo(audit);

        // and it carries on where it stopped: audit sequence and op ids continue, shelves expire, events match
        after.reset(battery.id(), SUPERVISOR);
        AuditEvent reset = store.audit().get(store.audit().size() - 1);
        assertThat(reset.action()).isEqualTo(AuditAction.RESET);
        assertThat(reset.sequence()).isEqualTo(audit.get(audit.size() - 1).sequence() + 1);
        List<AlarmCommand> outbox = store.outbox();
        assertThat(outbox.get(outbox.size() - 1).opId()).isEqualTo(outbox.size());
        clock.advance(Duration.ofHours(1));
        after.tick();
        assertThat(after.conjunctions().occurrence(shelvedEvent).orElseThrow().state())
                .isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(after.conjunctions().occurrence(shelvedEvent).orElseThrow().shelved()).isFalse();
        after.conjunctions().accept(cdm(48274, tca.plusSeconds(3), 3e-4));
        AlarmOccurrence escalated = after.conjunctions().occurrence(review).orElseThrow();
        assertThat(escalated.id()).isEqualTo(occurrences.stream()
                .filter(o -> o.key().subject().equals(review)).findFirst().orElseThrow().id());
        assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(after.conjunctions().trend(review)).hasSize(2);
    }

    @Test
    void operatorActionGoesToTheOutboxInTheSameCommitAsItsStateAndAudit() {
        InMemoryAlarmStore store = new InMemoryAlarmStore();
        AlarmEngine engine = AlarmEngine.start(configuration(), clock, store);
        sample(engine, 33.5);
        long commitsBefore = store.commits();
        AlarmOccurrence o = engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();
        engine.acknowledge(o.id(), OPERATOR, "seen");
        assertThat(store.commits()).isEqualTo(commitsBefore + 1);
        assertThat(store.occurrences().get(0).state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(store.audit().get(store.audit().size() - 1).action()).isEqualTo(AuditAction.ACKNOWLEDGED);
        assertThat(store.outbox()).singleElement().satisfies(c -> {
            assertThat(c.deviceId()).isEqualTo(DEVICE);
            assertThat(c.type()).isEqualTo(AlarmCommand.Type.ACKNOWLEDGE);
            assertThat(c.user()).isEqualTo("olga");
        });
    }

    /** A store whose next commit fails, as a full disk or a lost connection would. */
    private static final class FailingStore implements AlarmStore {
        final InMemoryAlarmStore delegate = new InMemoryAlarmStore();
        boolean failNext;

        @Override
        public void commit(AlarmChangeSet changes) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("disk full");
            }
            delegate.commit(changes);
        }

        @Override
        public StoredAlarms load() {
            return delegate.load();
        }

        @Override
        public List<AuditEvent> audit(long afterSequence, int limit) {
            return delegate.audit(afterSequence, limit);
        }

        @Override
        public List<ConjunctionTrendPoint> trend(String eventId) {
            return delegate.trend(eventId);
        }
    }

    @Test
    void failedCommitLeavesTheEngineAsTheStoreHasIt() {
        FailingStore store = new FailingStore();
        AlarmEngine engine = AlarmEngine.start(configuration(), clock, store);
        sample(engine, 33.5);
        AlarmOccurrence o = engine.occurrence(battKey(DataOrigin.LIVE)).orElseThrow();

        store.failNext = true;
        assertThatThrownBy(() -> engine.acknowledge(o.id(), OPERATOR, "seen")).hasMessage("disk full");

        assertThat(engine.occurrence(o.id()).orElseThrow().state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(store.delegate.audit()).extracting(AuditEvent::action).containsExactly(AuditAction.TRIGGERED);
        assertThat(store.delegate.outbox()).isEmpty();
        // the retry succeeds with no gap in the audit sequence or op ids
        assertThat(engine.acknowledge(o.id(), OPERATOR, "seen").isAccepted()).isTrue();
        assertThat(store.delegate.audit()).extracting(AuditEvent::sequence).containsExactly(1L, 2L);
        assertThat(store.delegate.outbox()).extracting(AlarmCommand::opId).containsExactly(1L);
    }
}
