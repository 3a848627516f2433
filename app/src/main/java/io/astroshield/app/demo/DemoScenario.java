package io.astroshield.app.demo;

import io.astroshield.app.fx.Progress;
import io.astroshield.app.telemetry.TelemetryFeed;
import io.astroshield.app.workstation.ScreeningArchive;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.cdm.ScreeningCdms;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.frames.CartesianState;
import io.astroshield.domain.risk.PcCalculator;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.CatalogScreening;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.MissVectorRtn;
import io.astroshield.domain.screening.ScreeningProgress;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.domain.screening.ScreeningSettings;
import io.astroshield.persistence.cdm.CdmRepository;
import io.astroshield.persistence.mapping.DomainRows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo a newcomer opens: a synthetic catalog (realistic shells, no network), planted close approaches, a short
 * CDM history for each (three earlier messages whose miss distance closes in on the final one, the way tracking
 * updates usually converge), then a 24 h all-vs-all screening whose results land in the table and the alarms.
 */
public final class DemoScenario {

    /** Planted encounters: every regime, misses from 150 m to 4 km, one slow pair. Hours after the epoch. */
    public static final List<Plant> PLANTS = List.of(
            new Plant(Regime.LEO, 2 * 3600.0, 150, Math.toRadians(150)),
            new Plant(Regime.SSO, 5 * 3600.0, 600, Math.toRadians(100)),
            new Plant(Regime.LEO, 9 * 3600.0, 2_500, Math.toRadians(40)),
            new Plant(Regime.MEO, 13 * 3600.0, 1_800, Math.toRadians(30)),
            new Plant(Regime.GEO, 17 * 3600.0, 3_000, Math.toRadians(6)),
            new Plant(Regime.SSO, 21 * 3600.0, 4_000, Math.toRadians(2)));

    public static final long SEED = 20261122L;
    public static final int DEFAULT_OBJECTS = 3000;
    /** Miss-distance factors of the earlier CDMs, oldest first (the last update is the screening itself). */
    private static final double[] HISTORY_FACTORS = {2.4, 1.7, 1.25};
    private static final Duration HISTORY_SPACING = Duration.ofHours(8);

    /** What the demo put in the store. */
    public record Result(int objects, int plantedEncounters, int cdms, Workstation.ScreeningReport screening) {
    }

    private DemoScenario() {
    }

    public static Result load(Workstation ws, int objects, Progress progress) {
        Instant now = ws.clock().instant();
        Instant epoch = now.truncatedTo(ChronoUnit.HOURS);
        progress.update(0.02, "generating " + objects + " synthetic objects");
        SyntheticCatalog.Population population = new SyntheticCatalog(ws.referenceData())
                .generate(SEED, objects, epoch, PLANTS);
        ws.store().write(tx -> tx.elementSets().importAll(population.elementSets(), now));
        ws.reloadCatalog();
        progress.cancellation().check();

        progress.update(0.08, "CDM history of the planted encounters");
        int cdms = plantHistory(ws, population, epoch, now);
        ws.fire(Workstation.Change.EVENTS);
        progress.cancellation().check();

        progress.update(0.12, "demo spacecraft with " + TelemetryFeed.BACKFILL.toHours() + " h of telemetry");
        TelemetryFeed.installDemo(ws.store(), now);
        ws.reloadAlarmConfiguration();
        ws.fire(Workstation.Change.TELEMETRY);

        Progress screening = new Progress() {
            @Override
            public void update(double fraction, String message) {
                progress.update(0.15 + 0.85 * Math.max(0, fraction), message);
            }

            @Override
            public io.astroshield.domain.screening.Cancellation cancellation() {
                return progress.cancellation();
            }
        };
        Workstation.ScreeningReport report = ws.screen(new Workstation.ScreeningSpec(Set.of(), epoch,
                Duration.ofHours(24), ScreeningSettings.DEFAULT_THRESHOLD_M,
                Runtime.getRuntime().availableProcessors()), screening, streamed -> ws.fire(Workstation.Change.EVENTS));
        return new Result(population.elementSets().size(), population.planted().size(), cdms, report);
    }

    /** Three earlier CDMs per planted pair, stored as CDMs and recorded as event updates, fed to the alarms. */
    private static int plantHistory(Workstation ws, SyntheticCatalog.Population population, Instant epoch,
                                    Instant now) {
        Set<Integer> ids = new HashSet<>();
        population.planted().forEach(p -> ids.add(p.plantedId()));
        CatalogScreening.Result found = new CatalogScreening(ws.referenceData()).screen(
                new ScreeningRequest(epoch, 86_400, ids, ScreeningSettings.defaults(ScreeningSettings.DEFAULT_THRESHOLD_M,
                        Runtime.getRuntime().availableProcessors())),
                population.elementSets(), List.of(), ScreeningProgress.NONE, new io.astroshield.domain.screening.Cancellation());
        PcCalculator calculator = new PcCalculator();
        int written = 0;
        List<ConjunctionUpdate> updates = new ArrayList<>();
        for (SyntheticCatalog.PlantedEncounter planted : population.planted()) {
            ConjunctionEvent event = found.outcome().events().stream()
                    .filter(e -> (e.primaryId() == planted.plantedId() && e.secondaryId() == planted.hostId())
                            || (e.primaryId() == planted.hostId() && e.secondaryId() == planted.plantedId()))
                    .min((a, b) -> Double.compare(a.missDistanceM(), b.missDistanceM()))
                    .orElse(null);
            if (event == null) {
                continue;
            }
            // the catalog's events put the lower catalog number first: the history must name the pair the same way
            event = lowerIdFirst(event);
            for (int k = 0; k < HISTORY_FACTORS.length; k++) {
                Instant issued = now.minus(HISTORY_SPACING.multipliedBy(HISTORY_FACTORS.length - k));
                ConjunctionEvent earlier = scaledMiss(event, HISTORY_FACTORS[k]);
                TleOnlyPc pc = ScreeningArchive.tleOnlyPc(calculator, earlier, Workstation.DEFAULT_HBR_M, p -> { });
                ConjunctionDataMessage cdm = ScreeningCdms.of(earlier, pc, Workstation.DEFAULT_HBR_M,
                        "ASTROSHIELD-DEMO", issued);
                ws.store().write(tx -> {
                    CdmRepository.SaveResult saved = tx.cdms().save(DomainRows.cdm(cdm, "demo"), issued);
                    tx.conjunctionEvents().record(List.of(DomainRows.observation(earlier, pc)), null, saved.id(),
                            issued);
                    return saved;
                });
                updates.add(new ConjunctionUpdate(earlier.primaryId(), earlier.secondaryId(), earlier.tca(),
                        earlier.missDistanceM(), pc == null ? null : pc.underDefaultCovariance().pc(),
                        UpdateSource.CDM, DataOrigin.LIVE, cdm.messageId()));
                written++;
            }
        }
        ws.alarms(engine -> engine.conjunctions().acceptAll(updates));
        ws.fire(Workstation.Change.ALARMS);
        return written;
    }

    /** The event seen from the object with the lower catalog number (miss vector in that object's RTN frame). */
    static ConjunctionEvent lowerIdFirst(ConjunctionEvent e) {
        if (e.primaryId() < e.secondaryId()) {
            return e;
        }
        CartesianState p = e.secondaryState();
        CartesianState s = e.primaryState();
        double[] d = {s.xM() - p.xM(), s.yM() - p.yM(), s.zM() - p.zM()};
        return new ConjunctionEvent(e.secondaryId(), e.primaryId(), e.tca(), e.missDistanceM(), e.relativeSpeedMps(),
                MissVectorRtn.of(p.positionM(), p.velocityMps(), d), e.encounter(), e.secondaryEpochAgeDays(),
                e.primaryEpochAgeDays(), p, s);
    }

    /** The same encounter with the secondary moved along the miss vector so that the miss is {@code factor} times. */
    static ConjunctionEvent scaledMiss(ConjunctionEvent e, double factor) {
        CartesianState p = e.primaryState();
        CartesianState s = e.secondaryState();
        double k = factor - 1;
        CartesianState moved = new CartesianState(s.xM() + k * (s.xM() - p.xM()), s.yM() + k * (s.yM() - p.yM()),
                s.zM() + k * (s.zM() - p.zM()), s.vxMps(), s.vyMps(), s.vzMps());
        MissVectorRtn m = e.missRtnM();
        return new ConjunctionEvent(e.primaryId(), e.secondaryId(), e.tca(), e.missDistanceM() * factor,
                e.relativeSpeedMps(), new MissVectorRtn(m.radialM() * factor, m.inTrackM() * factor,
                m.crossTrackM() * factor), e.encounter(), e.primaryEpochAgeDays(), e.secondaryEpochAgeDays(), p, moved);
    }
}
