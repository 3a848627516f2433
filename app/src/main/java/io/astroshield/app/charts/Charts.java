package io.astroshield.app.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.format.DefaultTimeFormatter;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;

import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How the workstation builds its ChartFx charts, so every chart zooms, pans and labels time the same way: time
 * axes in UTC seconds since the epoch, theme colours, a zoomer with panning (drag to zoom, middle-drag or ctrl-drag
 * to pan, right-click to zoom back out), and one safe way to put data in ({@link #show}).
 */
public final class Charts {

    /** Theme-aware colours of every workstation chart (charts.css next to this class). */
    static final String CSS = Objects.requireNonNull(Charts.class.getResource("charts.css"), "charts.css")
            .toExternalForm();

    private Charts() {
    }

    /** A time axis; values are seconds since the epoch, labelled in UTC. */
    public static DefaultNumericAxis timeAxis(String name) {
        DefaultNumericAxis axis = new DefaultNumericAxis(name, "UTC");
        axis.setTimeAxis(true);
        if (axis.getAxisLabelFormatter() instanceof DefaultTimeFormatter f) {
            f.setTimeZoneOffset(ZoneOffset.UTC);
        }
        axis.setAutoRangeRounding(false);
        return axis;
    }

    public static DefaultNumericAxis valueAxis(String name, String unit) {
        DefaultNumericAxis axis = new DefaultNumericAxis(name, unit);
        axis.setAutoRangeRounding(false);
        axis.setAutoUnitScaling(false);
        axis.setForceZeroInRange(false);
        return axis;
    }

    /** Lines without error bars for short series (event trends, range profiles); markers are the caller's choice. */
    public static ErrorDataSetRenderer lineRenderer() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setDrawMarker(false);
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setAllowNaNs(true);
        return r;
    }

    /** Lines of long series (telemetry): drawn per pixel column, no excursion dropped ({@link EnvelopeRenderer}). */
    public static EnvelopeRenderer denseLineRenderer() {
        return new EnvelopeRenderer();
    }

    /** A chart of {@code x} and {@code y} drawn by {@code renderer}, with zoom and pan. */
    public static XYChart chart(Axis x, Axis y, Renderer renderer) {
        XYChart chart = new XYChart(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add("astroshield-chart");
        chart.getStylesheets().add(CSS);
        chart.getRenderers().setAll(renderer);
        Zoomer zoomer = new Zoomer();
        zoomer.setPannerEnabled(true);
        zoomer.setAddButtonsToToolBar(false);
        chart.getPlugins().add(zoomer);
        return chart;
    }

    /**
     * Shows {@code x, y} in {@code renderer}. ChartFx 11.3 read-locks a chart's data sets from the moment the chart
     * joins a scene until the end of the next pulse, and a write on the FX thread inside that window waits for the
     * FX thread itself (a chart that leaves the scene inside it keeps the lock for good). So the data set shown is
     * written in place only while nobody holds its lock (the usual case, and ten times cheaper: measured in
     * docs/benchmarks.md); otherwise a fresh data set replaces it. FX thread only, like the chart's own locking, so
     * the check cannot race. The arrays are not copied: callers hand over arrays nobody writes afterwards (the
     * view-models' immutable snapshots).
     */
    public static void show(Renderer renderer, String name, double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        if (renderer.getDatasets().size() == 1 && renderer.getDatasets().get(0) instanceof DoubleDataSet shown
                && shown.lock() instanceof DefaultDataSetLock<?> lock
                && lock.getReaderCount() == 0 && lock.getWriterCount() == 0) {
            shown.set(x, y, n, false);
            return;
        }
        renderer.getDatasets().setAll(new DoubleDataSet(name, x, y, n, false));
    }

    public static Zoomer zoomer(XYChart chart) {
        return chart.getPlugins().stream().filter(Zoomer.class::isInstance).map(Zoomer.class::cast).findFirst()
                .orElseThrow();
    }

    /** A horizontal line at {@code value} the operator cannot drag, stroked with {@code colour} (CSS colour). */
    public static YValueIndicator horizontalLine(Axis y, double value, String text, String colour) {
        YValueIndicator line = new YValueIndicator(y, value, text) {
            @Override
            public void updateStyleClass() {
                super.updateStyleClass();
                this.line.setStyle("-fx-stroke: " + colour + "; -fx-stroke-dash-array: 8 4;");
                this.label.setStyle("-fx-background-color: " + colour + "; -fx-text-fill: black;");
            }
        };
        line.setEditable(false);
        line.updateStyleClass();
        return line;
    }

    /** A vertical line at {@code value} (seconds since the epoch on a time axis) the operator cannot drag. */
    public static XValueIndicator verticalLine(Axis x, double value, String text) {
        XValueIndicator line = new XValueIndicator(x, value, text);
        line.setEditable(false);
        return line;
    }
}
