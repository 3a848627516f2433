package io.astroshield.app.groundtrack;

import io.astroshield.app.orbitview.EarthTexture;
import io.astroshield.domain.propagation.GroundTrack;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * Ground-track map: the Earth's surface (the 3D view's own texture: land, coasts, 15 degree grid) in an
 * equirectangular projection, the selected objects' tracks over one orbit either side of the shared time (the
 * past half dimmer) and their positions now. A Canvas redrawn when the picture or the size changes.
 */
public final class GroundTrackView {

    public static final String STYLE_CLASS = "ground-track";
    /** Track colours, one per selected object in selection order; text is printed beside every marker. */
    static final Color[] TRACK_COLOURS = {
        Color.web("#ffe066"), Color.web("#ff6b6b"), Color.web("#7ee8fa"), Color.web("#c3f584"),
        Color.web("#f7a8ff"), Color.web("#ffb86b"), Color.web("#a0b4ff"), Color.web("#ffffff")};
    private static final Color FRAME = Color.web("#05070d");

    private final GroundTrackViewModel vm;
    private final Pane root = new Pane();
    private final Canvas canvas = new Canvas();
    private Image surface;

    public GroundTrackView(GroundTrackViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add(STYLE_CLASS);
        root.setId("groundtrack");
        root.setMinSize(0, 0);
        root.getChildren().add(canvas);
        canvas.widthProperty().bind(root.widthProperty());
        canvas.heightProperty().bind(root.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        vm.pictureProperty().addListener(o -> redraw());
        EarthTexture.shared().thenAcceptAsync(img -> {
            surface = img;
            redraw();
        }, Platform::runLater);
    }

    public Node node() {
        return root;
    }

    public GroundTrackViewModel viewModel() {
        return vm;
    }

    /** True once the map's surface image is drawn and in use. */
    boolean textured() {
        return surface != null;
    }

    /** The map as it is drawn now (FX thread). */
    public WritableImage snapshot() {
        return canvas.snapshot(null, null);
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(FRAME);
        g.fillRect(0, 0, w, h);
        if (w < 10 || h < 10) {
            return;
        }
        // the largest 2:1 map that fits, centred
        double mapW = Math.min(w, 2 * h);
        double mapH = mapW / 2;
        double x0 = (w - mapW) / 2;
        double y0 = (h - mapH) / 2;
        if (surface != null) {
            g.drawImage(surface, x0, y0, mapW, mapH);
        }
        g.setFont(Font.font(11));
        g.setFill(Color.web("#c8d4e0"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int lon = -150; lon <= 150; lon += 30) {
            g.fillText(lon + "°", x0 + (lon + 180) / 360.0 * mapW, y0 + 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int lat = -60; lat <= 60; lat += 30) {
            g.fillText(lat + "°", x0 + 3, y0 + (90 - lat) / 180.0 * mapH);
        }

        GroundTrackViewModel.Picture p = vm.pictureProperty().get();
        if (p == null) {
            return;
        }
        int i = 0;
        for (GroundTrackViewModel.Track t : p.tracks()) {
            Color c = TRACK_COLOURS[i++ % TRACK_COLOURS.length];
            GroundTrack track = t.track();
            stroke(g, track, 0, track.nowIndex(), c.deriveColor(0, 1, 1, 0.45), x0, y0, mapW, mapH);
            stroke(g, track, track.nowIndex(), track.size() - 1, c, x0, y0, mapW, mapH);
            double lat = track.latDeg()[track.nowIndex()];
            double lon = track.lonDeg()[track.nowIndex()];
            if (!Double.isNaN(lat)) {
                double x = x0 + (lon + 180) / 360.0 * mapW;
                double y = y0 + (90 - lat) / 180.0 * mapH;
                g.setFill(c);
                g.fillOval(x - 5, y - 5, 10, 10);
                g.setStroke(FRAME);
                g.setLineWidth(1.5);
                g.strokeOval(x - 5, y - 5, 10, 10);
                g.setFill(c);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(String.format(Locale.ROOT, "%s  %.1f°, %.1f°", t.label(), lat, lon), x + 9, y);
            }
        }
        g.setFill(Color.web("#dfe8f2"));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(p.message(), x0 + 6, y0 + mapH - 4);
    }

    /** Samples from..to as a polyline, lifted at gaps (NaN) and where it crosses the 180 degree meridian. */
    private static void stroke(GraphicsContext g, GroundTrack t, int from, int to, Color colour, double x0,
                               double y0, double w, double h) {
        g.setStroke(colour);
        g.setLineWidth(2);
        g.beginPath();
        boolean pen = false;
        double lastLon = Double.NaN;
        for (int k = from; k <= to; k++) {
            double lat = t.latDeg()[k];
            double lon = t.lonDeg()[k];
            if (Double.isNaN(lat)) {
                pen = false;
                continue;
            }
            double x = x0 + (lon + 180) / 360.0 * w;
            double y = y0 + (90 - lat) / 180.0 * h;
            if (pen && Math.abs(lon - lastLon) < 180) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
            }
            pen = true;
            lastLon = lon;
        }
        g.stroke();
    }
}
