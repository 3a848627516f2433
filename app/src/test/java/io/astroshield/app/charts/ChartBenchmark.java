package io.astroshield.app.charts;

import io.astroshield.app.fx.Throttle;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: frames per second of a workstation chart holding 100,000 points whose data is replaced ten times a
 * second, through the same path live telemetry takes (a producer thread builds an immutable snapshot, the
 * {@link Throttle} hands the newest one to the FX thread, the chart redraws). An {@link AnimationTimer} counts the
 * pulses over 10 s after a 3 s warm-up; the longest gap between two pulses is reported too.
 *
 * <p>Run (see docs/benchmarks.md, "Workstation: charts"): under Xvfb for a real pipeline
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.forceGPU=true -cp ... io.astroshield.app.charts.ChartBenchmark}
 */
public final class ChartBenchmark {

    static final int POINTS = 100_000;
    static final Duration UPDATE = Duration.ofMillis(100);
    static final long WARM_UP_NS = TimeUnit.SECONDS.toNanos(3);
    static final long MEASURE_NS = TimeUnit.SECONDS.toNanos(10);
    /** Amplitude of the sample-to-sample wiggle on the unit sine; -Dbench.noise=0.3 fills every pixel column. */
    static final double NOISE = Double.parseDouble(System.getProperty("bench.noise", "0.02"));

    private record Snapshot(double[] x, double[] y) {
    }

    private ChartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger applied = new AtomicInteger();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-producer");
            t.setDaemon(true);
            return t;
        });
        String[] result = new String[1];
        Platform.startup(() -> {
            EnvelopeRenderer renderer = Charts.denseLineRenderer();
            DefaultNumericAxis x = Charts.timeAxis("time");
            DefaultNumericAxis y = Charts.valueAxis("value", "V");
            XYChart chart = Charts.chart(x, y, renderer);
            x.setAutoRanging(false);
            x.set(0, POINTS);
            y.setAutoRanging(false);
            y.set(-1.6, 1.6);
            Throttle<Snapshot> throttle = new Throttle<>(UPDATE, s -> {
                Charts.show(renderer, "bench", s.x(), s.y());
                applied.incrementAndGet();
            });
            Stage stage = new Stage();
            stage.setScene(new Scene(chart, 1280, 720));
            stage.show();
            long[] frame = new long[5]; // start, frames, last, max gap, updates at start
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (frame[0] == 0) {
                        frame[0] = now + WARM_UP_NS;
                        return;
                    }
                    if (now < frame[0]) {
                        frame[2] = now;
                        frame[4] = applied.get();
                        return;
                    }
                    frame[1]++;
                    frame[3] = Math.max(frame[3], now - frame[2]);
                    frame[2] = now;
                    if (now - frame[0] >= MEASURE_NS) {
                        stop();
                        double seconds = (now - frame[0]) / 1e9;
                        result[0] = String.format(Locale.ROOT,
                                "pipeline=%s points=%d updates=%d (%.1f/s) frames=%d fps=%.1f max_frame_gap_ms=%.1f",
                                com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName(), POINTS,
                                applied.get() - frame[4], (applied.get() - frame[4]) / seconds, frame[1],
                                frame[1] / seconds, frame[3] / 1e6);
                        String png = System.getProperty("bench.png");
                        if (png != null) {
                            // what was measured, to look at: -Dbench.png=FILE
                            try {
                                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                                        stage.getScene().snapshot(null), null), "png", new java.io.File(png));
                            } catch (java.io.IOException e) {
                                System.err.println("cannot write " + png + ": " + e.getMessage());
                            }
                        }
                        done.countDown();
                    }
                }
            }.start();
            AtomicInteger step = new AtomicInteger();
            producer.scheduleAtFixedRate(() -> {
                // a new snapshot each time: the whole series, as the telemetry view-model hands over
                int k = step.incrementAndGet();
                double[] xs = new double[POINTS];
                double[] ys = new double[POINTS];
                for (int i = 0; i < POINTS; i++) {
                    xs[i] = i;
                    ys[i] = Math.sin(2 * Math.PI * (i + 500.0 * k) / 20_000) + NOISE * Math.sin(i * 0.37 + k);
                }
                throttle.push(new Snapshot(xs, ys));
            }, 0, UPDATE.toMillis(), TimeUnit.MILLISECONDS);
        });
        if (!done.await(300, TimeUnit.SECONDS)) {
            System.err.println("benchmark did not finish in 300 s");
            System.exit(1);
        }
        producer.shutdownNow();
        System.out.println(result[0]);
        Platform.exit();
        System.exit(0);
    }
}
