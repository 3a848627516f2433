package io.astroshield.app.charts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnvelopeRendererTest {

    @Test
    void aOneSampleSpikeAmongAHundredThousandPointsStaysInItsColumn() {
        // given 100,000 points over 1,000 pixel columns (screen y around 300 px) and one sample 50 px higher
        int n = 100_000;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = i / 100.0;
            py[i] = 300 + 3 * Math.sin(i * 0.37);
        }
        py[54_321] = 250;

        // when
        EnvelopeRenderer.Columns c = EnvelopeRenderer.columns(px, py, n, 1.5);

        // then one column per pixel, one run, and column 543 reaches up to the spike
        assertThat(c.count()).isEqualTo(1000);
        assertThat(c.runs()).isEqualTo(1);
        assertThat(c.x()[543]).isEqualTo(543);
        assertThat(c.top()[543]).isCloseTo(250, within(1e-9));
        assertThat(c.top()[542]).isGreaterThan(296);
    }

    @Test
    void aStepIsCoveredByTheColumnAfterItAndThinColumnsKeepTheLineWidth() {
        // given a flat line that steps from 100 px to 200 px between columns 1 and 2
        double[] px = {0.2, 0.7, 1.2, 1.7, 2.2, 2.7};
        double[] py = {100, 100, 100, 100, 200, 200};

        EnvelopeRenderer.Columns c = EnvelopeRenderer.columns(px, py, 6, 2);

        // then column 2 spans the step (the joining segment), the flat columns are 2 px tall around the line
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.top()[2]).isCloseTo(100, within(1e-9));
        assertThat(c.bottom()[2]).isCloseTo(200, within(1e-9));
        assertThat(c.top()[0]).isCloseTo(99, within(1e-9));
        assertThat(c.bottom()[0]).isCloseTo(101, within(1e-9));
    }

    @Test
    void aGapSplitsTheSeriesIntoRuns() {
        double[] px = {0.5, 1.5, 2.5, 3.5, 4.5};
        double[] py = {10, 20, Double.NaN, 40, 50};

        EnvelopeRenderer.Columns c = EnvelopeRenderer.columns(px, py, 5, 1);

        assertThat(c.count()).isEqualTo(4);
        assertThat(c.runs()).isEqualTo(2);
        assertThat(c.runEnds()[0]).isEqualTo(2);
        assertThat(c.runEnds()[1]).isEqualTo(4);
        // the first column after the gap does not reach back across it
        assertThat(c.top()[2]).isCloseTo(39.5, within(1e-9));
    }
}
