package io.astroshield.app.workstation;

import io.astroshield.app.alarms.SoundCue;
import io.astroshield.domain.alarms.Role;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's bars fit a laptop-sized window whatever they say: a bar wider than the window widens the root, and
 * then every status message or clock tick redraws the whole window (docs/benchmarks.md, responsiveness).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MainWindowLayoutIT {

    /** A small laptop screen's width, px. */
    private static final double LAPTOP_WIDTH = 1024;

    @TempDir
    static Path dir;
    private static Workstation workstation;
    private static MainWindow window;

    @Start
    void start(Stage stage) {
        workstation = WindowFixture.openWorkstation(dir.resolve("data"));
        // given a long identity in the status bar (verified, now offline: the longest form it takes)
        workstation.verified("a.very.long.user.name.from.the.directory", Role.SUPERVISOR);
        workstation.wentOffline();
        window = new MainWindow(stage, workstation, new SoundCue(), new ScriptedFileDialogs());
        stage.show();
    }

    @AfterAll
    static void close() {
        WindowFixture.close(window, workstation);
    }

    @Test
    void theStatusBarAndTheTimeBarFitALaptopWideWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double status = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#status-bar").queryAs(Region.class)
                .minWidth(-1)).get();
        double time = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#time-bar").queryAs(Region.class)
                .minWidth(-1)).get();
        double root = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#main-window").queryAs(Region.class)
                .minWidth(-1)).get();
        assertThat(status).as("status bar min width, px").isLessThanOrEqualTo(LAPTOP_WIDTH);
        assertThat(time).as("time bar min width, px").isLessThanOrEqualTo(LAPTOP_WIDTH);
        assertThat(root).as("window root min width, px").isLessThanOrEqualTo(LAPTOP_WIDTH);
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#status-identity").queryAs(Node.class)
                .isVisible()).get()).isTrue();
    }
}
