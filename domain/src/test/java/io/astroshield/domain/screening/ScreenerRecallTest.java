package io.astroshield.domain.screening;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScreenerRecallTest {

    private static final ReferenceData DATA = ReferenceData.builtIn();
    private static final Instant START = Instant.parse("2026-03-19T00:00:00Z");
    private static final double WINDOW_S = 6 * 3600;
    private static final double THRESHOLD_M = 5_000;

    @Test
    void screenerFindsEveryReferenceEncounterWithinTenMillisecondsAndFiveMetres() {
        // given: a few hundred objects in every regime, with encounters planted in each
        List<Plant> plants = List.of(
                new Plant(Regime.LEO, 3_600.5, 250, Math.toRadians(120)),
                new Plant(Regime.LEO, 7_777.0, 4_200, Math.toRadians(35)),
                new Plant(Regime.SSO, 12_000.25, 1_000, Math.toRadians(170)),
                new Plant(Regime.SSO, 20_000.0, 3_000, Math.toRadians(60)),
                new Plant(Regime.MEO, 5_000.0, 2_000, Math.toRadians(40)),
                new Plant(Regime.GEO, 9_000.0, 1_500, Math.toRadians(8)),
                new Plant(Regime.HEO, 15_000.0, 800, Math.toRadians(25)),
                new Plant(Regime.LEO, 18_000.75, 6_000, Math.toRadians(90)),
                // slow crossings: ~200 m/s (SHORT) and ~65 m/s (LONG, reported once)
                new Plant(Regime.SSO, 10_000.0, 1_200, Math.toRadians(1.5)),
                new Plant(Regime.LEO, 14_400.0, 900, Math.toRadians(0.5)));
        SyntheticCatalog.Population population = new SyntheticCatalog(DATA).generate(20261122L, 300, START, plants);
        List<ElementSet> sets = population.elementSets();

        // when
        List<OrekitReferenceScreening.Encounter> reference =
                new OrekitReferenceScreening(DATA).screen(sets, START, WINDOW_S, THRESHOLD_M);
        ScreeningOutcome outcome = new CatalogScreening(DATA).screen(
                new ScreeningRequest(START, WINDOW_S, Set.of(), ScreeningSettings.defaults(THRESHOLD_M, 2)),
                sets, List.of(), ScreeningProgress.NONE, new Cancellation()).outcome();

        // then: the nine planted encounters under the threshold are in the reference
        long plantedUnder = population.planted().stream().filter(p -> p.plannedMissM() <= THRESHOLD_M)
                .filter(p -> reference.stream().anyMatch(r -> r.idB() == p.plantedId() || r.idA() == p.plantedId()))
                .count();
        assertThat(plantedUnder).isEqualTo(9);
        // and every reference encounter faster than 0.1 km/s is found, TCA within 10 ms, miss within 5 m
        for (OrekitReferenceScreening.Encounter r : reference) {
            if (r.relativeSpeedMps() < 100) {
                // a LONG encounter: reported once for the pair, at its closest approach in the window
                assertThat(outcome.events()).as("LONG " + r).anyMatch(e -> e.encounter() == EncounterType.LONG
                        && e.primaryId() == Math.min(r.idA(), r.idB()) && e.secondaryId() == Math.max(r.idA(), r.idB())
                        && e.missDistanceM() <= r.missM() + 5.0);
                continue;
            }
            ConjunctionEvent match = outcome.events().stream()
                    .filter(e -> e.primaryId() == Math.min(r.idA(), r.idB()) && e.secondaryId() == Math.max(r.idA(), r.idB()))
                    .filter(e -> Math.abs(Duration.between(e.tca(), r.tca()).toNanos()) < 1_000_000_000L)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("screener missed " + r));
            assertThat(Math.abs(Duration.between(match.tca(), r.tca()).toNanos() / 1e9)).as("TCA error, s of " + r)
                    .isLessThan(0.010);
            assertThat(match.missDistanceM()).as("miss of " + r).isCloseTo(r.missM(), within(5.0));
            assertThat(match.relativeSpeedMps()).isCloseTo(r.relativeSpeedMps(), within(1.0));
        }
    }
}
