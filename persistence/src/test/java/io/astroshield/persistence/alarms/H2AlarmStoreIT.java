package io.astroshield.persistence.alarms;

import io.astroshield.domain.alarms.Acknowledgement;
import io.astroshield.domain.alarms.AlarmChangeSet;
import io.astroshield.domain.alarms.AlarmCommand;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.AlarmKey;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmSource;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.AlarmSummary;
import io.astroshield.domain.alarms.AuditAction;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.ConjunctionLimitSet;
import io.astroshield.domain.alarms.ConjunctionRule;
import io.astroshield.domain.alarms.ConjunctionTrack;
import io.astroshield.domain.alarms.ConjunctionTrendPoint;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.Disposition;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Quality;
import io.astroshield.domain.alarms.Refusal;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.ShelveDuration;
import io.astroshield.domain.alarms.Shelving;
import io.astroshield.domain.alarms.StoredAlarms;
import io.astroshield.domain.alarms.TelemetryLimitSet;
import io.astroshield.domain.alarms.TelemetrySample;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.StoreTestAccess;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.astroshield.persistence.alarms.AlarmStoreFixtures.BATT;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.DEVICE;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.ISS;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.ManualClock;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.OPERATOR;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.Recording;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.SUPERVISOR;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.T0;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.VIEWER;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.configuration;
import static io.astroshield.persistence.alarms.AlarmStoreFixtures.liveBattery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 4, item 7: the alarm engine on the H2 store. Occurrences, their states, the audit and the
 * trend survive a restart; every commit is one transaction, all or nothing, with the outbox row of
 * an operator action in it; audit events are appended, never replaced.
 */
class H2AlarmStoreIT {

    private static final double DAY_S = 86_400;
    private static final int DEBRIS = 48274;

    /** A mission matrix with a pure miss-distance rule (no Pc bound, no time bound) and a grace with nanoseconds. */
    private static final ConjunctionLimitSet MISSION_X = new ConjunctionLimitSet("MISSION_X", List.of(
            ConjunctionRule.pcAtLeast(Severity.CRITICAL, 1e-5, 5 * DAY_S),
            new ConjunctionRule(Severity.WARNING, ConjunctionRule.PcCondition.ANY, 0, 2_000, Double.POSITIVE_INFINITY)),
            2, Duration.ofMinutes(90).plusNanos(500));

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock(T0);

    private static ConjunctionUpdate cdm(int secondary, Instant tca, double missM, Double pc, String reference,
                                         DataOrigin origin) {
        return new ConjunctionUpdate(ISS, secondary, tca, missM, pc, UpdateSource.CDM, origin, reference);
    }

    private void sample(AlarmEngine engine, double volts) {
        clock.advance(Duration.ofSeconds(1));
        engine.telemetry().accept(new TelemetrySample(BATT, clock.instant(), volts, DataOrigin.LIVE));
    }

    private static UUID occurrenceOf(AlarmEngine engine, String eventId) {
        return engine.conjunctions().occurrence(eventId).orElseThrow().id();
    }

    private static Map<DataOrigin, AlarmSummary> summaries(AlarmEngine engine) {
        Map<DataOrigin, AlarmSummary> result = new EnumMap<>(DataOrigin.class);
        for (DataOrigin origin : DataOrigin.values()) {
            result.put(origin, engine.summary(origin));
        }
        return result;
    }

    private static List<StoredOp> outbox(Store store) {
        return store.read(tx -> tx.outbox().all());
    }

    @Test
    void restartRestoresOccurrencesStatesAndAuditFromH2() {
        // what the first engine reported, to compare the restarted one with
        List<AlarmOccurrence> open;
        List<ConjunctionTrack> tracks;
        Map<DataOrigin, AlarmSummary> summaries;
        List<AuditEvent> audit;
        Map<UUID, AlarmOccurrence> everyOccurrence;
        Map<String, List<ConjunctionTrendPoint>> trend;
        TelemetryLimitSet nominal;
        String escalating;
        String shelvedEvent;
        UUID clearedBattery;
        UUID shelvedBattery;
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            Recording recording = new Recording(new H2AlarmStore(store, DEVICE));
            AlarmEngine first = AlarmEngine.start(configuration(), clock, recording);

            // a conjunction two days ahead whose Pc rises over three CDMs 8 h apart, acknowledged at WARNING
            Instant tca = T0.plus(Duration.ofDays(2));
            escalating = first.conjunctions().accept(cdm(DEBRIS, tca, 420, 2e-6, "CDM-1", DataOrigin.LIVE))
                    .orElseThrow().eventId();
            first.acknowledge(occurrenceOf(first, escalating), OPERATOR, "tracking");
            first.assign(occurrenceOf(first, escalating), OPERATOR, "conjunction analyst on shift");
            clock.advance(Duration.ofHours(8));
            first.conjunctions().accept(cdm(DEBRIS, tca.plusSeconds(2), 300, 3e-5, "CDM-2", DataOrigin.LIVE));
            clock.advance(Duration.ofHours(8));
            first.conjunctions().accept(cdm(DEBRIS, tca.minusSeconds(1), 120, 2e-4, "CDM-3", DataOrigin.LIVE));
            first.conjunctions().setDisposition(escalating, OPERATOR, Disposition.MANEUVER_PLANNED, "burn at TCA-6h");
            // one a supervisor shelves without time limit, one from screening without Pc, a replayed and an offline one
            shelvedEvent = first.conjunctions().accept(cdm(39000, tca, 800, 5e-7, "CDM-A", DataOrigin.LIVE))
                    .orElseThrow().eventId();
            first.shelve(occurrenceOf(first, shelvedEvent), SUPERVISOR, ShelveDuration.UNLIMITED, "owner confirms no risk");
            first.conjunctions().accept(new ConjunctionUpdate(ISS, 41000, tca.plusSeconds(600), 800, null,
                    UpdateSource.SCREENING, DataOrigin.LIVE, "run-17"));
            first.conjunctions().accept(cdm(43000, tca, 300, 2e-4, "CDM-R", DataOrigin.REPLAY));
            first.conjunctions().accept(cdm(44000, tca, 300, 3e-5, "CDM-O", DataOrigin.OFFLINE_ANALYSIS));
            // telemetry: trigger, ack, return to normal clears it; the next one is refused to a viewer, then shelved
            sample(first, 23.0);
            clearedBattery = liveBattery(first.openOccurrences()).id();
            first.acknowledge(clearedBattery, OPERATOR, "bus undervoltage, heater cycled");
            sample(first, 30.0);
            sample(first, 33.5);
            shelvedBattery = liveBattery(first.openOccurrences()).id();
            assertThat(first.acknowledge(shelvedBattery, VIEWER, "").refusal()).isEqualTo(Refusal.NOT_PERMITTED);
            first.shelve(shelvedBattery, OPERATOR, ShelveDuration.ONE_HOUR, "sensor recalibration");
            // limits changed at run time
            first.telemetry().changeLimits(SUPERVISOR, "NOMINAL", BATT, new ParameterLimits(23, 25, 34, 35));
            first.conjunctions().changeLimitSet(SUPERVISOR, MISSION_X);
            first.telemetry().activateLimitSet(SUPERVISOR, "SAFE_MODE");

            open = first.openOccurrences();
            tracks = first.conjunctions().openTracks();
            summaries = summaries(first);
            nominal = first.telemetry().limitSet("NOMINAL").orElseThrow();
            audit = List.copyOf(recording.audit);
            everyOccurrence = new LinkedHashMap<>(recording.lastSnapshot);
            trend = new LinkedHashMap<>(recording.trend);
        }

        // when the workstation restarts: a new Store and a new engine on the same data directory
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            H2AlarmStore h2 = new H2AlarmStore(store, DEVICE);
            AlarmEngine after = AlarmEngine.start(configuration(), clock, h2);

            // then the open occurrences are as the first engine reported them, field by field: the records'
            // own equals compares every component exactly (doubles by Double.compare, so NaN equals NaN and
            // nothing is rounded; AssertJ's recursive comparison would allow 1e-15 and call NaN unequal)
            assertThat(open).hasSize(6);
            assertThat(after.openOccurrences())
                    .containsExactlyElementsOf(open);
            AlarmOccurrence conjunction = after.conjunctions().occurrence(escalating).orElseThrow();
            assertThat(conjunction.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
            assertThat(conjunction.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(conjunction.triggerValue()).isEqualTo(2e-6);
            assertThat(conjunction.mostSevereValue()).isEqualTo(2e-4);
            assertThat(conjunction.acknowledgement()).isEqualTo(new Acknowledgement(OPERATOR.user(), Role.OPERATOR,
                    T0, Severity.WARNING, "tracking"));
            assertThat(conjunction.assignee()).isEqualTo("conjunction analyst on shift");
            AlarmOccurrence battery = after.occurrence(shelvedBattery).orElseThrow();
            assertThat(battery.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
            assertThat(battery.shelving().until()).isEqualTo(battery.shelving().since().plus(Duration.ofHours(1)));
            assertThat(after.conjunctions().occurrence(shelvedEvent).orElseThrow().shelving().unlimited()).isTrue();
            assertThat(after.openOccurrences()).filteredOn(o -> o.key().origin() != DataOrigin.LIVE)
                    .extracting(o -> o.key().origin())
                    .containsExactlyInAnyOrder(DataOrigin.REPLAY, DataOrigin.OFFLINE_ANALYSIS);
            assertThat(after.openOccurrences()).filteredOn(o -> o.key().subject().startsWith("LIVE:25544x41000"))
                    .singleElement().satisfies(o -> assertThat(o.currentValue()).as("no Pc is NaN").isNaN());
            // every occurrence ever stored, cleared ones included, is the last snapshot the engine committed
            Map<UUID, AlarmOccurrence> stored = h2.occurrences().stream()
                    .collect(Collectors.toMap(AlarmOccurrence::id, Function.identity()));
            assertThat(stored).isEqualTo(everyOccurrence);
            assertThat(stored.get(clearedBattery).state()).isEqualTo(AlarmState.NORMAL);
            assertThat(stored.get(clearedBattery).clearedAt()).isEqualTo(T0.plus(Duration.ofHours(16)).plusSeconds(2));
            // the audit trail, event by event
            assertThat(audit).extracting(AuditEvent::action).containsExactly(AuditAction.TRIGGERED,
                    AuditAction.ACKNOWLEDGED, AuditAction.ASSIGNED, AuditAction.ESCALATED, AuditAction.SEVERITY_CHANGED,
                    AuditAction.DISPOSITION_CHANGED, AuditAction.TRIGGERED, AuditAction.SHELVED, AuditAction.TRIGGERED,
                    AuditAction.TRIGGERED, AuditAction.TRIGGERED, AuditAction.TRIGGERED, AuditAction.ACKNOWLEDGED,
                    AuditAction.RETURNED_TO_NORMAL, AuditAction.TRIGGERED, AuditAction.ACKNOWLEDGED, AuditAction.SHELVED,
                    AuditAction.LIMITS_CHANGED, AuditAction.LIMITS_CHANGED, AuditAction.LIMIT_SET_ACTIVATED);
            assertThat(h2.audit(0, Integer.MAX_VALUE))
                    .containsExactlyElementsOf(audit);
            assertThat(audit).extracting(AuditEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, audit.size()).boxed().toList());
            assertThat(h2.audit(audit.size() - 3, 2)).extracting(AuditEvent::sequence)
                    .containsExactly((long) audit.size() - 2, (long) audit.size() - 1);
            // the trend of every event, and the escalating one value by value
            assertThat(trend).hasSize(5);
            trend.forEach((eventId, points) -> assertThat(after.conjunctions().trend(eventId))
                    .containsExactlyElementsOf(points));
            List<ConjunctionTrendPoint> escalation = after.conjunctions().trend(escalating);
            assertThat(escalation).extracting(ConjunctionTrendPoint::pc).containsExactly(2e-6, 3e-5, 2e-4);
            assertThat(escalation).extracting(ConjunctionTrendPoint::severity)
                    .containsExactly(Severity.WARNING, Severity.DISTRESS, Severity.CRITICAL);
            // 48 h, 40 h + 2 s and 32 h - 1 s ahead: clock and TCA share T0's nanoseconds, so exact to rounding
            assertThat(escalation.get(0).timeToTcaS()).isCloseTo(172_800, within(1e-9));
            assertThat(escalation.get(1).timeToTcaS()).isCloseTo(144_002, within(1e-9));
            assertThat(escalation.get(2).timeToTcaS()).isCloseTo(115_199, within(1e-9));
            // conjunction events, summaries and limits
            assertThat(after.conjunctions().openTracks())
                    .containsExactlyElementsOf(tracks);
            assertThat(after.conjunctions().track(escalating).orElseThrow().disposition())
                    .isEqualTo(Disposition.MANEUVER_PLANNED);
            assertThat(summaries(after)).isEqualTo(summaries);
            assertThat(after.telemetry().limitSet("NOMINAL")).contains(nominal);
            assertThat(after.telemetry().activeLimitSet()).contains("SAFE_MODE");
            assertThat(after.conjunctions().limitSetNamed("MISSION_X")).contains(MISSION_X);

            // and it carries on where it stopped: the audit sequence and op ids continue without a gap
            List<StoredOp> queued = outbox(store);
            assertThat(after.acknowledge(shelvedBattery, OPERATOR, "recalibrated").isAccepted()).isTrue();
            List<AuditEvent> next = h2.audit(audit.size(), 10);
            assertThat(next).singleElement().satisfies(e -> {
                assertThat(e.sequence()).isEqualTo(audit.size() + 1L);
                assertThat(e.action()).isEqualTo(AuditAction.ACKNOWLEDGED);
            });
            List<StoredOp> ops = outbox(store);
            assertThat(ops).hasSize(queued.size() + 1);
            assertThat(ops).extracting(o -> o.op().opId()).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, ops.size()).mapToObj(i -> "alarm-" + i).toList());
        }
    }

    @Test
    void failedCommitLeavesNothingOfItsChangeSetBehind() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            // given a store holding one commit
            H2AlarmStore h2 = new H2AlarmStore(store, DEVICE);
            h2.commit(changeSet(1, 1, "first", "subject-1"));
            StoredAlarms loaded = h2.load();
            List<AuditEvent> audit = h2.audit(0, 100);
            Map<String, Long> rows = store.info().rowCounts();

            // when a commit of every kind of change fails on its second audit event (subject longer than the column)
            AlarmChangeSet failing = changeSet(3, 2, "second", "x".repeat(401));
            assertThatThrownBy(() -> h2.commit(failing)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("Appending alarm events to the audit");

            // then no table holds anything of it: not the occurrence, its first audit event, the outbox
            // row, the track, the trend point, the limit sets or the counters
            assertThat(store.info().rowCounts()).isEqualTo(rows);
            assertThat(h2.load()).isEqualTo(loaded);
            assertThat(h2.audit(0, 100)).isEqualTo(audit);
            assertThat(h2.occurrence(failing.occurrences().get(0).id())).isEmpty();
            assertThat(h2.trend("event-second")).isEmpty();
            // and the same change set with a fitting subject then commits, with the same sequence numbers
            AlarmChangeSet fitting = changeSet(3, 2, "second", "subject-2");
            h2.commit(fitting);
            assertThat(h2.audit(0, 100)).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(h2.occurrence(fitting.occurrences().get(0).id())).contains(fitting.occurrences().get(0));
            assertThat(h2.trend("event-second")).containsExactlyElementsOf(fitting.trend());
        }
    }

    @Test
    void liveAcknowledgementWritesOccurrenceAuditAndOutboxInOneTransaction() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            H2AlarmStore h2 = new H2AlarmStore(store, DEVICE);
            AlarmEngine engine = AlarmEngine.start(configuration(), clock, h2);
            sample(engine, 33.5);
            UUID first = liveBattery(engine.openOccurrences()).id();
            Instant triggered = liveBattery(engine.openOccurrences()).triggeredAt();

            // when an operator acknowledges a live alarm
            assertThat(engine.acknowledge(first, OPERATOR, "seen \"twice\"").isAccepted()).isTrue();

            // then the occurrence, its audit record and the outbox row are all in the store
            Instant ackTime = clock.instant();
            assertThat(h2.occurrence(first).orElseThrow().state()).isEqualTo(AlarmState.ACK_ACTIVE);
            assertThat(h2.audit(1, 10)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.ACKNOWLEDGED);
                assertThat(e.occurrenceId()).isEqualTo(first);
                assertThat(e.comment()).isEqualTo("seen \"twice\"");
            });
            assertThat(outbox(store)).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(OutboxStatus.PENDING);
                assertThat(o.op().deviceId()).isEqualTo(DEVICE);
                assertThat(o.op().opId()).isEqualTo("alarm-1");
                assertThat(o.op().opType()).isEqualTo("ALARM_ACKNOWLEDGE");
                assertThat(o.op().createdAt()).isEqualTo(ackTime);
                assertThat(o.op().payload()).isEqualTo("{\"type\":\"ACKNOWLEDGE\",\"deviceId\":\"console-7\",\"opId\":1,"
                        + "\"occurrenceId\":\"" + first + "\",\"subject\":\"tm.batt/BATT_V@LIVE\","
                        + "\"user\":\"Zoë Ångström\",\"role\":\"OPERATOR\",\"deviceTime\":\"" + ackTime + "\","
                        + "\"arguments\":{\"comment\":\"seen \\\"twice\\\"\",\"definition\":\"tm.batt\","
                        + "\"key\":\"BATT_V\",\"severity\":\"WARNING\",\"source\":\"TELEMETRY\","
                        + "\"triggeredAt\":\"" + triggered + "\"}}");
            });
            // and the numeric occurrence id of the V3 audit columns links both records of the occurrence
            List<Long> numericIds = store.read(tx -> tx.audit().after(0, 10)).stream()
                    .map(a -> a.entry().occurrenceId()).distinct().toList();
            assertThat(numericIds).singleElement().isNotNull();
            List<StoredAudit> story = store.read(tx -> tx.audit().forOccurrence(numericIds.get(0)));
            assertThat(story).extracting(a -> a.entry().action()).containsExactly("TRIGGERED", "ACKNOWLEDGED");

            // given a second alarm, and an outbox that refuses the next row once the occurrence and audit are written
            sample(engine, 30.0);
            sample(engine, 23.0);
            UUID second = liveBattery(engine.openOccurrences()).id();
            long lastSequence = h2.load().lastAuditSequence();
            FailingOutboxInsert.reset();
            StoreTestAccess.execute(store, "CREATE TRIGGER test_outbox_full BEFORE INSERT ON sync_outbox FOR EACH ROW "
                    + "CALL '" + FailingOutboxInsert.class.getName() + "'");

            // when the operator acknowledges it
            assertThatThrownBy(() -> engine.acknowledge(second, OPERATOR, "seen"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("refused by the test");

            // then, inside the failed transaction, the acknowledged occurrence and its audit record had been written
            assertThat(FailingOutboxInsert.fired).isEqualTo(1);
            assertThat(FailingOutboxInsert.acknowledgedOccurrencesSeen).isEqualTo(1);
            assertThat(FailingOutboxInsert.acknowledgedAuditSeen).isEqualTo(2);
            // and after it none of the three is stored, and the engine is back to what the store holds
            assertThat(h2.occurrence(second).orElseThrow().state()).isEqualTo(AlarmState.UNACK_ACTIVE);
            assertThat(h2.audit(lastSequence, 10)).isEmpty();
            assertThat(outbox(store)).hasSize(1);
            assertThat(engine.occurrence(second).orElseThrow().state()).isEqualTo(AlarmState.UNACK_ACTIVE);

            // and once the outbox takes rows again, the retry stores all three with no gap in sequence or op id
            StoreTestAccess.execute(store, "DROP TRIGGER test_outbox_full");
            assertThat(engine.acknowledge(second, OPERATOR, "seen").isAccepted()).isTrue();
            assertThat(h2.occurrence(second).orElseThrow().state()).isEqualTo(AlarmState.ACK_ACTIVE);
            assertThat(h2.audit(lastSequence, 10)).extracting(AuditEvent::sequence, AuditEvent::action)
                    .containsExactly(tuple(lastSequence + 1, AuditAction.ACKNOWLEDGED));
            assertThat(outbox(store)).extracting(o -> o.op().opId()).containsExactly("alarm-1", "alarm-2");
        }
    }

    @Test
    void auditEventsAreAppendedNeverReplaced() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            H2AlarmStore h2 = new H2AlarmStore(store, DEVICE);
            h2.commit(changeSet(1, 1, "first", "subject-1"));
            List<AuditEvent> audit = h2.audit(0, 100);

            // a change set that reuses stored sequence numbers is refused, not written over the stored events
            AlarmChangeSet reused = changeSet(1, 2, "again", "subject-again");
            assertThatThrownBy(() -> h2.commit(reused)).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).error()).isEqualTo(StoreError.CONFLICT))
                    .hasMessageContaining("Audit sequence 1 of device console-7 is not above 2");
            // below the store's guard, the database refuses a second event with the same device and sequence
            assertThatThrownBy(() -> store.write(tx -> {
                tx.auditEvents().append(List.of(AlarmRows.row(reused.audit().get(0))));
                return null;
            })).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).error()).isEqualTo(StoreError.CONFLICT));
            // and SQL typed by hand cannot change or delete one either (the V3 trigger)
            assertThatThrownBy(() -> StoreTestAccess.execute(store,
                    "UPDATE audit_record SET new_value = 'forged' WHERE audit_sequence = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> StoreTestAccess.execute(store, "DELETE FROM audit_record"))
                    .hasMessageContaining("append-only");
            assertThat(h2.audit(0, 100)).isEqualTo(audit);
        }
    }

    @Test
    void aNegativeZeroValueComesBackAsZero() {
        // H2 keeps one zero in DOUBLE PRECISION: -0.0 is stored as 0.0. Every comparison the engine makes
        // (limits, matrix) treats the two alike; only a record's equals tells them apart.
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            H2AlarmStore h2 = new H2AlarmStore(store, DEVICE);
            AlarmChangeSet changes = changeSet(1, 1, "zero", "subject-zero");
            AlarmOccurrence o = changes.occurrences().get(0);
            AlarmOccurrence negativeZero = new AlarmOccurrence(o.id(), o.key(), o.source(), o.latching(), o.state(),
                    o.conditionActive(), o.severity(), o.mostSevere(), o.triggerValue(), -0.0, o.mostSevereValue(),
                    o.triggeredAt(), o.updatedAt(), o.clearedAt(), o.acknowledgement(), o.shelving(), o.quality(),
                    o.chattering());
            h2.commit(new AlarmChangeSet(List.of(negativeZero), changes.audit(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null));

            AlarmOccurrence stored = h2.occurrence(o.id()).orElseThrow();
            assertThat(Double.compare(stored.currentValue(), 0.0)).as("stored value is +0.0").isZero();
            assertThat(stored).isNotEqualTo(negativeZero);
        }
    }

    /**
     * A change set with one of everything: a new occurrence (acknowledged, shelved without limit,
     * replayed, NaN value), two audit events (the second with {@code secondSubject}), an outbox
     * command, a track with a trend point without Pc, and both kinds of limit set.
     */
    private static AlarmChangeSet changeSet(long firstSequence, long opId, String name, String secondSubject) {
        Instant at = T0.plusSeconds(firstSequence);
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        AlarmOccurrence occurrence = new AlarmOccurrence(id, new AlarmKey("tm." + name, "P-" + name, DataOrigin.REPLAY),
                AlarmSource.TELEMETRY, true, AlarmState.ACK_ACTIVE, false, Severity.WARNING, Severity.SEVERE,
                Double.NaN, 0.0, 1e300, at, at.plusNanos(1), null,
                new Acknowledgement("sam", Role.SUPERVISOR, at, Severity.SEVERE, ""),
                new Shelving("sam", Role.SUPERVISOR, "maintenance", at, null), Quality.STALE, true);
        List<AuditEvent> audit = List.of(
                new AuditEvent(firstSequence, DEVICE, at, null, id, "subject-" + name, AuditAction.SHELVED, "sam",
                        Role.SUPERVISOR, DataOrigin.REPLAY, "ACK_ACTIVE/WARNING", "ACK_ACTIVE/WARNING shelved",
                        "maintenance", null),
                new AuditEvent(firstSequence + 1, DEVICE, at, null, null, secondSubject, AuditAction.FLOOD_BEGAN,
                        AuditEvent.ENGINE, null, DataOrigin.LIVE, "", "FLOOD 11 in PT10M", "", null));
        AlarmCommand command = new AlarmCommand(DEVICE, opId, AlarmCommand.Type.SHELVE, id, "subject-" + name, "sam",
                Role.SUPERVISOR, at, Map.of("duration", "UNLIMITED", "reason", "maintenance"));
        ConjunctionTrack track = new ConjunctionTrack("event-" + name, ISS, 12345, DataOrigin.OFFLINE_ANALYSIS, at,
                at.plusSeconds(1), "MISSION_" + name, Disposition.NO_ACTION, null, 950.5, null, 2, 7, false);
        ConjunctionTrendPoint point = new ConjunctionTrendPoint("event-" + name, at, UpdateSource.SCREENING, null,
                at.plusSeconds(1), 950.5, null, 1.0, null);
        TelemetryLimitSet telemetry = new TelemetryLimitSet("SET_" + name,
                Map.of("A", new ParameterLimits(Double.NaN, -1, 1, Double.NaN)));
        ConjunctionLimitSet conjunction = new ConjunctionLimitSet("MISSION_" + name, MISSION_X.rules(),
                MISSION_X.clearAfterUpdates(), MISSION_X.graceAfterTca());
        return new AlarmChangeSet(List.of(occurrence), audit, List.of(command), List.of(track), List.of(point),
                List.of(telemetry), List.of(conjunction), "SET_" + name);
    }
}
