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

/**
 * The window's JavaFX application. Started through {@link io.astroshield.app.Launcher} (a class that does not
 * extend {@code Application}, so that the jar runs from the classpath). Parameters: {@code --data-dir PATH}.
 */
public final class WorkstationApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationApp.class);

    private Workstation workstation;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Path dataDir = dataDirectory(getParameters().getRaw());
        try {
            SoundCue horn = new SoundCue();
            workstation = Workstation.open(DataDirectory.resolve(dataDir), StoreOptions.defaults(),
                    ReferenceData.builtIn(), Clock.systemUTC(), horn);
            window = new MainWindow(stage, workstation, horn, FileDialogs.NATIVE);
            stage.show();
            reportInteractive();
        } catch (RuntimeException e) {
            LOG.error("cannot open the workstation", e);
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setHeaderText("AstroShield cannot start");
            alert.setContentText(io.astroshield.app.fx.Dialogs.message(e));
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
