package io.astroshield.app.telemetry;

import io.astroshield.app.alarms.SeverityText;
import io.astroshield.app.charts.Charts;
import io.astroshield.app.charts.EnvelopeRenderer;
import io.astroshield.app.workstation.Formats;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Severity;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live telemetry of the demo spacecraft: one chart per shown parameter with its yellow and red limit lines, zoom
 * and pan, the value next to it with the alarm's severity as icon and text, and a STALE flag apart from the
 * severity when the feed goes silent. Follows the shared time controller: LIVE scrolls the last minutes, REPLAY
 * shows the stored range with a cursor at the replay time.
 */
public final class TelemetryView extends BorderPane {

    /** Yellow and red limit lines (the colours of the limit bands; the label names the band too). */
    static final String YELLOW = "#e3b341";
    static final String RED = "#f85149";

    /** One parameter's card: header with value, severity and quality, then its chart. */
    private static final class Card {
        final DemoSpacecraft.Parameter parameter;
        final VBox node = new VBox(2);
        final Label value = new Label();
        final Label severity = new Label();
        final Label quality = new Label();
        final EnvelopeRenderer renderer = Charts.denseLineRenderer();
        final DefaultNumericAxis x = Charts.timeAxis("time");
        final DefaultNumericAxis y;
        final XYChart chart;
        final List<ChartPlugin> limitLines = new ArrayList<>();
        ParameterLimits drawnLimits;
        XValueIndicator cursor;

        Card(DemoSpacecraft.Parameter p) {
            this.parameter = p;
            String id = p.name().toLowerCase(Locale.ROOT).replace('_', '-');
            y = Charts.valueAxis(p.label(), p.unit());
            chart = Charts.chart(x, y, renderer);
            chart.setId("tm-chart-" + id);
            chart.setPrefHeight(200);
            chart.setMinHeight(160);
            value.setId("tm-value-" + id);
            value.getStyleClass().add("tm-value");
            severity.setId("tm-severity-" + id);
            quality.setId("tm-quality-" + id);
            quality.getStyleClass().add("quality-stale");
            Label name = new Label(p.label() + " (" + p.name() + ")");
            name.getStyleClass().add("field-name");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox header = new HBox(12, name, gap, value, severity, quality);
            header.setAlignment(Pos.CENTER_LEFT);
            node.getChildren().setAll(header, chart);
            node.setId("tm-card-" + id);
        }
    }

    private final TelemetryViewModel vm;
    private final Map<DemoSpacecraft.Parameter, Card> cards = new LinkedHashMap<>();
    private final VBox chartList = new VBox(10);
    private final Label mode = new Label();
    private final Label staleBanner = new Label("STALE — no telemetry for over "
            + TelemetryViewModel.STALE_AFTER.toSeconds() + " s");

    public TelemetryView(TelemetryViewModel vm) {
        this.vm = vm;
        setId("telemetry-view");
        for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
            cards.put(p, new Card(p));
        }

        mode.setId("tm-mode");
        ComboBox<Duration> window = new ComboBox<>();
        window.setId("tm-window");
        window.getItems().setAll(TelemetryViewModel.WINDOWS);
        window.valueProperty().bindBidirectional(vm.windowProperty());
        window.setButtonCell(durationCell());
        window.setCellFactory(l -> durationCell());
        ToggleButton los = new ToggleButton("Simulate loss of signal");
        los.setId("tm-loss-of-signal");
        los.selectedProperty().bindBidirectional(vm.lossOfSignalProperty());
        staleBanner.setId("tm-stale");
        staleBanner.getStyleClass().add("quality-stale");
        staleBanner.visibleProperty().bind(vm.staleProperty());
        staleBanner.managedProperty().bind(vm.staleProperty());
        FlowPane parameters = new FlowPane(8, 4);
        for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
            CheckBox show = new CheckBox(p.name());
            show.setMnemonicParsing(false);
            show.setId("tm-show-" + p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            show.setSelected(vm.shown().contains(p));
            show.selectedProperty().addListener((o, a, b) -> {
                if (b && !vm.shown().contains(p)) {
                    List<DemoSpacecraft.Parameter> in = new ArrayList<>(DemoSpacecraft.PARAMETERS);
                    in.removeIf(q -> q != p && !vm.shown().contains(q));
                    vm.shown().setAll(in);
                } else if (!b) {
                    vm.shown().remove(p);
                }
            });
            parameters.getChildren().add(show);
        }
        HBox bar = new HBox(10, mode, new Label("Window"), window, los, staleBanner);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, parameters);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        chartList.setPadding(new Insets(4, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(chartList);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        vm.shown().addListener((javafx.collections.ListChangeListener<DemoSpacecraft.Parameter>) c -> layoutCards());
        vm.snapshotProperty().addListener((o, a, b) -> draw(b));
        vm.readouts().addListener((javafx.collections.ListChangeListener<TelemetryViewModel.Readout>) c -> showReadouts());
        vm.staleProperty().addListener((o, a, b) -> showReadouts());
        layoutCards();
        draw(vm.snapshot());
    }

    private void layoutCards() {
        List<VBox> nodes = new ArrayList<>();
        for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
            if (vm.shown().contains(p)) {
                nodes.add(cards.get(p).node);
            }
        }
        chartList.getChildren().setAll(nodes);
    }

    /** One snapshot, one redraw: data, axis ranges (unless the operator zoomed), limit lines, replay cursor. */
    private void draw(TelemetryViewModel.Snapshot s) {
        if (s == null) {
            mode.setText("Waiting for telemetry…");
            return;
        }
        mode.setText(s.live() ? "LIVE  last " + label(vm.windowProperty().get())
                : "REPLAY  " + Formats.utcSeconds(s.from()) + " → " + Formats.utcSeconds(s.to()));
        mode.getStyleClass().setAll("label", s.live() ? "time-live" : "time-replay");
        for (TelemetryViewModel.Series series : s.series()) {
            Card card = cards.get(series.parameter());
            Charts.show(card.renderer, series.parameter().name(), series.timesS(), series.values());
            Zoomer zoomer = Charts.zoomer(card.chart);
            if (zoomer.zoomStackDeque().isEmpty()) {
                card.x.setAutoRanging(false);
                card.x.set(TelemetryViewModel.seconds(s.from()), TelemetryViewModel.seconds(s.to()));
                double[] range = yRange(series);
                card.y.setAutoRanging(false);
                card.y.set(range[0], range[1]);
            }
            drawLimits(card, series.limits());
            drawCursor(card, s);
            card.chart.invalidate();
        }
        showReadouts();
    }

    /** The data and the yellow and red limits, with 5 % room: an operator sees how far a value is from them. */
    static double[] yRange(TelemetryViewModel.Series s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        ParameterLimits l = s.limits();
        if (l != null) {
            for (double limit : new double[] {l.redLow(), l.yellowLow(), l.yellowHigh(), l.redHigh()}) {
                if (!Double.isNaN(limit)) {
                    lo = Math.min(lo, limit);
                    hi = Math.max(hi, limit);
                }
            }
        }
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : 1;
        return new double[] {lo - pad, hi + pad};
    }

    private void drawLimits(Card card, ParameterLimits limits) {
        if (limits == null ? card.drawnLimits == null : limits.equals(card.drawnLimits)) {
            return;
        }
        card.chart.getPlugins().removeAll(card.limitLines);
        card.limitLines.clear();
        card.drawnLimits = limits;
        if (limits == null) {
            return;
        }
        String unit = card.parameter.unit();
        addLimit(card, limits.redLow(), "RED low " + number(limits.redLow()) + " " + unit, RED);
        addLimit(card, limits.yellowLow(), "YELLOW low " + number(limits.yellowLow()) + " " + unit, YELLOW);
        addLimit(card, limits.yellowHigh(), "YELLOW high " + number(limits.yellowHigh()) + " " + unit, YELLOW);
        addLimit(card, limits.redHigh(), "RED high " + number(limits.redHigh()) + " " + unit, RED);
    }

    private static void addLimit(Card card, double value, String text, String colour) {
        if (Double.isNaN(value)) {
            return;
        }
        YValueIndicator line = Charts.horizontalLine(card.y, value, text, colour);
        card.limitLines.add(line);
        card.chart.getPlugins().add(line);
    }

    private void drawCursor(Card card, TelemetryViewModel.Snapshot s) {
        if (card.cursor != null) {
            card.chart.getPlugins().remove(card.cursor);
            card.cursor = null;
        }
        if (!s.live()) {
            card.cursor = Charts.verticalLine(card.x, TelemetryViewModel.seconds(vm.replayCursor()), "replay time");
            card.chart.getPlugins().add(card.cursor);
        }
    }

    private void showReadouts() {
        for (TelemetryViewModel.Readout r : vm.readouts()) {
            Card card = cards.get(r.parameter());
            card.value.setText(r.value() == null ? "—" : number(r.value()) + " " + r.parameter().unit());
            card.severity.setText(severityText(r.severity(), r.state()));
            String severityClass = r.severity() == null ? "severity-none" : SeverityText.styleClass(r.severity());
            card.severity.getStyleClass().setAll("label", severityClass);
            card.value.getStyleClass().setAll("label", "tm-value", severityClass);
            card.quality.setText(r.stale() ? "⌛ STALE" : r.replay() ? "REPLAY" : "");
            if (card.cursor != null && vm.snapshot() != null && !vm.snapshot().live()) {
                card.cursor.setValue(TelemetryViewModel.seconds(vm.replayCursor()));
            }
        }
    }

    /** Icon and text, never colour alone (DESIGN.md alarm model), with whether the alarm waits for an operator. */
    static String severityText(Severity severity, AlarmState state) {
        if (severity == null) {
            return "✔ IN LIMITS";
        }
        String ack = state == null ? "" : state.unacknowledged() ? "  (unacknowledged)" : "  (acknowledged)";
        return SeverityText.of(severity) + ack;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.3f" : "%.2f", v);
    }

    private static String label(Duration d) {
        return d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static ListCell<Duration> durationCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Duration d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : label(d));
            }
        };
    }
}
