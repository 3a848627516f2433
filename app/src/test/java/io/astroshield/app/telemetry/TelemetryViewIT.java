package io.astroshield.app.telemetry;

import io.astroshield.app.alarms.SeverityText;
import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.Dialogs;
import io.astroshield.app.fx.FileDialogs;
import io.astroshield.app.time.TimeController;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Selection;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.telemetry.SampleQuality;
import io.astroshield.persistence.telemetry.TelemetrySampleRow;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The telemetry pane on real JavaFX (Monocle, headless) over a real store and alarm engine. */
@ExtendWith(ApplicationExtension.class)
class TelemetryViewIT {

    /** A 6-hour boundary: the demo's attitude-error spike starts here (DemoSpacecraft). */
    private static final Instant SPIKE = Instant.parse("2026-11-22T06:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-22T05:30:00Z");

    @TempDir
    Path dir;

    private Workstation ws;
    private BackgroundTasks tasks;
    private TimeController time;
    private TelemetryFeed feed;
    private TelemetryViewModel vm;
    private MovableClock clock;

    private void open(Instant start) throws Exception {
        clock = new MovableClock(start);
        ws = Workstation.open(dir, StoreOptions.defaults(), ReferenceData.builtIn(), clock, Annunciator.SILENT);
        TelemetryFeed.installDemo(ws.store(), start);
        ws.reloadAlarmConfiguration();
        feed = new TelemetryFeed(ws);
        fx(() -> {
            tasks = new BackgroundTasks();
            time = new TimeController(clock);
            Stage stage = new Stage();
            ConsoleContext ctx = new ConsoleContext(ws, tasks, time, new Selection(), new Dialogs(stage,
                    FileDialogs.NATIVE));
            vm = new TelemetryViewModel(ctx, feed);
            stage.setScene(new Scene(new TelemetryView(vm), 1000, 760));
            stage.show();
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        if (time != null) {
            fx(() -> {
                time.stop();
                vm.dispose();
                tasks.close();
                return null;
            });
        }
        if (ws != null) {
            ws.close();
        }
    }

    @Test
    void paneShowsTheBackfilledHistoryAtOnce(FxRobot robot) throws Exception {
        // given the demo installed at 05:30:00 (history 03:30:00 .. 05:29:59) and no live sample yet
        open(T0);

        // when the pane opens with the default 15-minute window
        await(() -> vm.snapshot() != null && count(robot, "batt-v") > 0);

        // then the window 05:14:59 .. 05:29:59 is drawn from the store: 901 one-second samples, the model's values
        DataSet d = fx(() -> data(robot, "batt-v"));
        assertThat(d.getDataCount()).isEqualTo(901);
        double lastT = fx(() -> d.get(DataSet.DIM_X, 900));
        double lastV = fx(() -> d.get(DataSet.DIM_Y, 900));
        assertThat(lastT).isEqualTo(T0.getEpochSecond() - 1.0);
        assertThat(lastV).isEqualTo(DemoSpacecraft.value(DemoSpacecraft.BATTERY_VOLTAGE, T0.minusSeconds(1)));
    }

    @Test
    void liveValuesArriveAndTheChartScrolls(FxRobot robot) throws Exception {
        // given the pane on its backfilled history
        open(T0);
        await(() -> vm.snapshot() != null && count(robot, "batt-v") == 901);

        // when the feed delivers 05:30:00 .. 05:30:02
        clock.advance(Duration.ofSeconds(2));
        feed.tick().orElseThrow();

        // then the newest point and the value label are 05:30:02's, still 901 points in the 15-minute window
        double expected = DemoSpacecraft.value(DemoSpacecraft.BATTERY_VOLTAGE, T0.plusSeconds(2));
        await(() -> text(robot, "#tm-value-batt-v").equals(String.format(Locale.ROOT, "%.2f V", expected)));
        // the chart's redraw is throttled apart from the label's: wait for it to show the same second
        await(() -> fx(() -> {
            DataSet shown = data(robot, "batt-v");
            return shown.getDataCount() == 901 && shown.get(DataSet.DIM_X, 900) == T0.getEpochSecond() + 2.0;
        }));
        DataSet d = fx(() -> data(robot, "batt-v"));
        assertThat(d.getDataCount()).isEqualTo(901);
        double lastT = fx(() -> d.get(DataSet.DIM_X, 900));
        assertThat(lastT).isEqualTo(T0.getEpochSecond() + 2.0);
        assertThat(text(robot, "#tm-severity-batt-v")).isEqualTo("✔ IN LIMITS");
    }

    @Test
    void limitViolationRaisesTheAlarmAndShowsItsSeverity(FxRobot robot) throws Exception {
        // given the pane at the start of the 6-hourly momentum dump
        open(SPIKE);
        await(() -> vm.snapshot() != null);

        // when the dump peaks 120 s in (0.73 deg: above the 0.5 deg yellow limit, below the 1.0 deg red one)
        clock.advance(Duration.ofSeconds(120));
        feed.tick().orElseThrow();

        // then the engine holds a live WARNING occurrence and the pane shows it with icon and text
        List<AlarmOccurrence> open = ws.alarms(e -> e.openOccurrences());
        assertThat(open).filteredOn(o -> o.key().subject().equals("ATT_ERR") && o.key().origin() == DataOrigin.LIVE)
                .singleElement().satisfies(o -> assertThat(o.severity()).isEqualTo(Severity.WARNING));
        await(() -> text(robot, "#tm-severity-att-err").equals(SeverityText.of(Severity.WARNING)
                + "  (unacknowledged)"));
        Label severity = robot.lookup("#tm-severity-att-err").queryAs(Label.class);
        assertThat(fx(() -> severity.getStyleClass().contains("severity-warning"))).isTrue();
    }

    @Test
    void silentFeedIsFlaggedStaleApartFromTheSeverity(FxRobot robot) throws Exception {
        // given live values up to 05:30:01
        open(T0);
        clock.advance(Duration.ofSeconds(1));
        feed.tick().orElseThrow();
        await(() -> vm.snapshot() != null && !text(robot, "#tm-value-batt-t").isEmpty());
        assertThat(fx(() -> vm.staleProperty().get())).isFalse();

        // when the signal is lost and the clock moves 5 s (more than 3 missed samples)
        fx(() -> {
            vm.lossOfSignalProperty().set(true);
            return null;
        });
        clock.advance(Duration.ofSeconds(5));
        assertThat(feed.tick()).isEmpty();

        // then every value is flagged STALE, the banner shows, and the severity stays what it was
        await(() -> text(robot, "#tm-quality-batt-t").equals("⌛ STALE"));
        assertThat(fx(() -> robot.lookup("#tm-stale").query().isVisible())).isTrue();
        assertThat(text(robot, "#tm-severity-batt-t")).isEqualTo("✔ IN LIMITS");
    }

    @Test
    void replayShowsTheStoredSamplesNotTheModel(FxRobot robot) throws Exception {
        // given a stored value that differs from the model at 04:45:00 (as a real archive may)
        open(T0);
        Instant marked = Instant.parse("2026-11-22T04:45:00Z");
        ws.store().write(tx -> {
            tx.telemetry().appendSamples(List.of(new TelemetrySampleRow(DemoSpacecraft.SPACECRAFT_ID, "BATT_V", marked,
                    99.0, SampleQuality.GOOD, T0)));
            return null;
        });
        await(() -> vm.snapshot() != null);

        // when the operator replays 04:30 .. 05:00
        Instant from = Instant.parse("2026-11-22T04:30:00Z");
        Instant to = Instant.parse("2026-11-22T05:00:00Z");
        fx(() -> {
            time.replay(from, to, 1.0);
            time.pause();
            return null;
        });
        await(() -> vm.snapshot() != null && !vm.snapshot().live());

        // then the chart holds the 1801 stored seconds, including the stored 99 V, and the pane says REPLAY
        await(() -> count(robot, "batt-v") == 1801);
        DataSet d = fx(() -> data(robot, "batt-v"));
        int index = (int) (marked.getEpochSecond() - from.getEpochSecond());
        double t = fx(() -> d.get(DataSet.DIM_X, index));
        double v = fx(() -> d.get(DataSet.DIM_Y, index));
        assertThat(t).isEqualTo(marked.getEpochSecond());
        assertThat(v).isCloseTo(99.0, within(1e-12));
        assertThat(text(robot, "#tm-mode")).startsWith("REPLAY");
        assertThat(text(robot, "#tm-quality-batt-v")).isEqualTo("REPLAY");
    }

    /** Points shown by a parameter's chart; 0 before it shows any data set. */
    private static int count(FxRobot robot, String id) {
        var sets = robot.lookup("#tm-chart-" + id).queryAs(XYChart.class).getRenderers().get(0).getDatasets();
        return sets.isEmpty() ? 0 : sets.get(0).getDataCount();
    }

    private static DataSet data(FxRobot robot, String id) {
        XYChart chart = robot.lookup("#tm-chart-" + id).queryAs(XYChart.class);
        return chart.getRenderers().get(0).getDatasets().get(0);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** Waits (up to a generous 30 s against hangs) for the FX side to show something. */
    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    }
}
