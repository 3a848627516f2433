package io.astroshield.persistence;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.persistence.alarms.AlarmDefinitionRow;
import io.astroshield.persistence.alarms.AlarmOccurrenceRow;
import io.astroshield.persistence.alarms.AuditEntry;
import io.astroshield.persistence.alarms.StoredAudit;
import io.astroshield.persistence.catalog.ImportResult;
import io.astroshield.persistence.cdm.CdmRow;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.RecordedUpdate;
import io.astroshield.persistence.screening.RunOutcome;
import io.astroshield.persistence.screening.RunParameters;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredRun;
import io.astroshield.persistence.screening.StoredUpdate;
import io.astroshield.persistence.sync.OutboxOp;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.persistence.telemetry.LimitRange;
import io.astroshield.persistence.telemetry.LimitSetRow;
import io.astroshield.persistence.telemetry.SampleQuality;
import io.astroshield.persistence.telemetry.SpacecraftRow;
import io.astroshield.persistence.telemetry.TelemetryPointRow;
import io.astroshield.persistence.telemetry.TelemetrySampleRow;
import io.astroshield.persistence.workspace.LayoutRow;
import io.astroshield.persistence.workspace.NoteRow;
import io.astroshield.persistence.workspace.NoteSubject;
import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.persistence.workspace.StoredNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, round trip: every stored type comes back equal, over generated values with edge values
 * (absent Pc, instants from year 1 to 2999 with nanoseconds, non-ASCII text). Seeds are fixed, so
 * a failure reproduces.
 */
class RoundTripIT {

    private static final int CASES = 200;
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    @TempDir
    Path dataDir;

    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(dataDir, StoreOptions.defaults().withDurability(Durability.PROCESS_CRASH));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void elementSetsComeBackEqualAndAreStoredOncePerObjectAndEpoch() {
        Generated g = new Generated(1);
        List<ElementSet> sets = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        while (sets.size() < CASES) {
            int norad = sets.size() % 40;
            ElementSet e = g.elementSet(norad, g.instant());
            if (keys.add(norad + "@" + e.epoch())) {
                sets.add(e);
            }
        }
        ImportResult first = store.write(tx -> tx.elementSets().importAll(sets, NOW));
        ImportResult again = store.write(tx -> tx.elementSets().importAll(sets, NOW));
        assertThat(first.stored()).isEqualTo(CASES);
        assertThat(again.stored()).isZero();
        assertThat(again.duplicates()).isEqualTo(CASES);
        store.read(tx -> {
            for (int norad = 0; norad < 40; norad++) {
                int n = norad;
                List<ElementSet> expected = sets.stream().filter(e -> e.noradId() == n)
                        .sorted(Comparator.comparing(ElementSet::epoch)).toList();
                assertThat(tx.elementSets().history(norad)).containsExactlyElementsOf(expected);
                assertThat(tx.elementSets().latest(norad)).contains(expected.get(expected.size() - 1));
            }
            assertThat(tx.elementSets().latestOfEveryObject()).hasSize(40);
            assertThat(tx.spaceObjects().all()).hasSize(40);
            return null;
        });
    }

    @Test
    void ephemeridesComeBackEqual() {
        Generated g = new Generated(2);
        for (int i = 0; i < CASES / 4; i++) {
            Ephemeris e = g.ephemeris();
            long id = store.write(tx -> tx.ephemerides().save(e, NOW));
            Optional<Ephemeris> back = store.read(tx -> tx.ephemerides().find(id));
            assertThat(back).contains(e);
        }
    }

    @Test
    void cdmsComeBackEqualWithAbsentFieldsStillAbsent() {
        Generated g = new Generated(3);
        for (int i = 0; i < CASES; i++) {
            CdmRow cdm = g.cdm(i);
            long id = store.write(tx -> tx.cdms().save(cdm, NOW).id());
            CdmRow back = store.read(tx -> tx.cdms().find(id)).orElseThrow().cdm();
            assertThat(back).isEqualTo(cdm);
            boolean storedAgain = store.write(tx -> tx.cdms().save(cdm, NOW).created());
            assertThat(storedAgain).as("second copy not stored").isFalse();
        }
    }

    @Test
    void screeningRunsAndEventUpdatesComeBackEqual() {
        Generated g = new Generated(4);
        for (int i = 0; i < CASES / 4; i++) {
            RunParameters p = g.runParameters();
            RunOutcome o = g.runOutcome();
            Instant started = g.instant();
            List<ConjunctionObservation> obs = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                obs.add(g.observation(1 + g.nextInt(5), 10 + g.nextInt(5), g.instant()));
            }
            long runId = store.write(tx -> {
                long id = tx.screeningRuns().start(started, p);
                tx.conjunctionEvents().record(obs, id, null, started);
                tx.screeningRuns().finish(id, o);
                return id;
            });
            StoredRun run = store.read(tx -> tx.screeningRuns().find(runId)).orElseThrow();
            assertThat(run.parameters()).isEqualTo(p);
            assertThat(run.outcome()).isEqualTo(o);
            assertThat(run.startedAt()).isEqualTo(started);
            List<StoredUpdate> updates = new ArrayList<>();
            store.read(tx -> {
                for (ConjunctionObservation ob : obs) {
                    for (StoredEvent e : tx.conjunctionEvents().forPair(ob.primaryNorad(), ob.secondaryNorad(),
                            EARLIEST, LATEST)) {
                        updates.addAll(tx.conjunctionEvents().trend(e.id()));
                    }
                }
                return null;
            });
            assertThat(updates.stream().filter(u -> u.runId() == runId).map(StoredUpdate::observation).distinct())
                    .containsExactlyInAnyOrderElementsOf(obs);
        }
    }

    @Test
    void observationsOfOnePairWithinFiveMinutesAreOneEventWithATrend() {
        Instant tca = Instant.parse("2026-11-23T04:12:09.113Z");
        Generated g = new Generated(5);
        ConjunctionObservation first = g.observation(25544, 48274, tca);
        ConjunctionObservation closer = g.observation(25544, 48274, tca.plus(Duration.ofMinutes(4)));
        ConjunctionObservation chained = g.observation(25544, 48274, tca.plus(Duration.ofMinutes(8)));
        ConjunctionObservation otherPass = g.observation(25544, 48274, tca.plus(Duration.ofMinutes(95)));
        ConjunctionObservation reversed = g.observation(48274, 25544, tca);
        List<RecordedUpdate> a = store.write(tx -> tx.conjunctionEvents().record(List.of(first), null, null, NOW));
        List<RecordedUpdate> b = store.write(tx -> tx.conjunctionEvents().record(List.of(closer, otherPass, reversed),
                null, null, NOW.plusSeconds(3600)));
        List<RecordedUpdate> c = store.write(tx -> tx.conjunctionEvents().record(List.of(chained), null, null,
                NOW.plusSeconds(7200)));
        assertThat(a.get(0).newEvent()).isTrue();
        assertThat(b.get(0)).isEqualTo(new RecordedUpdate(a.get(0).eventId(), false));
        assertThat(b.get(1).newEvent()).as("95 minutes later: the next pass").isTrue();
        assertThat(b.get(2).newEvent()).as("primary and secondary swapped").isTrue();
        assertThat(c.get(0).eventId()).as("within 5 min of the latest TCA").isEqualTo(a.get(0).eventId());
        List<StoredUpdate> trend = store.read(tx -> tx.conjunctionEvents().trend(a.get(0).eventId()));
        assertThat(trend).extracting(StoredUpdate::observation).containsExactly(first, closer, chained);
        assertThat(trend).extracting(StoredUpdate::recordedAt)
                .containsExactly(NOW, NOW.plusSeconds(3600), NOW.plusSeconds(7200));
        StoredEvent event = store.read(tx -> tx.conjunctionEvents().find(a.get(0).eventId())).orElseThrow();
        assertThat(event.updateCount()).isEqualTo(3);
        assertThat(event.tca()).isEqualTo(chained.tca());
        assertThat(event.pc()).isEqualTo(chained.pc());
    }

    @Test
    void telemetryLimitsAndSamplesComeBackEqual() {
        Generated g = new Generated(6);
        SpacecraftRow sc = new SpacecraftRow("sc-Ω", "Sentinel-1Ä", null, g.textOrNull(), g.instant());
        TelemetryPointRow point = new TelemetryPointRow("sc-Ω", "BATT_V", "V", "battery voltage – bus A");
        List<LimitSetRow> limits = new ArrayList<>();
        List<TelemetrySampleRow> samples = new ArrayList<>();
        Instant t = Instant.parse("2026-11-22T00:00:00Z");
        for (int i = 0; i < CASES; i++) {
            t = t.plusNanos(1 + g.nextInt(1_000_000_000));
            samples.add(new TelemetrySampleRow("sc-Ω", "BATT_V", t, i % 17 == 0 ? Double.NaN : 28 + i * 1e-3,
                    SampleQuality.values()[g.nextInt(3)], t.plusMillis(g.nextInt(5000))));
        }
        Instant t0 = t;
        for (int i = 0; i < 10; i++) {
            Double low = g.doubleOrNull(1);
            limits.add(new LimitSetRow("sc-Ω", "BATT_V", t0.plusSeconds(i), new LimitRange(low, low == null ? null : low + 1),
                    LimitRange.NONE, new LimitRange(null, 40.0), new LimitRange(20.0, null), LimitRange.NONE, g.text(),
                    g.instant()));
        }
        store.write(tx -> {
            tx.telemetry().saveSpacecraft(sc);
            tx.telemetry().savePoint(point);
            limits.forEach(tx.telemetry()::addLimitSet);
            tx.telemetry().appendSamples(samples);
            return null;
        });
        Instant end = t.plusSeconds(1);
        store.read(tx -> {
            assertThat(tx.telemetry().spacecraft()).containsExactly(sc);
            assertThat(tx.telemetry().points("sc-Ω")).containsExactly(point);
            assertThat(tx.telemetry().limitHistory("sc-Ω", "BATT_V")).containsExactlyElementsOf(limits);
            assertThat(tx.telemetry().limitsAt("sc-Ω", "BATT_V", t0.plusSeconds(3).plusMillis(500)))
                    .as("the set valid from t0 + 3 s").contains(limits.get(3));
            assertThat(tx.telemetry().samples("sc-Ω", "BATT_V", Instant.EPOCH, end)).containsExactlyElementsOf(samples);
            return null;
        });
    }

    @Test
    void alarmsAuditNotesSettingsLayoutsOutboxAndCursorsComeBackEqual() {
        Generated g = new Generated(7);
        for (int index = 0; index < CASES / 4; index++) {
            int i = index;
            AlarmDefinitionRow d = g.alarmDefinition(i);
            AlarmOccurrenceRow o = g.occurrence();
            AuditEntry a = g.audit();
            NoteRow n = new NoteRow(NoteSubject.values()[g.nextInt(5)], "k" + i, g.text(), g.instant(), g.instant(),
                    g.text() + "\n" + g.text());
            LayoutRow l = new LayoutRow("layout " + i + " " + g.text(), 1 + g.nextInt(4), "{\"x\":\"" + g.text() + "\"}",
                    g.instant());
            OutboxOp op = new OutboxOp("device-Ä", "op-" + i, "ACK", "{\"note\":\"" + g.text() + "\"}", g.instant());
            String value = g.text();
            long[] ids = store.write(tx -> new long[] {tx.alarms().define(d), tx.alarms().raise(o), tx.audit().append(a),
                    tx.notes().add(n), tx.outbox().enqueue(op), tx.settings().put(SettingScope.SHARED, "k" + i, value, NOW)});
            store.write(tx -> {
                tx.layouts().save(l);
                tx.syncCursors().save("scope-" + i, "cursor-" + value, NOW);
                return null;
            });
            store.read(tx -> {
                assertThat(tx.alarms().definition(ids[0]).orElseThrow().definition()).isEqualTo(d);
                assertThat(tx.alarms().occurrence(ids[1]).orElseThrow().occurrence()).isEqualTo(o);
                assertThat(tx.audit().after(ids[2] - 1, 1)).extracting(StoredAudit::entry).containsExactly(a);
                StoredNote note = tx.notes().find(ids[3]).orElseThrow();
                assertThat(note.note()).isEqualTo(n);
                List<StoredOp> due = tx.outbox().all();
                assertThat(due.get(due.size() - 1).op()).isEqualTo(op);
                assertThat(tx.settings().get(SettingScope.SHARED, "k" + i).orElseThrow().value()).isEqualTo(value);
                assertThat(tx.layouts().find(l.name())).contains(l);
                assertThat(tx.syncCursors().get("scope-" + i)).contains("cursor-" + value);
                return null;
            });
        }
    }
}
