package io.astroshield.app.workstation;

import io.astroshield.app.alarms.SoundCue;
import io.astroshield.app.fx.FileDialogs;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.DataDirectory;
import io.astroshield.persistence.StoreOptions;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The window's JavaFX application. Started through {@link io.astroshield.app.Launcher} (a class that does not
 * extend {@code Application}, so that the jar runs from the classpath). Parameters: {@code --data-dir PATH}.
 */
public final class WorkstationApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationApp.class);

    /** The store opens while the JavaFX toolkit starts (both take about a second on a cold start). */
    private static volatile CompletableFuture<Workstation> opening;
    private static final SoundCue HORN = new SoundCue();

    private Workstation workstation;
    private MainWindow window;

    /** Starts opening the store of the data directory named in {@code args}; call before launching the toolkit. */
    public static void prepare(String[] args) {
        Path dataDir = dataDirectory(List.of(args));
        opening = CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            ReferenceData data = ReferenceData.builtIn();
            Workstation ws = Workstation.open(DataDirectory.resolve(dataDir), StoreOptions.defaults(), data,
                    Clock.systemUTC(), HORN);
            LOG.info("start-up: reference data, store and alarm engine {} ms (beside the toolkit's start)",
                    (System.nanoTime() - t0) / 1_000_000);
            return ws;
        });
    }

    @Override
    public void start(Stage stage) {
        if (opening == null) {
            prepare(getParameters().getRaw().toArray(String[]::new));
        }
        try {
            long t0 = System.nanoTime();
            workstation = opening.join();
            long t1 = System.nanoTime();
            window = new MainWindow(stage, workstation, HORN, FileDialogs.NATIVE);
            LOG.info("start-up: waited {} ms for the store, window built in {} ms", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            stage.show();
            reportInteractive();
            List<Path> opened = openedFiles(getParameters().getRaw());
            if (!opened.isEmpty()) {
                window.importFiles(opened);
            }
        } catch (RuntimeException e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            LOG.error("cannot open the workstation", cause);
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setHeaderText("AstroShield cannot start");
            alert.setContentText(io.astroshield.app.fx.Dialogs.message(cause));
            alert.showAndWait();
            Platform.exit();
        }
    }

    /** Prints the time from JVM start to the first frame after the window is shown (the start-up benchmark's figure). */
    private static void reportInteractive() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.println("AstroShield window interactive in " + ms + " ms");
            }
        }.start();
    }

    /** Files passed by a file manager (the bundle's file associations): every argument that is not --data-dir. */
    static List<Path> openedFiles(List<String> args) {
        java.util.ArrayList<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data-dir")) {
                i++;
            } else if (!a.startsWith("--data-dir=")) {
                files.add(Path.of(a));
            }
        }
        return files;
    }

    static Path dataDirectory(List<String> args) {
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--data-dir")) {
                return Path.of(args.get(i + 1));
            }
        }
        for (String a : args) {
            if (a.startsWith("--data-dir=")) {
                return Path.of(a.substring("--data-dir=".length()));
            }
        }
        return null;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (workstation != null) {
            workstation.close();
        }
    }
}
