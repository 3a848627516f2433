package io.astroshield.app.workstation;

import io.astroshield.app.alarms.SoundCue;
import io.astroshield.app.conjunctions.EventRow;
import io.astroshield.app.fx.FileDialogs;
import io.astroshield.app.orbitview.PointCloud;
import io.astroshield.app.orbitview.ViewFixture;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole window with the demo open, the closest planted event selected, the alarm pane and the 3D view in
 * front, drawn with real OpenGL under the render profile; screenshots of the window, the 3D pane and the alarm pane.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class MainWindowRenderIT {

    @TempDir
    static Path dir;
    private static Workstation workstation;
    private static MainWindow window;
    private static Stage stage;

    @BeforeAll
    static void open() {
        ViewFixture.startFx();
        workstation = Workstation.open(dir.resolve("data"), StoreOptions.defaults(), ReferenceData.builtIn(),
                Clock.systemUTC(), new SoundCue());
        window = ViewFixture.onFx(() -> {
            stage = new Stage();
            MainWindow w = new MainWindow(stage, workstation, new SoundCue(), FileDialogs.NATIVE);
            stage.show();
            return w;
        });
    }

    @AfterAll
    static void close() {
        ViewFixture.onFx(() -> {
            window.close();
            return null;
        });
        workstation.close();
    }

    @Test
    void windowWithTheDemoShowsTheAlarmPaneAndTheSelectedEventIn3d() throws Exception {
        // given the demo opened from the window (3,000 objects, six planted encounters, a 24 h screening)
        ViewFixture.onFx(() -> {
            window.openDemo();
            return null;
        });
        assertThat(ViewFixture.waitFor(() -> window.conjunctions().allRows().stream()
                .filter(r -> !r.provisional()).count() >= 6 && !window.alarms().allAlarms().isEmpty()
                && window.context().tasks().running().isEmpty(), 240_000)).as("demo loaded").isTrue();
        // when the closest event is selected and the alarm pane and 3D view are brought to the front
        ViewFixture.onFx(() -> {
            EventRow closest = window.conjunctions().allRows().stream()
                    .filter(r -> !r.provisional()).min(Comparator.comparingDouble(EventRow::missM)).orElseThrow();
            window.context().selection().selectEvent(closest.event());
            window.dock().show(MainWindow.PANE_ALARMS);
            window.dock().show("orbit3d");
            return null;
        });
        Node orbit = ViewFixture.onFx(() -> window.scene().lookup("#orbit3d"));
        Node alarms = ViewFixture.onFx(() -> window.scene().lookup("#alarm-pane"));
        assertThat(ViewFixture.waitFor(() -> orbit.isVisible() && orbit.getScene() != null
                && ((javafx.scene.control.Label) window.scene().lookup("#orbit3d-caption")).getText()
                .contains("TCA"), 60_000)).as("3D view shows the selected event").isTrue();
        Thread.sleep(1500);
        Path shots = ViewFixture.screenshotDir();
        BufferedImage whole = SwingFXUtils.fromFXImage(ViewFixture.onFx(() -> window.scene().snapshot(null)), null);
        BufferedImage orbitShot = SwingFXUtils.fromFXImage(ViewFixture.onFx(() -> orbit.snapshot(null, null)), null);
        BufferedImage alarmShot = SwingFXUtils.fromFXImage(ViewFixture.onFx(() -> alarms.snapshot(null, null)), null);
        ViewFixture.savePng(whole, shots.resolve("main-window.png"));
        ViewFixture.savePng(orbitShot, shots.resolve("main-window-3d.png"));
        ViewFixture.savePng(alarmShot, shots.resolve("alarm-pane.png"));

        // then the window is a real picture (hundreds of colours: text, table, Earth), the docked 3D pane draws
        // catalog points in the palette's colours, and the alarm pane is drawn
        assertThat(distinctColours(whole)).as("distinct colours in the window").isGreaterThan(300);
        assertThat(palettePixels(orbitShot)).as("point pixels in the docked 3D pane").isGreaterThan(100);
        assertThat(distinctColours(alarmShot)).as("distinct colours in the alarm pane").isGreaterThan(20);
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
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
}
