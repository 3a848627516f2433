package io.astroshield.domain.screening;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogScreeningTest {

    private static final ReferenceData DATA = ReferenceData.builtIn();
    private static final Instant START = Instant.parse("2026-03-19T00:00:00Z");
    private static final SyntheticCatalog.Population POPULATION = new SyntheticCatalog(DATA).generate(11L, 150, START,
            List.of(new Plant(Regime.LEO, 1_800, 900, Math.toRadians(130)),
                    new Plant(Regime.SSO, 4_000, 300, Math.toRadians(0.4))));

    private CatalogScreening.Result screen(Set<Integer> primaries, Cancellation cancellation, ScreeningProgress progress) {
        return new CatalogScreening(DATA).screen(
                new ScreeningRequest(START, 3 * 3600, primaries, ScreeningSettings.defaults(5_000, 2)),
                POPULATION.elementSets(), List.of(), progress, cancellation);
    }

    @Test
    void primariesModeReportsOnlyPairsWithAPrimaryAndPutsItFirst() {
        SyntheticCatalog.PlantedEncounter planted = POPULATION.planted().get(0);
        ScreeningOutcome outcome = screen(Set.of(planted.plantedId()), new Cancellation(), ScreeningProgress.NONE).outcome();
        assertThat(outcome.events()).isNotEmpty().allMatch(e -> e.primaryId() == planted.plantedId());
        assertThat(outcome.events()).anyMatch(e -> e.secondaryId() == planted.hostId());
    }

    @Test
    void primariesModeFindsExactlyWhatAllVsAllFindsForThosePrimaries() {
        // given the two planted objects and a GEO object as primaries (the direct, grid-free path)
        Set<Integer> primaries = Set.of(POPULATION.planted().get(0).plantedId(), POPULATION.planted().get(1).hostId(),
                POPULATION.elementSets().stream().filter(e -> e.periodS() > 80_000).findFirst().orElseThrow().noradId());
        List<ConjunctionEvent> all = screen(Set.of(), new Cancellation(), ScreeningProgress.NONE).outcome().events()
                .stream().filter(e -> primaries.contains(e.primaryId()) || primaries.contains(e.secondaryId())).toList();
        List<ConjunctionEvent> direct = screen(primaries, new Cancellation(), ScreeningProgress.NONE).outcome().events();

        // then: the same encounters (pair, TCA to 1 ms, miss to 1 mm), whichever object is listed first
        assertThat(direct).hasSameSizeAs(all).isNotEmpty();
        for (ConjunctionEvent e : all) {
            assertThat(direct).anyMatch(d -> Set.of(d.primaryId(), d.secondaryId()).equals(Set.of(e.primaryId(), e.secondaryId()))
                    && Math.abs(java.time.Duration.between(d.tca(), e.tca()).toNanos()) < 1_000_000
                    && Math.abs(d.missDistanceM() - e.missDistanceM()) < 1e-3);
        }
    }

    @Test
    void everyFastEventIsStreamedBeforeTheRunEndsAndNoLongOneIs() {
        // given a progress listener that collects the streamed sub-window events
        List<ConjunctionEvent> streamed = Collections.synchronizedList(new ArrayList<>());
        ScreeningProgress listener = new ScreeningProgress() {
            @Override
            public void update(double fractionDone, int eventsSoFar) {
            }

            @Override
            public void eventsFound(List<ConjunctionEvent> shortEvents) {
                streamed.addAll(shortEvents);
            }
        };

        // when
        ScreeningOutcome outcome = screen(Set.of(), new Cancellation(), listener).outcome();

        // then: each SHORT event of the outcome was streamed (same pair, same TCA); LONG ones only in the outcome
        List<ConjunctionEvent> fast = outcome.events().stream().filter(e -> e.encounter() == EncounterType.SHORT).toList();
        assertThat(fast).isNotEmpty();
        assertThat(fast).allMatch(e -> streamed.stream().anyMatch(s -> s.primaryId() == e.primaryId()
                && s.secondaryId() == e.secondaryId() && s.tca().equals(e.tca())));
        assertThat(streamed).noneMatch(s -> s.encounter() == EncounterType.LONG);
    }

    @Test
    void progressIsReportedFromTheStartWithinEachSubWindowAndOnlyGoesUp() {
        // given a listener that records every fraction reported
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        ScreeningProgress listener = (fractionDone, eventsSoFar) -> fractions.add(fractionDone);

        // when
        screen(Set.of(), new Cancellation(), listener);

        // then: 0 comes first (a console shows a bar at 0, not an "unknown" animation, while the first sub-window
        // runs), 1 last, nothing outside [0, 1] or going back, and steps inside the sub-windows (4 per sub-window)
        assertThat(fractions).first().isEqualTo(0.0);
        assertThat(fractions).last().isEqualTo(1.0);
        assertThat(fractions).allMatch(f -> f >= 0 && f <= 1);
        assertThat(fractions).isSortedAccordingTo(Double::compare);
        assertThat(fractions.stream().distinct().count()).as("distinct fractions").isGreaterThan(4);
    }

    @Test
    void slowPairIsReportedOnceAsLongEncounter() {
        // planted with a 0.4 deg crossing angle: about 50 m/s relative speed in SSO
        SyntheticCatalog.PlantedEncounter slow = POPULATION.planted().get(1);
        List<ConjunctionEvent> pairEvents = screen(Set.of(), new Cancellation(), ScreeningProgress.NONE).outcome().events()
                .stream().filter(e -> e.secondaryId() == slow.plantedId() || e.primaryId() == slow.plantedId())
                .filter(e -> e.primaryId() == slow.hostId() || e.secondaryId() == slow.hostId()).toList();
        assertThat(pairEvents).hasSize(1);
        assertThat(pairEvents.get(0).encounter()).isEqualTo(EncounterType.LONG);
        assertThat(pairEvents.get(0).relativeSpeedMps()).isLessThan(100);
    }

    @Test
    void progressRisesToOneAndAllVsAllRowsHaveLowerIdFirstInTcaOrder() {
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        ScreeningOutcome outcome = screen(Set.of(), new Cancellation(), (f, n) -> fractions.add(f)).outcome();
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
        assertThat(outcome.events()).allMatch(e -> e.primaryId() < e.secondaryId()).isSortedAccordingTo(ScreeningOutcome.ORDER);
    }

    @Test
    void cancelledScreeningStopsWithCancelledError() {
        Cancellation cancellation = new Cancellation();
        assertThatThrownBy(() -> screen(Set.of(), cancellation, (f, n) -> cancellation.cancel()))
                .isInstanceOf(DomainException.class)
                .satisfies(ex -> assertThat(((DomainException) ex).error()).isEqualTo(DomainError.CANCELLED));
    }

    @Test
    void everyObjectsKnotsInEverySubWindowPassTheBetweenUnitsHook() {
        // a window passes a hook that lets its drawing thread catch up: it must come round often, not per sub-window
        java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
        ScreeningOutcome outcome = screen(Set.of(), new Cancellation(calls::incrementAndGet), ScreeningProgress.NONE)
                .outcome();
        int subWindows = (int) Math.ceil(3 * 3600 / ScreeningSettings.defaults(5_000, 2).chunkS());
        assertThat(calls.get()).isGreaterThanOrEqualTo((long) outcome.statistics().objects() * subWindows);
    }

    @Test
    void unknownPrimaryIsRefused() {
        assertThatThrownBy(() -> screen(Set.of(5), new Cancellation(), ScreeningProgress.NONE))
                .isInstanceOf(DomainException.class).hasMessageContaining("[5]");
    }
}
