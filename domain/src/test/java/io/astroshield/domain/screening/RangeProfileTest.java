package io.astroshield.domain.screening;

import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.propagation.Propagation;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RangeProfileTest {

    private static final ReferenceData DATA = ReferenceData.builtIn();
    private static final Instant START = Instant.parse("2026-03-19T00:00:00Z");

    @Test
    void rangeIsSmallestAtTheScreenersTcaAndGrowsAlongTheRelativeVelocity() {
        // given a planted LEO encounter (900 m at 130 deg crossing) and the screener's TCA for it
        SyntheticCatalog.Population population = new SyntheticCatalog(DATA).generate(7L, 40, START,
                List.of(new Plant(Regime.LEO, 1_800, 900, Math.toRadians(130))));
        SyntheticCatalog.PlantedEncounter planted = population.planted().get(0);
        ConjunctionEvent event = new CatalogScreening(DATA).screen(
                        new ScreeningRequest(START, 3600, Set.of(planted.plantedId()), ScreeningSettings.defaults(5_000, 1)),
                        population.elementSets(), List.of(), ScreeningProgress.NONE, new Cancellation())
                .outcome().events().stream().filter(e -> e.secondaryId() == planted.hostId()).findFirst().orElseThrow();
        var a = population.elementSets().stream().filter(e -> e.noradId() == event.primaryId()).findFirst().orElseThrow();
        var b = population.elementSets().stream().filter(e -> e.noradId() == event.secondaryId()).findFirst().orElseThrow();

        // when
        RangeProfile profile = RangeProfile.around(new Propagation(DATA), a, b, event.tca(), Duration.ofSeconds(10),
                Duration.ofSeconds(1));

        // then: 21 samples, -10 s .. +10 s, the smallest at TCA and equal to the screener's miss (the screener is
        // validated against Orekit to millimetres; 1 m covers the TCA root finder's tolerance)
        double[] offsets = profile.offsetsS();
        double[] range = profile.rangeM();
        assertThat(profile.size()).isEqualTo(21);
        assertThat(offsets[0]).isCloseTo(-10, within(1e-9));
        assertThat(offsets[20]).isCloseTo(10, within(1e-9));
        int smallest = 0;
        for (int i = 1; i < range.length; i++) {
            smallest = range[i] < range[smallest] ? i : smallest;
        }
        assertThat(smallest).isEqualTo(10);
        assertThat(range[10]).isCloseTo(event.missDistanceM(), within(1.0));
        // 10 s away the pair has moved apart along the relative velocity, nearly in a straight line: the
        // differential gravity over ~130 km bends the path by ~10 m (mu/r^3 * d * t^2 / 2), under 0.1 %
        for (int i : new int[] {0, 20}) {
            double straightLine = Math.hypot(event.missDistanceM(), event.relativeSpeedMps() * 10);
            assertThat(range[i]).isCloseTo(straightLine, within(straightLine * 1e-3));
        }
    }

    @Test
    void refusesANonPositiveStep() {
        SyntheticCatalog.Population population = new SyntheticCatalog(DATA).generate(7L, 5, START, List.of());
        var a = population.elementSets().get(0);
        var b = population.elementSets().get(1);
        assertThatThrownBy(() -> RangeProfile.around(new Propagation(DATA), a, b, START, Duration.ofMinutes(1),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
