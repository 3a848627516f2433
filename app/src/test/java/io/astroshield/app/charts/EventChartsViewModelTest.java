package io.astroshield.app.charts;

import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.StoredUpdate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventChartsViewModelTest {

    private static final Instant TCA = Instant.parse("2026-11-23T10:00:00Z");

    private static StoredUpdate update(long id, Instant recorded, double missM, Double pc) {
        return new StoredUpdate(id, 1, null, null, recorded, new ConjunctionObservation(1, 2, TCA, missM, 10_000,
                missM, 0, 0, EncounterKind.SHORT, null, null, pc, pc == null ? null : "PATERA_2005", null, null));
    }

    @Test
    void trendPlotsLog10PcAndMissInKmAndLeavesAMissingPcAsAGap() {
        // given an update without Pc, one with 1e-4 and one with Pc 0 (below what the method resolves)
        List<StoredUpdate> updates = List.of(
                update(1, TCA.minusSeconds(7200), 2_400, null),
                update(2, TCA.minusSeconds(3600), 1_200, 1e-4),
                update(3, TCA.minusSeconds(1800), 600, 0.0));

        // when
        EventChartsViewModel.Trend trend = EventChartsViewModel.trend(null, updates);

        // then: times in epoch seconds, log10(1e-4) = -4, no point where log10 is undefined
        assertThat(trend.recordedS()).containsExactly(TCA.getEpochSecond() - 7200.0, TCA.getEpochSecond() - 3600.0,
                TCA.getEpochSecond() - 1800.0);
        assertThat(trend.log10Pc()[0]).isNaN();
        assertThat(trend.log10Pc()[1]).isCloseTo(-4.0, within(1e-12));
        assertThat(trend.log10Pc()[2]).isNaN();
        assertThat(trend.missKm()).containsExactly(2.4, 1.2, 0.6);
    }
}
