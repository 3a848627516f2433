package io.astroshield.domain.alarms;

import io.astroshield.domain.frames.CartesianState;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.EncounterType;
import io.astroshield.domain.screening.MissVectorRtn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.astroshield.domain.alarms.AlarmFixtures.ANALYST;
import static io.astroshield.domain.alarms.AlarmFixtures.DEVICE;
import static io.astroshield.domain.alarms.AlarmFixtures.OPERATOR;
import static io.astroshield.domain.alarms.AlarmFixtures.SUPERVISOR;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static io.astroshield.domain.alarms.AlarmFixtures.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Conjunction alarms: event matching, the Pc x time-to-TCA x miss matrix, trend, return to normal, disposition. */
class AlarmConjunctionTest {

    private static final double DAY_S = 86_400;
    private static final int ISS = 25544;
    private static final int DEBRIS = 48274;

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();

    private AlarmEngine engine() {
        return engine(AlarmConfiguration.builder(DEVICE).define(AlarmDefinition.conjunction("conjunction")));
    }

    private AlarmEngine engine(AlarmConfiguration.Builder builder) {
        return AlarmEngine.start(builder.build(), clock, store);
    }

    private static ConjunctionUpdate cdm(int primary, int secondary, Instant tca, double missM, Double pc, String id) {
        return new ConjunctionUpdate(primary, secondary, tca, missM, pc, UpdateSource.CDM, DataOrigin.LIVE, id);
    }

    @Test
    void rescreenBatchIsOneCommitWithTheSameOutcomeAsSingleUpdates() {
        // given the same three updates for two events, once one by one and once as a batch
        Instant tca = T0.plus(Duration.ofDays(1));
        List<ConjunctionUpdate> updates = List.of(
                cdm(ISS, DEBRIS, tca, 420, 2e-6, "R-1"),
                cdm(ISS, DEBRIS + 1, tca.plusSeconds(600), 900, 3e-5, "R-2"),
                cdm(ISS, DEBRIS, tca.plusSeconds(1), 300, 2e-4, "R-3"));
        AlarmEngine single = engine();
        updates.forEach(u -> single.conjunctions().accept(u));
        InMemoryAlarmStore batchStore = new InMemoryAlarmStore();
        AlarmEngine batch = AlarmEngine.start(AlarmConfiguration.builder(DEVICE)
                .define(AlarmDefinition.conjunction("conjunction")).build(), clock, batchStore);

        // when
        List<java.util.Optional<ConjunctionTrack>> results = batch.conjunctions().acceptAll(updates);

        // then: one commit, the same events, severities and trends as update by update
        assertThat(batchStore.commits()).isEqualTo(1);
        assertThat(store.commits()).isEqualTo(3);
        assertThat(results).allMatch(java.util.Optional::isPresent);
        assertThat(batch.conjunctions().openTracks()).hasSize(2);
        for (ConjunctionTrack t : single.conjunctions().openTracks()) {
            ConjunctionTrack same = batch.conjunctions().openTracks().stream()
                    .filter(b -> b.secondaryId() == t.secondaryId()).findFirst().orElseThrow();
            assertThat(same.alarmSeverity()).isEqualTo(t.alarmSeverity());
            assertThat(same.updateCount()).isEqualTo(t.updateCount());
            assertThat(batch.conjunctions().trend(same.eventId())).extracting(ConjunctionTrendPoint::pc)
                    .isEqualTo(single.conjunctions().trend(t.eventId()).stream().map(ConjunctionTrendPoint::pc).toList());
        }
    }

    @Test
    void defaultMatrixFollowsCaraThresholds() {
        // NASA CARA: Pc above 1e-7 merits attention, above 1e-4 mitigation (nasa.gov/cara, step 2)
        ConjunctionLimitSet m = ConjunctionLimitSet.caraDefault();
        assertThat(m.severity(0.99e-7, 500, 2 * DAY_S)).isNull();
        assertThat(m.severity(1e-7, 500, 2 * DAY_S)).isEqualTo(Severity.WARNING);
        assertThat(m.severity(1e-7, 500, 8 * DAY_S)).isEqualTo(Severity.WATCH);
        assertThat(m.severity(1e-5, 500, 2 * DAY_S)).isEqualTo(Severity.DISTRESS);
        assertThat(m.severity(1e-5, 500, 4 * DAY_S)).isEqualTo(Severity.WARNING);
        assertThat(m.severity(0.99e-4, 500, 2 * DAY_S)).isEqualTo(Severity.DISTRESS);
        assertThat(m.severity(1e-4, 500, 2 * DAY_S)).isEqualTo(Severity.CRITICAL);
        assertThat(m.severity(1e-4, 500, 0.99 * DAY_S)).isEqualTo(Severity.SEVERE);
        assertThat(m.severity(1e-4, 500, -3600)).as("past TCA counts as 0 s to go").isEqualTo(Severity.SEVERE);
        // no Pc (screening on TLEs): miss distance decides; SOCRATES reports within 5 km
        assertThat(m.severity(null, 800, 2 * DAY_S)).isEqualTo(Severity.WARNING);
        assertThat(m.severity(null, 4_000, 5 * DAY_S)).isEqualTo(Severity.WATCH);
        assertThat(m.severity(null, 6_000, 2 * DAY_S)).isNull();
        // with a Pc, a small miss distance alone does not alarm (CARA decides on Pc)
        assertThat(m.severity(1e-9, 100, 2 * DAY_S)).isNull();
    }

    @Test
    void conjunctionPcRisingOverThreeCdmsEscalatesWarningToCritical() {
        // given an event two days ahead, acknowledged at WARNING after the first CDM
        AlarmEngine engine = engine();
        Instant tca = T0.plus(Duration.ofDays(2));
        ConjunctionTrack first = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 420, 2e-6, "CDM-1")).orElseThrow();
        AlarmOccurrence warning = engine.conjunctions().occurrence(first.eventId()).orElseThrow();
        engine.acknowledge(warning.id(), OPERATOR, "tracking");

        // when two more CDMs arrive 8 h apart, Pc rising and TCA refined by seconds
        clock.advance(Duration.ofHours(8));
        engine.conjunctions().accept(cdm(ISS, DEBRIS, tca.plusSeconds(2), 300, 3e-5, "CDM-2"));
        AlarmOccurrence distress = engine.conjunctions().occurrence(first.eventId()).orElseThrow();
        clock.advance(Duration.ofHours(8));
        ConjunctionTrack third = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca.minusSeconds(1), 120, 2e-4, "CDM-3"))
                .orElseThrow();
        AlarmOccurrence critical = engine.conjunctions().occurrence(first.eventId()).orElseThrow();

        // then one event, one occurrence, escalated WARNING -> DISTRESS -> CRITICAL, needing a new ack
        assertThat(third.eventId()).isEqualTo(first.eventId());
        assertThat(third.updateCount()).isEqualTo(3);
        assertThat(engine.conjunctions().openTracks()).hasSize(1);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(distress.id()).isEqualTo(warning.id());
        assertThat(distress.severity()).isEqualTo(Severity.DISTRESS);
        assertThat(distress.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(critical.id()).isEqualTo(warning.id());
        assertThat(critical.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(critical.mostSevereValue()).isEqualTo(2e-4);
        assertThat(critical.triggerValue()).isEqualTo(2e-6);
        // and the trend holds each CDM with its Pc, miss distance, time to TCA and grade
        List<ConjunctionTrendPoint> trend = engine.conjunctions().trend(first.eventId());
        assertThat(trend).extracting(ConjunctionTrendPoint::reference).containsExactly("CDM-1", "CDM-2", "CDM-3");
        assertThat(trend).extracting(ConjunctionTrendPoint::pc).containsExactly(2e-6, 3e-5, 2e-4);
        assertThat(trend).extracting(ConjunctionTrendPoint::missDistanceM).containsExactly(420.0, 300.0, 120.0);
        assertThat(trend).extracting(ConjunctionTrendPoint::severity)
                .containsExactly(Severity.WARNING, Severity.DISTRESS, Severity.CRITICAL);
        // 48 h, 40 h + 2 s and 32 h - 1 s ahead, exactly (clock and TCA are whole seconds)
        assertThat(trend.get(0).timeToTcaS()).isCloseTo(172_800, within(1e-9));
        assertThat(trend.get(1).timeToTcaS()).isCloseTo(144_002, within(1e-9));
        assertThat(trend.get(2).timeToTcaS()).isCloseTo(115_199, within(1e-9));
        assertThat(store.audit()).extracting(AuditEvent::action).containsExactly(AuditAction.TRIGGERED,
                AuditAction.ACKNOWLEDGED, AuditAction.ESCALATED, AuditAction.SEVERITY_CHANGED);
    }

    @Test
    void updatesOfThePairWithinFiveMinutesOfTheLatestTcaBelongToOneEvent() {
        AlarmEngine engine = engine();
        Instant tca = T0.plus(Duration.ofDays(2));
        String id = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 400, 1e-6, "a")).orElseThrow().eventId();
        // reversed pair order, 4 min later: same event; its latest TCA moves
        String reversed = engine.conjunctions().accept(cdm(DEBRIS, ISS, tca.plusSeconds(240), 400, 1e-6, "b"))
                .orElseThrow().eventId();
        // 4 min after the latest TCA (8 min after the first): still the same event
        String chained = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca.plusSeconds(480), 400, 1e-6, "c"))
                .orElseThrow().eventId();
        // 6 min after the latest TCA: the next orbit's encounter, a new event
        String next = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca.plusSeconds(840), 400, 1e-6, "d"))
                .orElseThrow().eventId();
        // same pair and TCA from replayed data: kept apart
        String replayed = engine.conjunctions().accept(new ConjunctionUpdate(ISS, DEBRIS, tca, 400, 1e-6,
                UpdateSource.CDM, DataOrigin.REPLAY, "r")).orElseThrow().eventId();

        assertThat(reversed).isEqualTo(id);
        assertThat(chained).isEqualTo(id);
        assertThat(next).isNotEqualTo(id);
        assertThat(replayed).isNotIn(id, next);
        assertThat(engine.conjunctions().openTracks()).hasSize(3);
        assertThat(engine.summary().unacknowledged().count()).isEqualTo(2);
    }

    @Test
    void pcBelowThresholdForThreeUpdatesReturnsToNormal() {
        AlarmEngine engine = engine();
        Instant tca = T0.plus(Duration.ofDays(2));
        String id = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 150, 2e-4, "1")).orElseThrow().eventId();
        // two updates below 1e-7: the red assessment stands (one optimistic CDM does not clear it)
        engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 900, 1e-8, "2"));
        engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 950, 2e-8, "3"));
        AlarmOccurrence holding = engine.conjunctions().occurrence(id).orElseThrow();
        assertThat(holding.conditionActive()).isTrue();
        assertThat(holding.severity()).isEqualTo(Severity.CRITICAL);
        // one above threshold restarts the count
        engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 500, 2e-7, "4"));
        assertThat(engine.conjunctions().occurrence(id).orElseThrow().severity()).isEqualTo(Severity.WARNING);
        engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 900, 1e-8, "5"));
        engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 900, 1e-8, "6"));
        assertThat(engine.conjunctions().occurrence(id).orElseThrow().conditionActive()).isTrue();
        // the third consecutive one returns the alarm to normal; the event stays followed
        engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 900, 1e-8, "7"));
        AlarmOccurrence returned = engine.conjunctions().occurrence(id).orElseThrow();
        assertThat(returned.state()).isEqualTo(AlarmState.UNACK_RTN);
        assertThat(engine.conjunctions().track(id).orElseThrow().updatesWithoutSeverity()).isEqualTo(3);
        assertThat(engine.conjunctions().trend(id)).hasSize(7);
    }

    @Test
    void alarmReturnsToNormalAtTcaPlusGraceAndTheEventCloses() {
        AlarmEngine engine = engine();
        Instant tca = T0.plus(Duration.ofHours(2));
        String id = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 80, 1e-3, "1")).orElseThrow().eventId();
        AlarmOccurrence severe = engine.conjunctions().occurrence(id).orElseThrow();
        assertThat(severe.severity()).isEqualTo(Severity.SEVERE);
        engine.acknowledge(severe.id(), OPERATOR, "maneuver executed");
        // default grace is 1 h after TCA
        clock.advance(Duration.ofHours(3).minusSeconds(1));
        engine.tick();
        assertThat(engine.conjunctions().occurrence(id)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(engine.openOccurrences()).isEmpty();
        assertThat(engine.conjunctions().openTracks()).isEmpty();
        // a late CDM for an event that is over is not followed again
        assertThat(engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 80, 1e-3, "late"))).isEmpty();
        assertThat(engine.openOccurrences()).isEmpty();
    }

    @Test
    void timeAloneMovesAnEventIntoAMoreUrgentBand() {
        AlarmEngine engine = engine();
        Instant tca = T0.plus(Duration.ofHours(30));
        String id = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 100, 2e-4, "1")).orElseThrow().eventId();
        assertThat(engine.conjunctions().occurrence(id).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        // SEVERE applies within 24 h of TCA, boundary included
        clock.advance(Duration.ofHours(6).minusSeconds(1));
        engine.tick();
        assertThat(engine.conjunctions().occurrence(id).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(engine.conjunctions().occurrence(id).orElseThrow().severity()).isEqualTo(Severity.SEVERE);
        assertThat(engine.conjunctions().trend(id)).as("a tick is not an update").hasSize(1);
    }

    @Test
    void dispositionIsKeptApartFromTheAlarmState() {
        AlarmEngine engine = engine();
        String id = engine.conjunctions().accept(cdm(ISS, DEBRIS, T0.plus(Duration.ofDays(2)), 150, 2e-4, "1"))
                .orElseThrow().eventId();
        AlarmOccurrence before = engine.conjunctions().occurrence(id).orElseThrow();

        assertThat(engine.conjunctions().setDisposition(id, VIEWER, Disposition.NO_ACTION, "").refusal())
                .isEqualTo(Refusal.NOT_PERMITTED);
        ActionResult planned = engine.conjunctions().setDisposition(id, ANALYST, Disposition.MANEUVER_PLANNED,
                "burn at TCA - 1 rev");

        assertThat(planned.isAccepted()).isTrue();
        assertThat(engine.conjunctions().track(id).orElseThrow().disposition()).isEqualTo(Disposition.MANEUVER_PLANNED);
        AlarmOccurrence after = engine.conjunctions().occurrence(id).orElseThrow();
        assertThat(after.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(after).isEqualTo(before);
        AuditEvent audited = store.audit().get(store.audit().size() - 1);
        assertThat(audited.action()).isEqualTo(AuditAction.DISPOSITION_CHANGED);
        assertThat(audited.oldValue()).isEqualTo("NOT_ASSESSED");
        assertThat(audited.newValue()).isEqualTo("MANEUVER_PLANNED");
        assertThat(audited.occurrenceId()).isEqualTo(before.id());
        assertThat(store.outbox()).singleElement().extracting(AlarmCommand::type)
                .isEqualTo(AlarmCommand.Type.SET_DISPOSITION);
    }

    @Test
    void limitSetPerPrimaryAndSupervisorChangesAreAudited() {
        ConjunctionLimitSet strict = new ConjunctionLimitSet("ISS_STRICT",
                List.of(ConjunctionRule.pcAtLeast(Severity.CRITICAL, 1e-6, 7 * DAY_S)), 3, Duration.ofHours(1));
        AlarmEngine engine = engine(AlarmConfiguration.builder(DEVICE).define(AlarmDefinition.conjunction("conjunction"))
                .conjunctionLimitSet(strict).conjunctionLimitSetForPrimary(ISS, "ISS_STRICT"));
        Instant tca = T0.plus(Duration.ofDays(2));
        String iss = engine.conjunctions().accept(cdm(ISS, DEBRIS, tca, 300, 2e-6, "1")).orElseThrow().eventId();
        String other = engine.conjunctions().accept(cdm(43013, DEBRIS, tca, 300, 2e-6, "2")).orElseThrow().eventId();
        assertThat(engine.conjunctions().occurrence(iss).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(engine.conjunctions().occurrence(other).orElseThrow().severity()).isEqualTo(Severity.WARNING);

        ConjunctionLimitSet looser = strict.withRules(List.of(ConjunctionRule.pcAtLeast(Severity.CRITICAL, 1e-5, 7 * DAY_S)));
        assertThat(engine.conjunctions().changeLimitSet(OPERATOR, looser).refusal()).isEqualTo(Refusal.NOT_PERMITTED);
        assertThat(engine.conjunctions().changeLimitSet(SUPERVISOR, looser).isAccepted()).isTrue();
        assertThat(engine.conjunctions().limitSetNamed("ISS_STRICT")).contains(looser);
        AuditEvent change = store.audit().get(store.audit().size() - 1);
        assertThat(change.action()).isEqualTo(AuditAction.LIMITS_CHANGED);
        assertThat(change.oldValue()).contains("Pc>=1.0e-06");
        assertThat(change.newValue()).contains("Pc>=1.0e-05");
    }

    @Test
    void screeningEventsFeedTheSameAlarms() {
        AlarmEngine engine = engine();
        CartesianState state = new CartesianState(7_000_000, 0, 0, 0, 7_500, 0);
        ConjunctionEvent screened = new ConjunctionEvent(ISS, DEBRIS, T0.plus(Duration.ofDays(1)).plusSeconds(7200), 700,
                14_000, new MissVectorRtn(100, 600, 340), EncounterType.SHORT, 0.5, 1.5, state, state);
        ConjunctionTrack track = engine.conjunctions()
                .accept(ConjunctionUpdate.fromScreening(screened, null, DataOrigin.LIVE, "run-7")).orElseThrow();
        AlarmOccurrence o = engine.conjunctions().occurrence(track.eventId()).orElseThrow();
        // no Pc, 700 m within 3 days: the miss-distance rule gives WARNING; the value is NaN (no Pc)
        assertThat(o.severity()).isEqualTo(Severity.WARNING);
        assertThat(o.triggerValue()).isNaN();
        assertThat(engine.conjunctions().trend(track.eventId())).singleElement()
                .extracting(ConjunctionTrendPoint::source).isEqualTo(UpdateSource.SCREENING);
    }
}
