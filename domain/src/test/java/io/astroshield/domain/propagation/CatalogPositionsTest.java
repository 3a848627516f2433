package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CatalogPositionsTest {

    private static final ReferenceData RD = ReferenceData.builtIn();

    private static List<ElementSet> verificationSets() {
        List<ElementSet> sets = new ArrayList<>();
        for (VerificationSet.Case c : VerificationSet.load()) {
            sets.add(c.elementSet(RD));
        }
        return sets;
    }

    @Test
    void positionsOfTheWholeCatalogMatchOrekitWithinFloatRounding() {
        // given the Vallado 2006 verification satellites (near-Earth, deep-space, resonant) and one instant
        // 2 h after the first epoch (each satellite is then hours to years from its own epoch)
        List<ElementSet> sets = verificationSets();
        CatalogPositions positions = CatalogPositions.of(sets, RD);
        Instant t = sets.get(0).epoch().plus(Duration.ofHours(2));
        Propagation orekit = new Propagation(RD);
        // when every position is computed at once
        float[] xyz = positions.at(t);
        // then each equals Orekit's TLEPropagator in km, within the float's rounding (half an ulp: 2^-24 relative,
        // taken as 2^-23) plus the batch SGP4's millimetre
        int compared = 0;
        for (int i = 0; i < sets.size(); i++) {
            PropagationResult reference = orekit.propagate(sets.get(i), t);
            if (!reference.isValid()) {
                assertThat(xyz[3 * i]).as("object %d", sets.get(i).noradId()).isNaN();
                continue;
            }
            double[] r = reference.state().positionM();
            for (int j = 0; j < 3; j++) {
                double km = r[j] / 1000.0;
                assertThat((double) xyz[3 * i + j]).as("object %d axis %d", sets.get(i).noradId(), j)
                        .isCloseTo(km, within(Math.abs(km) * 0x1p-23 + 1e-6));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void decayedObjectHasNoPosition() {
        // given 28872, which SGP4 reports decayed between 50 and 55 minutes after its epoch (tcppver.out)
        List<ElementSet> sets = verificationSets();
        int index = -1;
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).noradId() == 28872) {
                index = i;
            }
        }
        CatalogPositions positions = CatalogPositions.of(sets, RD);
        Instant epoch = sets.get(index).epoch();
        // when positioned 40 and 60 minutes after epoch
        float[] before = positions.at(epoch.plus(Duration.ofMinutes(40)));
        float[] after = positions.at(epoch.plus(Duration.ofMinutes(60)));
        // then it has a position before the decay and NaN after it
        assertThat(before[3 * index]).isFinite();
        assertThat(after[3 * index]).isNaN();
        assertThat(after[3 * index + 1]).isNaN();
        assertThat(after[3 * index + 2]).isNaN();
    }

    @Test
    void trackSamplesEqualSinglePositionsAtTheSameTimes() {
        // given the first verification satellite (00005, a 134-minute near-Earth orbit)
        List<ElementSet> sets = verificationSets();
        CatalogPositions positions = CatalogPositions.of(sets, RD);
        Instant start = sets.get(0).epoch().plus(Duration.ofMinutes(17));
        // when a track of 12 samples 10 minutes apart is computed
        double[] track = positions.track(0, start, 600.0, 12);
        // then every sample equals Orekit at its time, to a millimetre (the batch SGP4 is validated to that)
        Propagation orekit = new Propagation(RD);
        for (int k = 0; k < 12; k++) {
            double[] r = orekit.propagate(sets.get(0), start.plusSeconds(600L * k)).state().positionM();
            for (int j = 0; j < 3; j++) {
                assertThat(track[3 * k + j]).isCloseTo(r[j] / 1000.0, within(1e-6));
            }
        }
    }
}
