package io.astroshield.app.charts;

import io.astroshield.app.conjunctions.EventDetailView;
import io.astroshield.app.conjunctions.EventDetailViewModel;
import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.Dialogs;
import io.astroshield.app.fx.FileDialogs;
import io.astroshield.app.fx.Progress;
import io.astroshield.app.time.TimeController;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Selection;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredUpdate;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The event detail's charts on real JavaFX (Monocle, headless) over a real screening and store. */
@ExtendWith(ApplicationExtension.class)
class EventChartsIT {

    private static final Instant START = Instant.parse("2026-03-19T00:00:00Z");

    @TempDir
    Path dir;

    private Workstation ws;
    private BackgroundTasks tasks;
    private TimeController time;

    @AfterEach
    void close() throws Exception {
        if (time != null) {
            fx(() -> {
                time.stop();
                tasks.close();
                return null;
            });
        }
        if (ws != null) {
            ws.close();
        }
    }

    @Test
    void selectedEventShowsItsPcTrendAndTheRangeAroundTca(FxRobot robot) throws Exception {
        // given a planted LEO encounter (900 m) screened into the store, and a later CDM-like update that halves
        // the miss and raises the Pc tenfold
        Instant now = START.plus(Duration.ofHours(2));
        ws = Workstation.open(dir, StoreOptions.defaults(), ReferenceData.builtIn(), Clock.fixed(now, ZoneOffset.UTC),
                Annunciator.SILENT);
        SyntheticCatalog.Population population = new SyntheticCatalog(ws.referenceData()).generate(7L, 40, START,
                List.of(new Plant(Regime.LEO, 1_800, 900, Math.toRadians(130))));
        SyntheticCatalog.PlantedEncounter planted = population.planted().get(0);
        ws.store().write(tx -> tx.elementSets().importAll(population.elementSets(), START));
        ws.reloadCatalog();
        ws.screen(new Workstation.ScreeningSpec(Set.of(planted.plantedId()), START, Duration.ofHours(1), 5_000, 1),
                Progress.NONE, streamed -> { });
        StoredEvent screened = ws.events(START, START.plus(Duration.ofHours(1))).stream()
                .filter(e -> Set.of(e.primaryNorad(), e.secondaryNorad())
                        .equals(Set.of(planted.plantedId(), planted.hostId())))
                .findFirst().orElseThrow();
        ConjunctionObservation o = screened.latest();
        double laterPc = (o.pc() == null ? 1e-6 : o.pc()) * 10;
        ConjunctionObservation later = new ConjunctionObservation(o.primaryNorad(), o.secondaryNorad(), o.tca(),
                o.missDistanceM() / 2, o.relativeSpeedMps(), o.radialM() / 2, o.inTrackM() / 2, o.crossTrackM() / 2,
                o.encounter(), o.primaryAgeDays(), o.secondaryAgeDays(), laterPc, o.pcMethod(), o.pcMax(),
                o.covarianceSource());
        ws.store().write(tx -> tx.conjunctionEvents().record(List.of(later), null, null, now.plusSeconds(600)));
        StoredEvent event = ws.events(START, START.plus(Duration.ofHours(1))).stream()
                .filter(e -> e.id() == screened.id()).findFirst().orElseThrow();
        List<StoredUpdate> updates = ws.trend(event.id());
        assertThat(updates).hasSize(2);

        Selection selection = new Selection();
        fx(() -> {
            tasks = new BackgroundTasks();
            time = new TimeController(ws.clock());
            Stage stage = new Stage();
            ConsoleContext ctx = new ConsoleContext(ws, tasks, time, selection, new Dialogs(stage,
                    FileDialogs.NATIVE));
            stage.setScene(new Scene(new EventDetailView(new EventDetailViewModel(ctx)), 900, 760));
            stage.show();
            return null;
        });

        // when the operator selects the event
        fx(() -> {
            selection.selectEvent(event);
            return null;
        });

        // then the trend chart has one point per update (log10 Pc; miss in km) ...
        await(() -> count(robot, "#event-trend-chart", 0) == 2);
        DataSet pc = fx(() -> data(robot, "#event-trend-chart", 0));
        DataSet miss = fx(() -> data(robot, "#event-trend-chart", 1));
        for (int i = 0; i < 2; i++) {
            ConjunctionObservation u = updates.get(i).observation();
            int k = i;
            double shownPc = fx(() -> pc.get(DataSet.DIM_Y, k));
            double shownMiss = fx(() -> miss.get(DataSet.DIM_Y, k));
            double shownT = fx(() -> pc.get(DataSet.DIM_X, k));
            if (u.pc() != null && u.pc() > 0) {
                assertThat(shownPc).isCloseTo(Math.log10(u.pc()), within(1e-12));
            }
            assertThat(shownMiss).isCloseTo(u.missDistanceM() / 1000, within(1e-12));
            assertThat(shownT).isCloseTo(updates.get(i).recordedAt().getEpochSecond(), within(1e-3));
        }
        double laterPcShown = fx(() -> pc.get(DataSet.DIM_Y, 1));
        assertThat(laterPcShown).isCloseTo(Math.log10(laterPc), within(1e-9));

        // ... and the range chart spans TCA +- 10 min every 5 s with its smallest range at TCA, equal to the
        // screened miss (both propagate the same element sets with SGP4; 1 m covers the TCA root finder)
        await(() -> count(robot, "#event-range-chart", 0) == 241);
        DataSet range = fx(() -> data(robot, "#event-range-chart", 0));
        int smallest = fx(() -> {
            int best = 0;
            for (int i = 1; i < range.getDataCount(); i++) {
                best = range.get(DataSet.DIM_Y, i) < range.get(DataSet.DIM_Y, best) ? i : best;
            }
            return best;
        });
        assertThat(smallest).isEqualTo(120);
        double atTca = fx(() -> range.get(DataSet.DIM_Y, 120));
        double tTca = fx(() -> range.get(DataSet.DIM_X, 120));
        assertThat(atTca).isCloseTo(screened.missDistanceM() / 1000, within(0.001));
        assertThat(tTca).isCloseTo(event.tca().getEpochSecond() + event.tca().getNano() / 1e9, within(1e-6));
    }

    private static DataSet data(FxRobot robot, String chartId, int renderer) {
        XYChart chart = robot.lookup(chartId).queryAs(XYChart.class);
        return chart.getRenderers().get(renderer).getDatasets().get(0);
    }

    /** Points shown by a chart's renderer; 0 before it shows any data set. */
    private static int count(FxRobot robot, String chartId, int renderer) {
        XYChart chart = robot.lookup(chartId).queryAs(XYChart.class);
        var sets = chart.getRenderers().get(renderer).getDatasets();
        return sets.isEmpty() ? 0 : sets.get(0).getDataCount();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }

    /** Waits (up to a generous 60 s against hangs) for the FX side to show something. */
    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
    }
}
