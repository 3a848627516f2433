package io.astroshield.app.orbitview;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second of the 3D view with a whole catalog, the camera turning 0.5 degree a frame, counted by an
 * AnimationTimer over 10 s (not a test: run it under Xvfb + Mesa with the bench3d profile, docs/benchmarks.md).
 * Catalog: args[0] when that file exists (the 23,939-object 2022-01-22 catalog), else 23,939 synthetic objects.
 * Two runs: time stopped (only the camera moves), then replay at 60x (positions recomputed 4 times a second).
 */
public final class OrbitViewBenchmark {

    private static final int OBJECTS = 23_939;

    private OrbitViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("astroshield-bench3d");
        Path catalog = args.length > 0 ? Path.of(args[0]) : null;
        ViewFixture.startFx();
        ViewFixture fixture = catalog != null && Files.isRegularFile(catalog)
                ? ViewFixture.fromFile(dir, catalog)
                : ViewFixture.synthetic(dir, Integer.getInteger("bench3d.objects", OBJECTS) - 6);
        // view a real catalog at its newest epoch: years after it most objects would have decayed
        Instant at = catalog != null && Files.isRegularFile(catalog)
                ? fixture.elementSets().stream().map(e -> e.epoch()).max(Comparator.naturalOrder()).orElseThrow()
                : ViewFixture.EPOCH;
        System.out.printf(Locale.ROOT, "catalog: %s, %d objects, time %s%n",
                catalog != null && Files.isRegularFile(catalog) ? catalog : "synthetic", fixture.catalogSize(), at);
        Stage stage = ViewFixture.onFx(Stage::new);
        OrbitView view = ViewFixture.onFx(() -> {
            var ctx = fixture.context(stage);
            ctx.time().replayAt(at);
            OrbitView v = new OrbitView(new OrbitViewModel(ctx));
            stage.setScene(new Scene(new StackPane(v.node()), Integer.getInteger("bench3d.width", 1600),
                    Integer.getInteger("bench3d.height", 950)));
            stage.show();
            return v;
        });
        if (!ViewFixture.waitFor(() -> view.viewModel().sceneProperty().get() != null && view.textured(), 120_000)) {
            throw new IllegalStateException("the scene was not computed within 2 minutes");
        }
        Thread.sleep(2000);
        System.out.println("camera rotating, time stopped: " + framesPerSecond(view, 10));
        ViewFixture.onFx(() -> {
            fixture.context(stage).time().replay(at, at.plus(Duration.ofHours(6)), 60);
            return null;
        });
        Thread.sleep(2000);
        System.out.println("camera rotating, replay at 60x: " + framesPerSecond(view, 10));
        ViewFixture.onFx(() -> {
            fixture.context(stage).time().pause();
            stage.close();
            view.viewModel().dispose();
            return null;
        });
        fixture.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        javafx.application.Platform.exit();
    }

    /** Frames per second, and the CPU the JVM (FX, prism, Mesa's llvmpipe threads) and Xvfb used meanwhile. */
    private record Rate(double fps, double cores, double xvfbCores) {
        double perCore() {
            return fps / cores;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%.1f frames/s on %.2f cores (JVM + Xvfb, of which Xvfb %.2f): %.1f frames/s per core used",
                    fps, cores, xvfbCores, perCore());
        }
    }

    private static long cpuNanos() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return jvm + xvfbCpuNanos();
    }

    /** CPU time of the Xvfb serving this JVM's DISPLAY, from /proc (clock ticks of 10 ms), or 0 when unknown. */
    private static long xvfbCpuNanos() {
        String display = System.getenv("DISPLAY");
        if (display == null) {
            return 0;
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("Xvfb") && (" " + cmd + " ").contains(" " + display + " ")) {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended while listed
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }

    private static Rate framesPerSecond(OrbitView view, int seconds) throws InterruptedException {
        long cpu0 = cpuNanos();
        long xvfb0 = xvfbCpuNanos();
        long wall0 = System.nanoTime();
        CountDownLatch done = new CountDownLatch(1);
        long[] frames = new long[1];
        long[] span = new long[2];
        ViewFixture.onFx(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (frames[0] == 0) {
                        span[0] = now;
                    }
                    frames[0]++;
                    view.orbitBy(0.5, 0);
                    if (now - span[0] >= TimeUnit.SECONDS.toNanos(seconds)) {
                        span[1] = now;
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the animation did not finish");
        }
        long wall = System.nanoTime() - wall0;
        double cores = (cpuNanos() - cpu0) / (double) wall;
        double xvfb = (xvfbCpuNanos() - xvfb0) / (double) wall;
        return new Rate((frames[0] - 1) / ((span[1] - span[0]) / 1e9), cores, xvfb);
    }
}
