package io.astroshield.app.orbitview;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draws the 3D view with real OpenGL (Xvfb + Mesa under the {@code render} profile, not Monocle: Monocle has no 3D)
 * and checks the pixels; saves the picture under target/screenshots.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OrbitViewRenderIT {

    @TempDir
    static Path store;
    private static ViewFixture fixture;

    @BeforeAll
    static void start() {
        ViewFixture.startFx();
        fixture = ViewFixture.synthetic(store, 3000);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void drawsTheEarthAndTheCatalogPointsAndSavesAScreenshot() throws Exception {
        // given the 3D view of 3,000 synthetic objects plus the demo's planted pairs, the first pair's event selected
        Stage stage = ViewFixture.onFx(() -> new Stage());
        OrbitView view = ViewFixture.onFx(() -> {
            var ctx = fixture.context(stage);
            ctx.selection().selectEvent(fixture.plantedEvent());
            OrbitView v = new OrbitView(new OrbitViewModel(ctx));
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(v.node()), 1200, 800));
            stage.setTitle("AstroShield 3D view");
            stage.show();
            return v;
        });
        // when the scene is computed, the texture drawn, and a frame rendered
        assertThat(ViewFixture.waitFor(() -> view.viewModel().sceneProperty().get() != null && view.textured(),
                60_000)).as("scene computed and texture attached").isTrue();
        Thread.sleep(500);
        WritableImage shot = ViewFixture.onFx(view::snapshot);
        BufferedImage img = SwingFXUtils.fromFXImage(shot, null);
        ViewFixture.savePng(SwingFXUtils.fromFXImage(ViewFixture.onFx(view::snapshotWithControls), null),
                ViewFixture.screenshotDir().resolve("orbit-view-3d.png"));
        double earthPx = ViewFixture.onFx(view::earthRadiusPx);
        int cx = img.getWidth() / 2;
        int cy = img.getHeight() / 2;

        // then the Earth covers the centre: inside half its radius, ocean and land pixels (blue or green over red,
        // brighter than the background) are nearly everything (grid and coast lines are thin)
        int disc = 0;
        int earthLike = 0;
        for (int y = (int) (cy - earthPx / 2); y < cy + earthPx / 2; y++) {
            for (int x = (int) (cx - earthPx / 2); x < cx + earthPx / 2; x++) {
                if (Math.hypot(x - cx, y - cy) > earthPx / 2) {
                    continue;
                }
                disc++;
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(g, b) > r && r + g + b > 60) {
                    earthLike++;
                }
            }
        }
        assertThat(earthLike).as("Earth pixels of %d near the centre", disc).isGreaterThan(disc * 8 / 10);

        // and catalog points are drawn off the disc, in the palette's colours (flat lit, so exact up to filtering)
        int pointPixels = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                colours.add(rgb & 0xffffff);
                if (Math.hypot(x - cx, y - cy) > earthPx * 1.1 && isPaletteColour(rgb)) {
                    pointPixels++;
                }
            }
        }
        assertThat(pointPixels).as("point pixels off the Earth disc").isGreaterThan(200);
        // and the picture is not blank or flat
        assertThat(colours.size()).as("distinct colours").isGreaterThan(200);

        // and in Earth-fixed axes the Earth stops turning (rotation 0) and the points are still drawn
        ViewFixture.onFx(() -> {
            view.viewModel().frameProperty().set(OrbitViewModel.Frame.ECEF);
            return null;
        });
        assertThat(ViewFixture.waitFor(() -> view.viewModel().sceneProperty().get().frame()
                == OrbitViewModel.Frame.ECEF, 30_000)).as("Earth-fixed scene computed").isTrue();
        assertThat(ViewFixture.onFx(() -> view.viewModel().sceneProperty().get().earthRotationDeg())).isZero();
        Thread.sleep(500);
        BufferedImage fixed = SwingFXUtils.fromFXImage(ViewFixture.onFx(view::snapshot), null);
        ViewFixture.savePng(fixed, ViewFixture.screenshotDir().resolve("orbit-view-3d-earth-fixed.png"));
        int fixedPoints = 0;
        for (int y = 0; y < fixed.getHeight(); y++) {
            for (int x = 0; x < fixed.getWidth(); x++) {
                if (Math.hypot(x - cx, y - cy) > earthPx * 1.1 && isPaletteColour(fixed.getRGB(x, y))) {
                    fixedPoints++;
                }
            }
        }
        assertThat(fixedPoints).as("point pixels off the Earth disc, Earth-fixed").isGreaterThan(200);

        ViewFixture.onFx(() -> {
            stage.close();
            view.viewModel().dispose();
            return null;
        });
    }

    private static boolean isPaletteColour(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        for (Color c : PointCloud.COLOURS) {
            double d = Math.abs(r - c.getRed() * 255) + Math.abs(g - c.getGreen() * 255) + Math.abs(b - c.getBlue() * 255);
            if (d < 60) {
                return true;
            }
        }
        return false;
    }
}
