package io.astroshield.app.charts;

import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import javafx.scene.canvas.GraphicsContext;

import java.util.Arrays;

/**
 * Draws a long series as what its pixels can show. Where there are more points than pixel columns, each column
 * becomes a vertical bar from its lowest to its highest point (including the segment that joins it to the previous
 * column), and the bars are filled as one polygon: the picture of the full polyline, so a one-sample excursion
 * past a limit stays visible, at two polygon edges per scanline instead of one stroke per point. A plot-filling
 * noisy band costs what a smooth line costs (docs/benchmarks.md, "Workstation: charts"). Where points are sparser
 * than pixels (zoomed in) it strokes the plain polyline. A NaN value is a gap.
 */
public final class EnvelopeRenderer extends AbstractRendererXY<EnvelopeRenderer> {

    /**
     * Pixel columns of a series in screen coordinates.
     *
     * @param x    left edge of each column, px
     * @param top  smallest screen y of the column (the highest value), px
     * @param bottom largest screen y of the column, px
     * @param runEnds exclusive end index of each run of columns between gaps
     */
    record Columns(double[] x, double[] top, double[] bottom, int count, int[] runEnds, int runs) {
    }

    @Override
    protected EnvelopeRenderer getThis() {
        return this;
    }

    @Override
    protected void render(GraphicsContext gc, DataSet data, DataSetNode style) {
        int n = data.getDataCount();
        if (n == 0) {
            return;
        }
        int first = Math.max(0, firstAtOrAfter(data, n, Math.min(xAxis.getMin(), xAxis.getMax())) - 1);
        int last = Math.min(n, firstAtOrAfter(data, n, Math.max(xAxis.getMin(), xAxis.getMax())) + 1);
        int visible = last - first;
        if (visible <= 0) {
            return;
        }
        double[] px = new double[visible];
        double[] py = new double[visible];
        for (int i = 0; i < visible; i++) {
            px[i] = xAxis.getDisplayPosition(data.get(DataSet.DIM_X, first + i));
            double y = data.get(DataSet.DIM_Y, first + i);
            py[i] = Double.isFinite(y) ? yAxis.getDisplayPosition(y) : Double.NaN;
        }
        double width = Math.max(1, style.getLineWidth());
        gc.save();
        try {
            double span = Math.abs(px[visible - 1] - px[0]);
            if (visible <= 2 * span) {
                strokePolyline(gc, px, py, visible, style, width);
            } else {
                fillColumns(gc, columns(px, py, visible, width), style);
            }
        } finally {
            gc.restore();
        }
    }

    private static void strokePolyline(GraphicsContext gc, double[] px, double[] py, int n, DataSetNode style,
                                       double width) {
        gc.setStroke(style.getLineColor());
        gc.setLineWidth(width);
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || Double.isNaN(py[i])) {
                if (i - start > 1) {
                    gc.strokePolyline(Arrays.copyOfRange(px, start, i), Arrays.copyOfRange(py, start, i), i - start);
                }
                start = i + 1;
            }
        }
    }

    private static void fillColumns(GraphicsContext gc, Columns c, DataSetNode style) {
        gc.setFill(style.getLineColor());
        int start = 0;
        for (int r = 0; r < c.runs(); r++) {
            int end = c.runEnds()[r];
            int m = end - start;
            double[] xs = new double[2 * m + 2];
            double[] ys = new double[2 * m + 2];
            // along the tops left to right (each column's right edge is the next one's left), back along the bottoms
            for (int k = 0; k < m; k++) {
                xs[k] = c.x()[start + k];
                ys[k] = c.top()[start + k];
                xs[2 * m + 1 - k] = c.x()[start + k];
                ys[2 * m + 1 - k] = c.bottom()[start + k];
            }
            xs[m] = c.x()[end - 1] + 1;
            ys[m] = c.top()[end - 1];
            xs[m + 1] = c.x()[end - 1] + 1;
            ys[m + 1] = c.bottom()[end - 1];
            gc.fillPolygon(xs, ys, 2 * m + 2);
            start = end;
        }
    }

    /**
     * Groups screen points into one-pixel columns: each column spans its points and the previous point (the
     * polyline's joining segment), at least {@code width} tall around its middle.
     */
    static Columns columns(double[] px, double[] py, int n, double width) {
        double[] x = new double[n];
        double[] top = new double[n];
        double[] bottom = new double[n];
        int[] runEnds = new int[n + 1];
        int count = 0;
        int runs = 0;
        long column = Long.MIN_VALUE;
        double previous = Double.NaN;
        for (int i = 0; i < n; i++) {
            double y = py[i];
            if (Double.isNaN(y)) {
                if (count > 0 && (runs == 0 || runEnds[runs - 1] != count)) {
                    runEnds[runs++] = count;
                }
                column = Long.MIN_VALUE;
                previous = Double.NaN;
                continue;
            }
            long c = (long) Math.floor(px[i]);
            if (c != column) {
                column = c;
                x[count] = c;
                top[count] = Double.isNaN(previous) ? y : Math.min(previous, y);
                bottom[count] = Double.isNaN(previous) ? y : Math.max(previous, y);
                count++;
            } else {
                top[count - 1] = Math.min(top[count - 1], y);
                bottom[count - 1] = Math.max(bottom[count - 1], y);
            }
            previous = y;
        }
        if (count > 0 && (runs == 0 || runEnds[runs - 1] != count)) {
            runEnds[runs++] = count;
        }
        for (int k = 0; k < count; k++) {
            double room = width - (bottom[k] - top[k]);
            if (room > 0) {
                top[k] -= room / 2;
                bottom[k] += room / 2;
            }
        }
        return new Columns(x, top, bottom, count, runEnds, runs);
    }

    /** First index whose x is >= {@code x} (the data's x values ascend). */
    private static int firstAtOrAfter(DataSet data, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (data.get(DataSet.DIM_X, mid) < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
