package io.astroshield.app.charts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PixelEnvelopeReducerTest {

    @Test
    void aOneSampleSpikeSurvivesAmongAHundredThousandNoisyPoints() {
        // given 100,000 noisy points over 1,000 pixel columns and one sample 50 px above the rest
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 100.0;
            y[i] = 300 + 3 * Math.sin(i * 0.37);
        }
        y[54_321] = 250;

        // when
        int kept = new PixelEnvelopeReducer().reducePoints(x, y, null, null, null, null, null, new boolean[n], 0, n);

        // then at most four points per column (first, low, high, last), and the spike is one of them
        assertThat(kept).isLessThanOrEqualTo(4 * 1000).isGreaterThanOrEqualTo(2 * 1000);
        boolean spike = false;
        for (int i = 0; i < kept; i++) {
            spike |= y[i] == 250 && x[i] == 543.21;
        }
        assertThat(spike).isTrue();
        for (int i = 1; i < kept; i++) {
            assertThat(x[i]).isGreaterThanOrEqualTo(x[i - 1]);
        }
    }

    @Test
    void keepsGapsAndSparsePointsAsTheyAre() {
        // given three points in three columns with a gap (NaN) between the second and third
        double[] x = {0.5, 1.5, 2.5, 3.5};
        double[] y = {10, 20, Double.NaN, 40};

        int kept = new PixelEnvelopeReducer().reducePoints(x, y, null, null, null, null, null, new boolean[4], 0, 4);

        assertThat(kept).isEqualTo(4);
        assertThat(y).containsExactly(10, 20, Double.NaN, 40);
    }
}
