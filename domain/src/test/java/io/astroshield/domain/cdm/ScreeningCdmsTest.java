package io.astroshield.domain.cdm;

import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.risk.CdmEncounters;
import io.astroshield.domain.risk.ObjectState;
import io.astroshield.domain.risk.PcCalculator;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.Cancellation;
import io.astroshield.domain.screening.CatalogScreening;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.ScreeningProgress;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.domain.screening.ScreeningSettings;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScreeningCdmsTest {

    private static final ReferenceData DATA = ReferenceData.builtIn();
    private static final Instant START = Instant.parse("2026-03-19T00:00:00Z");

    @Test
    void screeningEventWrittenAsCdmReadsBackUnchangedWithTheSamePc() {
        // given: a real screening event (planted 400 m crossing) and its TLE-only Pc
        SyntheticCatalog.Population population = new SyntheticCatalog(DATA).generate(3L, 60, START,
                List.of(new Plant(Regime.LEO, 1_000, 400, Math.toRadians(110))));
        ConjunctionEvent event = new CatalogScreening(DATA).screen(
                new ScreeningRequest(START, 3_600, Set.of(), ScreeningSettings.defaults(5_000, 1)),
                population.elementSets(), List.of(), ScreeningProgress.NONE, new Cancellation()).outcome().events().stream()
                .filter(e -> e.missDistanceM() < 1_000).findFirst().orElseThrow();
        PcCalculator calculator = new PcCalculator();
        TleOnlyPc pc = calculator.tleOnly(state(event.primaryState()), state(event.secondaryState()), 10.0);

        // when
        ConjunctionDataMessage written = ScreeningCdms.of(event, pc, 10.0, "ASTROSHIELD", START);
        String text = new CdmWriter().write(written);
        ReadResult<ConjunctionDataMessage> read = new CdmReader(DATA).read("event.cdm", text);

        // then: no diagnostics, same record (states come back within 1 ulp of km, see CdmWriterTest)
        assertThat(read.diagnostics()).isEmpty();
        ConjunctionDataMessage back = read.records().get(0);
        assertThat(back.tca()).isEqualTo(event.tca());
        assertThat(back.missDistanceM()).isEqualTo(event.missDistanceM());
        assertThat(back.relativeSpeedMps().getAsDouble()).isEqualTo(event.relativeSpeedMps());
        assertThat(back.object1().catalogNumber().getAsInt()).isEqualTo(event.primaryId());
        assertThat(back.object2().catalogNumber().getAsInt()).isEqualTo(event.secondaryId());
        assertThat(back.object1().state().xM()).isCloseTo(event.primaryState().xM(), within(1e-6));
        assertThat(back.object2().state().vzMps()).isCloseTo(event.secondaryState().vzMps(), within(1e-9));
        assertThat(back.relativePositionM().r()).isEqualTo(event.missRtnM().radialM());
        assertThat(back.collisionProbability().getAsDouble()).isEqualTo(pc.underDefaultCovariance().pc());
        assertThat(back.object1().covarianceMethod()).isEqualTo(CovarianceMethod.DEFAULT);
        // and the Pc computed from the CDM (TEME carried to GCRF, a rotation) is the screening's Pc, to
        // 1e-6 relative: the rotation changes the rounding seen by the adaptive Patera quadrature
        double fromCdm = calculator.compute(new CdmEncounters(DATA).encounter(back, 10.0)).pc();
        assertThat(fromCdm).isCloseTo(pc.underDefaultCovariance().pc(), within(1e-6 * pc.underDefaultCovariance().pc()));
    }

    private static ObjectState state(io.astroshield.domain.propagation.TemeState s) {
        return new ObjectState(s.xM(), s.yM(), s.zM(), s.vxMps(), s.vyMps(), s.vzMps());
    }
}
