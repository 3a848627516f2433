package io.astroshield.app.demo;

import io.astroshield.domain.frames.CartesianState;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.EncounterType;
import io.astroshield.domain.screening.MissVectorRtn;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoScenarioTest {

    // a LEO primary on the x axis moving along +y; the secondary 300 m radially out and 400 m cross-track (+z)
    private static final CartesianState LOW = new CartesianState(7_000_000, 0, 0, 0, 7_500, 0);
    private static final CartesianState HIGH = new CartesianState(7_000_300, 0, 400, 0, 0, 7_500);
    private static final ConjunctionEvent HIGH_FIRST = new ConjunctionEvent(900, 100, Instant.parse("2026-11-22T12:00:00Z"),
            500, 10_606.6, MissVectorRtn.of(HIGH.positionM(), HIGH.velocityMps(), new double[] {-300, 0, -400}),
            EncounterType.SHORT, 1.5, 0.5, HIGH, LOW);

    @Test
    void historyNamesThePairLowerCatalogNumberFirstWithTheMissInThatObjectsFrame() {
        // when
        ConjunctionEvent e = DemoScenario.lowerIdFirst(HIGH_FIRST);

        // then: 100 first, ages swapped, miss = HIGH - LOW seen from LOW: +300 m radial, +400 m along r x v (+z)
        assertThat(e.primaryId()).isEqualTo(100);
        assertThat(e.secondaryId()).isEqualTo(900);
        assertThat(e.primaryEpochAgeDays()).isEqualTo(0.5);
        assertThat(e.missRtnM().radialM()).isCloseTo(300, within(1e-6));
        assertThat(e.missRtnM().crossTrackM()).isCloseTo(400, within(1e-6));
        assertThat(e.missRtnM().inTrackM()).isCloseTo(0, within(1e-6));
    }

    @Test
    void scalingTheMissMovesTheSecondaryAlongTheMissVector() {
        ConjunctionEvent e = DemoScenario.scaledMiss(DemoScenario.lowerIdFirst(HIGH_FIRST), 2.0);
        // 500 m doubled; the secondary now 600 m out and 800 m cross-track of the primary
        assertThat(e.missDistanceM()).isEqualTo(1000);
        assertThat(e.secondaryState().xM() - e.primaryState().xM()).isCloseTo(600, within(1e-6));
        assertThat(e.secondaryState().zM() - e.primaryState().zM()).isCloseTo(800, within(1e-6));
    }
}
