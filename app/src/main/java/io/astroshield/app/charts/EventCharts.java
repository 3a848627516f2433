package io.astroshield.app.charts;

import io.astroshield.app.workstation.Formats;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The event detail's two charts: Pc (log10, left axis) and miss distance (km, right axis) across the event's
 * updates, and the range between the two objects around TCA with a line at TCA. Both zoom and pan.
 */
public final class EventCharts {

    private final EventChartsViewModel vm;
    private final VBox node = new VBox(6);
    private final ErrorDataSetRenderer pcRenderer = Charts.lineRenderer();
    private final ErrorDataSetRenderer missRenderer = Charts.lineRenderer();
    private final ErrorDataSetRenderer rangeRenderer = Charts.lineRenderer();
    private final DefaultNumericAxis trendX = Charts.timeAxis("update recorded");
    private final DefaultNumericAxis pcAxis = Charts.valueAxis("log10 Pc", "");
    private final DefaultNumericAxis missAxis = Charts.valueAxis("miss distance", "km");
    private final DefaultNumericAxis rangeX = Charts.timeAxis("time");
    private final DefaultNumericAxis rangeY = Charts.valueAxis("range", "km");
    private final XYChart trendChart;
    private final XYChart rangeChart;
    private final Label trendTitle = new Label("Pc and miss distance across updates");
    private final Label rangeTitle = new Label("Range around TCA");
    private final Label rangeStatus = new Label();
    private XValueIndicator tcaLine;

    public EventCharts(EventChartsViewModel vm) {
        this.vm = vm;
        pcRenderer.setDrawMarker(true);
        trendChart = Charts.chart(trendX, pcAxis, pcRenderer);
        // miss distance on its own axis on the right: a second renderer carries the axis and its data
        missAxis.setSide(Side.RIGHT);
        missRenderer.setDrawMarker(true);
        missRenderer.getAxes().add(missAxis);
        trendChart.getRenderers().add(missRenderer);
        trendChart.setLegendVisible(true);
        trendChart.setId("event-trend-chart");
        trendChart.setPrefHeight(220);
        trendChart.setMinHeight(180);

        rangeChart = Charts.chart(rangeX, rangeY, rangeRenderer);
        rangeChart.setId("event-range-chart");
        rangeChart.setPrefHeight(220);
        rangeChart.setMinHeight(180);
        rangeStatus.setId("event-range-status");
        rangeStatus.textProperty().bind(vm.rangeStatusProperty());
        trendTitle.getStyleClass().add("field-name");
        rangeTitle.getStyleClass().add("field-name");

        node.setId("event-charts");
        node.getChildren().setAll(trendTitle, trendChart, rangeTitle, rangeStatus, rangeChart);
        vm.trendProperty().addListener((o, a, b) -> drawTrend(b));
        vm.rangeProperty().addListener((o, a, b) -> drawRange(b));
        drawTrend(vm.trendProperty().get());
        drawRange(vm.rangeProperty().get());
    }

    public Node node() {
        return node;
    }

    private void drawTrend(EventChartsViewModel.Trend t) {
        node.setVisible(t != null);
        node.setManaged(t != null);
        if (t == null) {
            return;
        }
        Charts.show(pcRenderer, "log10 Pc", t.recordedS(), t.log10Pc());
        Charts.show(missRenderer, "miss distance", t.recordedS(), t.missKm());
        trendTitle.setText(String.format(Locale.ROOT, "Pc and miss distance across %d update%s",
                t.recordedS().length, t.recordedS().length == 1 ? "" : "s"));
        Charts.zoomer(trendChart).zoomStackDeque().clear();
        // a single update still gets a visible hour around it
        fit(trendX, t.recordedS(), 3600);
        fit(pcAxis, t.log10Pc(), 1);
        fit(missAxis, t.missKm(), 0.1);
        trendChart.invalidate();
    }

    private void drawRange(EventChartsViewModel.Range r) {
        rangeChart.setVisible(r != null);
        rangeChart.setManaged(r != null);
        if (tcaLine != null) {
            rangeChart.getPlugins().remove(tcaLine);
            tcaLine = null;
        }
        if (r == null) {
            rangeRenderer.getDatasets().clear();
            return;
        }
        Charts.show(rangeRenderer, "range", r.timesS(), r.rangeKm());
        rangeTitle.setText("Range around TCA " + Formats.utcSeconds(r.event().tca()) + " (±"
                + EventChartsViewModel.RANGE_HALF_WIDTH.toMinutes() + " min)");
        Charts.zoomer(rangeChart).zoomStackDeque().clear();
        fit(rangeX, r.timesS(), 60);
        fit(rangeY, r.rangeKm(), 1);
        tcaLine = Charts.verticalLine(rangeX, r.tcaS(), "TCA " + Formats.km(r.event().missDistanceM()));
        rangeChart.getPlugins().add(tcaLine);
        rangeChart.invalidate();
    }

    /** Fixed range over the finite values with 5 % room, at least {@code minSpan} wide. */
    private static void fit(DefaultNumericAxis axis, double[] values, double minSpan) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = minSpan;
        }
        double span = Math.max(hi - lo, minSpan);
        double mid = (lo + hi) / 2;
        axis.setAutoRanging(false);
        axis.set(mid - 0.55 * span, mid + 0.55 * span);
    }
}
