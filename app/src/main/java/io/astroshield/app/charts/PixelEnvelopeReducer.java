package io.astroshield.app.charts;

import io.fair_acc.chartfx.renderer.RendererDataReducer;

/**
 * Reduces a line to what its pixels can show: per pixel column the first, lowest, highest and last point, in their
 * order (the M4 aggregation of Jugel et al., "M4: a visualization-oriented time series data aggregation", VLDB
 * 2014). The drawn line is the same as with every point, so a one-sample excursion past a limit is never dropped,
 * and a polyline of 100,000 noisy points costs at most four points per pixel column to stroke. ChartFx's default
 * reducer keeps a point whenever it moved more than a few pixels, which keeps nearly all of a noisy series.
 *
 * <p>Works in place on the renderer's screen-coordinate arrays, as ChartFx's reducers do. A NaN value (a gap)
 * is kept and ends the column it falls in.
 */
public final class PixelEnvelopeReducer implements RendererDataReducer {

    @Override
    public int reducePoints(double[] x, double[] y, double[] xErrorPos, double[] xErrorNeg, double[] yErrorPos,
                            double[] yErrorNeg, String[] styles, boolean[] selected, int indexMin, int indexMax) {
        int count = 0;
        int i = indexMin;
        int[] keep = new int[4];
        while (i < indexMax) {
            if (Double.isNaN(y[i])) {
                copy(i, count++, x, y, xErrorPos, xErrorNeg, yErrorPos, yErrorNeg, styles, selected);
                i++;
                continue;
            }
            long column = (long) Math.floor(x[i]);
            int first = i;
            int low = i;
            int high = i;
            int last = i;
            i++;
            while (i < indexMax && !Double.isNaN(y[i]) && (long) Math.floor(x[i]) == column) {
                low = y[i] < y[low] ? i : low;
                high = y[i] > y[high] ? i : high;
                last = i;
                i++;
            }
            int n = sortedDistinct(keep, first, Math.min(low, high), Math.max(low, high), last);
            for (int k = 0; k < n; k++) {
                // keep[k] >= count: each column writes no more points than it read
                copy(keep[k], count++, x, y, xErrorPos, xErrorNeg, yErrorPos, yErrorNeg, styles, selected);
            }
        }
        return count;
    }

    /** Writes the distinct values of a <= b <= c <= d (b, c ordered by the caller) into {@code out}. */
    private static int sortedDistinct(int[] out, int a, int b, int c, int d) {
        int n = 0;
        out[n++] = a;
        if (b != out[n - 1]) {
            out[n++] = b;
        }
        if (c != out[n - 1]) {
            out[n++] = c;
        }
        if (d != out[n - 1]) {
            out[n++] = d;
        }
        return n;
    }

    private static void copy(int from, int to, double[] x, double[] y, double[] xErrorPos, double[] xErrorNeg,
                             double[] yErrorPos, double[] yErrorNeg, String[] styles, boolean[] selected) {
        if (from == to) {
            return;
        }
        x[to] = x[from];
        y[to] = y[from];
        if (xErrorPos != null) {
            xErrorPos[to] = xErrorPos[from];
        }
        if (xErrorNeg != null) {
            xErrorNeg[to] = xErrorNeg[from];
        }
        if (yErrorPos != null) {
            yErrorPos[to] = yErrorPos[from];
        }
        if (yErrorNeg != null) {
            yErrorNeg[to] = yErrorNeg[from];
        }
        if (styles != null) {
            styles[to] = styles[from];
        }
        if (selected != null) {
            selected[to] = selected[from];
        }
    }
}
