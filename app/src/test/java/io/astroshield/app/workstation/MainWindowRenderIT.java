package io.astroshield.app.workstation;

import io.astroshield.app.alarms.SoundCue;
import io.astroshield.app.conjunctions.EventRow;
import io.astroshield.app.demo.DemoScenario;
import io.astroshield.app.fx.FileDialogs;
import io.astroshield.app.fx.Progress;
import io.astroshield.app.orbitview.PointCloud;
import io.astroshield.app.orbitview.ViewFixture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole window with the demo loaded, drawn by the real pipeline (render profile: Xvfb + Mesa), saved under
 * target/screenshots: the main window, the alarm pane, and the window with the docked 3D view showing the closest
 * event. Checks that each picture has content, not a blank scene, and that the docked 3D view draws the catalog.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MainWindowRenderIT {

    @TempDir
    static Path dir;
    private static Workstation workstation;

    @BeforeAll
    static void start() {
        ViewFixture.startFx();
        workstation = WindowFixture.openWorkstation(dir);
        DemoScenario.load(workstation, 1500, Progress.NONE);
    }

    @AfterAll
    static void stop() {
        workstation.close();
    }

    @Test
    void mainWindowAndAlarmPaneWithTheDemoAreDrawnAndSaved() throws Exception {
        // given the window on the demo store
        Stage stage = ViewFixture.onFx(Stage::new);
        MainWindow window = ViewFixture.onFx(() -> {
            MainWindow w = new MainWindow(stage, workstation, new SoundCue(), FileDialogs.NATIVE);
            stage.show();
            return w;
        });
        // (waitFor evaluates the condition on the FX thread)
        assertThat(ViewFixture.waitFor(() -> window.conjunctions().allRows().size() >= 6
                && !window.alarms().allAlarms().isEmpty(), 120_000)).as("events and alarms loaded").isTrue();
        ViewFixture.onFx(() -> {
            window.dock().show(MainWindow.PANE_CONJUNCTIONS);
            return null;
        });
        Thread.sleep(1_500);

        // when
        BufferedImage main = SwingFXUtils.fromFXImage(ViewFixture.onFx(() -> window.scene().snapshot(null)), null);
        ViewFixture.savePng(main, ViewFixture.screenshotDir().resolve("main-window.png"));
        ViewFixture.onFx(() -> {
            window.dock().show(MainWindow.PANE_ALARMS);
            return null;
        });
        Thread.sleep(1_000);
        // the whole window with the alarm pane in front (a node snapshot would lose the theme's background)
        BufferedImage alarms = SwingFXUtils.fromFXImage(ViewFixture.onFx(() -> window.scene().snapshot(null)), null);
        ViewFixture.savePng(alarms, ViewFixture.screenshotDir().resolve("alarm-pane.png"));

        // then: both pictures have text and panels, not one flat colour
        assertThat(distinctColours(main)).as("colours in the main window").isGreaterThan(50);
        assertThat(distinctColours(alarms)).as("colours in the alarm pane").isGreaterThan(20);
        ViewFixture.onFx(() -> {
            window.close();
            stage.close();
            return null;
        });
    }

    @Test
    void dockedThreeDViewShowsTheClosestEventOfTheDemo() throws Exception {
        // given the window on the demo store, the closest event selected
        Stage stage = ViewFixture.onFx(Stage::new);
        MainWindow window = ViewFixture.onFx(() -> {
            MainWindow w = new MainWindow(stage, workstation, new SoundCue(), FileDialogs.NATIVE);
            stage.show();
            return w;
        });
        assertThat(ViewFixture.waitFor(() -> window.conjunctions().allRows().size() >= 6, 120_000))
                .as("events loaded").isTrue();
        // when the alarm pane and the 3D view are brought to the front
        ViewFixture.onFx(() -> {
            EventRow closest = window.conjunctions().allRows().stream()
                    .min(Comparator.comparingDouble(EventRow::missM)).orElseThrow();
            window.context().selection().selectEvent(closest.event());
            window.dock().show(MainWindow.PANE_ALARMS);
            window.dock().show("orbit3d");
            return null;
        });
        Node orbit = ViewFixture.onFx(() -> window.scene().lookup("#orbit3d"));
        Label caption = ViewFixture.onFx(() -> (Label) window.scene().lookup("#orbit3d-caption"));
        assertThat(ViewFixture.waitFor(() -> orbit.isVisible() && caption.getText().contains("TCA"), 60_000))
                .as("3D view shows the selected event").isTrue();
        Thread.sleep(1_500);
        BufferedImage whole = SwingFXUtils.fromFXImage(ViewFixture.onFx(() -> window.scene().snapshot(null)), null);
        ViewFixture.savePng(whole, ViewFixture.screenshotDir().resolve("main-window-3d.png"));
        BufferedImage pane = SwingFXUtils.fromFXImage(ViewFixture.onFx(() -> orbit.snapshot(null, null)), null);

        // then the docked 3D pane draws catalog points in the palette's colours
        assertThat(palettePixels(pane)).as("point pixels in the docked 3D pane").isGreaterThan(100);
        ViewFixture.onFx(() -> {
            window.close();
            stage.close();
            return null;
        });
    }

    private static int palettePixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                for (Color c : PointCloud.COLOURS) {
                    double d = Math.abs(((rgb >> 16) & 0xff) - c.getRed() * 255)
                            + Math.abs(((rgb >> 8) & 0xff) - c.getGreen() * 255)
                            + Math.abs((rgb & 0xff) - c.getBlue() * 255);
                    if (d < 60) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }
}
