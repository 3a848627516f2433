package io.astroshield.app.orbitview;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;

/**
 * The Earth's surface drawn by the project itself: an equirectangular image (longitude -180 at the left edge,
 * north up) with the oceans, the land of {@link Coastlines}, a 15 degree latitude/longitude grid and the coasts.
 * Built with Java2D so that it can be made on a background thread.
 */
public final class EarthTexture {

    static final Color OCEAN = new Color(0x10, 0x2e, 0x55);
    static final Color LAND = new Color(0x3b, 0x5e, 0x3f);
    private static final Color GRID = new Color(0x8f, 0xb0, 0xd8, 110);
    private static final Color EQUATOR = new Color(0xd8, 0xe4, 0xf0, 170);
    private static final Color COAST = new Color(0xc8, 0xdc, 0xc0);

    /** Width of the shared image, pixels: 5.7 pixels per degree, sharper than the 1:110m coasts. */
    static final int SHARED_WIDTH = 2048;
    private static volatile CompletableFuture<Image> shared;

    private EarthTexture() {
    }

    /** The surface at {@code width} x {@code width / 2} pixels. */
    public static Image image(int width) {
        return SwingFXUtils.toFXImage(draw(width), null);
    }

    /**
     * The surface shared by the 3D view and the ground-track map, drawn once on a background thread; complete it
     * on the FX thread with {@code thenAcceptAsync(..., Platform::runLater)}.
     */
    public static CompletableFuture<Image> shared() {
        CompletableFuture<Image> local = shared;
        if (local == null) {
            synchronized (EarthTexture.class) {
                local = shared;
                if (local == null) {
                    local = CompletableFuture.supplyAsync(() -> image(SHARED_WIDTH), r -> {
                        Thread t = new Thread(r, "astroshield-earth-texture");
                        t.setDaemon(true);
                        t.start();
                    });
                    shared = local;
                }
            }
        }
        return local;
    }

    static BufferedImage draw(int width) {
        int height = width / 2;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(OCEAN);
            g.fillRect(0, 0, width, height);
            double sx = width / 360.0;
            double sy = height / 180.0;
            Path2D.Double land = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : Coastlines.get().rings()) {
                // rings that cross the 180 degree meridian stick out of the image: draw them once more a globe over
                for (int shift = -1; shift <= 1; shift++) {
                    double off = 360.0 * shift;
                    land.moveTo((ring[0] + off + 180) * sx, (90 - ring[1]) * sy);
                    for (int k = 2; k < ring.length; k += 2) {
                        land.lineTo((ring[k] + off + 180) * sx, (90 - ring[k + 1]) * sy);
                    }
                    if (Coastlines.circlesThePole(ring)) {
                        double poleY = ring[1] < 0 ? height : 0;
                        land.lineTo((ring[ring.length - 2] + off + 180) * sx, poleY);
                        land.lineTo((ring[0] + off + 180) * sx, poleY);
                    }
                    land.closePath();
                }
            }
            g.setColor(LAND);
            g.fill(land);

            g.setStroke(new BasicStroke(Math.max(1f, width / 2048f)));
            g.setColor(GRID);
            for (int lon = -180; lon < 180; lon += 15) {
                int x = (int) Math.round((lon + 180) * sx);
                g.drawLine(x, 0, x, height);
            }
            for (int lat = -75; lat <= 75; lat += 15) {
                int y = (int) Math.round((90 - lat) * sy);
                g.setColor(lat == 0 ? EQUATOR : GRID);
                g.drawLine(0, y, width, y);
            }

            g.setColor(COAST);
            g.setStroke(new BasicStroke(Math.max(1f, width / 1400f)));
            for (double[] ring : Coastlines.get().rings()) {
                for (int shift = -1; shift <= 1; shift++) {
                    double off = 360.0 * shift;
                    Path2D.Double coast = new Path2D.Double();
                    boolean pen = false;
                    for (int k = 0; k + 3 < ring.length; k += 2) {
                        if (!Coastlines.isCoast(ring, k / 2)) {
                            pen = false;
                            continue;
                        }
                        if (!pen) {
                            coast.moveTo((ring[k] + off + 180) * sx, (90 - ring[k + 1]) * sy);
                            pen = true;
                        }
                        coast.lineTo((ring[k + 2] + off + 180) * sx, (90 - ring[k + 3]) * sy);
                    }
                    g.draw(coast);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
