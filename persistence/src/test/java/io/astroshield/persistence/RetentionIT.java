package io.astroshield.persistence;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.persistence.alarms.AlarmOccurrenceRow;
import io.astroshield.persistence.alarms.AlarmSeverity;
import io.astroshield.persistence.alarms.AlarmState;
import io.astroshield.persistence.alarms.AuditEntry;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.sync.OutboxOp;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.persistence.telemetry.SampleQuality;
import io.astroshield.persistence.telemetry.SpacecraftRow;
import io.astroshield.persistence.telemetry.TelemetryPointRow;
import io.astroshield.persistence.telemetry.TelemetrySampleRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, retention: old data goes; unacknowledged alarms, audit and unsynced outbox rows never do. */
class RetentionIT {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path dataDir;

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static ElementSet elementSet(int norad, Instant epoch) {
        return new ElementSet(norad, "OBJ " + norad, null, 'U', epoch, 0.0011, 0.001, 0.9, 1, 2, 3, 1e-4, 0, 0, 999,
                100, 0, ObjectType.DEBRIS, "test:1");
    }

    private static ConjunctionObservation observation(int primary, int secondary, Instant tca) {
        return new ConjunctionObservation(primary, secondary, tca, 500, 10_000, 1, 2, 3, EncounterKind.SHORT, 1.0, 2.0,
                1e-5, "PATERA_2005", null, "CDM");
    }

    private static AlarmOccurrenceRow alarm(long eventId, AlarmState state) {
        return new AlarmOccurrenceRow(null, eventId, "event " + eventId, DataOrigin.LIVE, state, AlarmSeverity.WARNING,
                null, false, daysAgo(61), daysAgo(61), null, null, null, null, null,
                state == AlarmState.CLEARED ? daysAgo(59) : null);
    }

    @Test
    void purgeRemovesWhatIsOldAndKeepsWhatMustStay() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            // given 60-day-old and recent data of every kind
            long[] events = store.write(tx -> {
                tx.elementSets().importAll(List.of(elementSet(1, daysAgo(100)), elementSet(1, daysAgo(50)),
                        elementSet(1, daysAgo(10)), elementSet(2, daysAgo(200))), NOW);
                tx.telemetry().saveSpacecraft(new SpacecraftRow("sc-1", "Sat One", 25544, null, daysAgo(300)));
                tx.telemetry().savePoint(new TelemetryPointRow("sc-1", "BATT_V", "V", null));
                tx.telemetry().appendSamples(List.of(
                        new TelemetrySampleRow("sc-1", "BATT_V", daysAgo(40), 28.1, SampleQuality.GOOD, daysAgo(40)),
                        new TelemetrySampleRow("sc-1", "BATT_V", daysAgo(5), 28.2, SampleQuality.GOOD, daysAgo(5))));
                long plain = tx.conjunctionEvents().record(List.of(observation(1, 10, daysAgo(60))), null, null,
                        daysAgo(61)).get(0).eventId();
                long unacked = tx.conjunctionEvents().record(List.of(observation(1, 11, daysAgo(60))), null, null,
                        daysAgo(61)).get(0).eventId();
                long cleared = tx.conjunctionEvents().record(List.of(observation(1, 12, daysAgo(60))), null, null,
                        daysAgo(61)).get(0).eventId();
                long open = tx.conjunctionEvents().record(List.of(observation(1, 13, daysAgo(60))), null, null,
                        daysAgo(61)).get(0).eventId();
                long recent = tx.conjunctionEvents().record(List.of(observation(1, 14, daysAgo(5))), null, null,
                        daysAgo(6)).get(0).eventId();
                tx.conjunctionEvents().closePast(daysAgo(1), daysAgo(1));
                tx.conjunctionEvents().record(List.of(observation(1, 13, daysAgo(60))), null, null, daysAgo(1));
                tx.alarms().raise(alarm(unacked, AlarmState.UNACK_RTN));
                tx.alarms().raise(alarm(cleared, AlarmState.CLEARED));
                tx.audit().append(new AuditEntry(daysAgo(400), null, "ana", "operator", "console-1", DataOrigin.LIVE,
                        "ACKNOWLEDGE", 1L, null, "old", null));
                long applied = tx.outbox().enqueue(new OutboxOp("dev", "op-1", "ACK", "{}", daysAgo(60)));
                tx.outbox().resolve(applied, OutboxStatus.APPLIED, null, daysAgo(60));
                long parked = tx.outbox().enqueue(new OutboxOp("dev", "op-2", "ACK", "{}", daysAgo(60)));
                tx.outbox().park(parked, "keeps failing");
                tx.outbox().enqueue(new OutboxOp("dev", "op-3", "NOTE", "{}", daysAgo(60)));
                long rejected = tx.outbox().enqueue(new OutboxOp("dev", "op-4", "ACK", "{}", daysAgo(6)));
                tx.outbox().resolve(rejected, OutboxStatus.REJECTED, "not permitted", daysAgo(5));
                return new long[] {plain, unacked, cleared, open, recent};
            });

            // when data older than 30 days is purged
            PurgeReport report = store.purge(RetentionPolicy.olderThan(Duration.ofDays(30)), NOW);

            // then
            assertThat(report.elementSets()).as("object 1's two old sets; object 2's only set stays").isEqualTo(2);
            assertThat(report.telemetrySamples()).isEqualTo(1);
            assertThat(report.conjunctionEvents()).as("the closed event without alarm and the cleared one").isEqualTo(2);
            assertThat(report.eventUpdates()).as("one update each").isEqualTo(2);
            assertThat(report.alarmOccurrences()).as("only the cleared occurrence").isEqualTo(1);
            assertThat(report.outboxRows()).as("only the applied op").isEqualTo(1);
            store.read(tx -> {
                assertThat(tx.elementSets().history(1)).extracting(ElementSet::epoch).containsExactly(daysAgo(10));
                assertThat(tx.elementSets().history(2)).hasSize(1);
                assertThat(tx.telemetry().samples("sc-1", "BATT_V", daysAgo(1000), NOW)).hasSize(1);
                assertThat(tx.conjunctionEvents().find(events[0])).isEmpty();
                assertThat(tx.conjunctionEvents().find(events[1])).as("unacknowledged alarm keeps its event").isPresent();
                assertThat(tx.conjunctionEvents().find(events[2])).isEmpty();
                assertThat(tx.conjunctionEvents().find(events[3])).map(StoredEvent::updateCount).contains(2);
                assertThat(tx.conjunctionEvents().find(events[4])).isPresent();
                assertThat(tx.alarms().unacknowledged()).hasSize(1);
                assertThat(tx.audit().count()).isEqualTo(1);
                assertThat(tx.outbox().all()).extracting(StoredOp::status)
                        .containsExactly(OutboxStatus.PARKED, OutboxStatus.PENDING, OutboxStatus.REJECTED);
                assertThat(tx.outbox().unsyncedCount()).isEqualTo(2);
                return null;
            });
            assertThat(store.purge(RetentionPolicy.keepEverything(), NOW).total()).isZero();
        }
    }
}
