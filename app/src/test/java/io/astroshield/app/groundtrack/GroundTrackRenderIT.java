package io.astroshield.app.groundtrack;

import io.astroshield.app.orbitview.ViewFixture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Draws the ground-track map of an event's two objects under the render profile and checks the pixels. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GroundTrackRenderIT {

    @TempDir
    static Path store;
    private static ViewFixture fixture;

    @BeforeAll
    static void start() {
        ViewFixture.startFx();
        fixture = ViewFixture.synthetic(store, 500);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void drawsTheTracksAndPositionsOfTheSelectedEventsObjectsOnTheMap() throws Exception {
        // given the map with the first planted event selected (its two objects)
        Stage stage = ViewFixture.onFx(Stage::new);
        GroundTrackView view = ViewFixture.onFx(() -> {
            var ctx = fixture.context(stage);
            ctx.selection().selectEvent(fixture.plantedEvent());
            GroundTrackView v = new GroundTrackView(new GroundTrackViewModel(ctx));
            stage.setScene(new Scene(new StackPane(v.node()), 1000, 520));
            stage.show();
            return v;
        });
        // when both tracks are computed and the surface drawn
        assertThat(ViewFixture.waitFor(() -> view.viewModel().pictureProperty().get() != null
                && view.viewModel().pictureProperty().get().tracks().size() == 2 && view.textured(), 60_000))
                .as("two tracks computed, surface attached").isTrue();
        BufferedImage img = SwingFXUtils.fromFXImage(ViewFixture.onFx(view::snapshot), null);
        ViewFixture.savePng(img, ViewFixture.screenshotDir().resolve("ground-track.png"));
        // then both track colours are drawn along a whole orbit (a 2 px line over a +-1 orbit track is thousands of
        // pixels; 300 leaves room for the stretches hidden under the other track and the labels)
        assertThat(count(img, GroundTrackView.TRACK_COLOURS[0])).as("first track pixels").isGreaterThan(300);
        assertThat(count(img, GroundTrackView.TRACK_COLOURS[1])).as("second track pixels").isGreaterThan(300);
        // and the map's surface is drawn: ocean blue covers much of it
        int ocean = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                if ((rgb & 0xff) > ((rgb >> 16) & 0xff) + 30) {
                    ocean++;
                }
            }
        }
        assertThat(ocean).as("ocean pixels, every other row and column").isGreaterThan(img.getWidth()
                * img.getHeight() / 4 / 3);
        ViewFixture.onFx(() -> {
            stage.close();
            view.viewModel().dispose();
            return null;
        });
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double d = Math.abs(((rgb >> 16) & 0xff) - c.getRed() * 255)
                        + Math.abs(((rgb >> 8) & 0xff) - c.getGreen() * 255) + Math.abs((rgb & 0xff) - c.getBlue() * 255);
                if (d < 40) {
                    n++;
                }
            }
        }
        return n;
    }
}
