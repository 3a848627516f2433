package io.astroshield.packaging;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the application icon at build time (an Earth disc, two crossing orbits and the
 * conjunction where they meet) and writes it in the three forms jpackage wants: PNG for Linux,
 * ICO for Windows and ICNS for macOS. ICO and ICNS both allow PNG payloads, so one raster serves all.
 *
 * <p>{@code java io.astroshield.packaging.IconPainter OUT_DIR} writes {@code astroshield.png},
 * {@code astroshield.ico} and {@code astroshield.icns} there.
 */
public final class IconPainter {

    /** Edge of the icon in pixels: the largest size ICO (256) and ICNS ({@code ic08}) hold as one PNG. */
    public static final int SIZE = 256;

    /** Semi-axes of the two orbit ellipses, in pixels of the 256-pixel drawing. */
    private static final double ORBIT_A = 100;
    private static final double ORBIT_B = 40;

    private IconPainter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: IconPainter OUT_DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        byte[] png = png(paint(SIZE));
        Files.write(dir.resolve("astroshield.png"), png);
        Files.write(dir.resolve("astroshield.ico"), ico(png, SIZE));
        Files.write(dir.resolve("astroshield.icns"), icns(png));
    }

    /** The icon as an ARGB image {@code size} pixels square. */
    public static BufferedImage paint(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 256.0, size / 256.0);
            // night-sky tile
            g.setColor(new Color(0x0B1426));
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));
            // Earth, lit from the upper left
            g.setPaint(new RadialGradientPaint(new Point2D.Double(108, 108), 70,
                    new float[] {0f, 1f}, new Color[] {new Color(0x4FA3E0), new Color(0x163E7A)}));
            g.fill(new Ellipse2D.Double(78, 78, 100, 100));
            // two orbits, tilted opposite ways, that cross at the upper right
            g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            drawOrbit(g, new Color(0xE8EEF7), Math.toRadians(-30));
            drawOrbit(g, new Color(0xF5A623), Math.toRadians(30));
            // the conjunction: where the orbits meet, in alarm red with a white rim
            Point2D meet = crossing();
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(meet.getX() - 17, meet.getY() - 17, 34, 34));
            g.setColor(new Color(0xE5253A));
            g.fill(new Ellipse2D.Double(meet.getX() - 12, meet.getY() - 12, 24, 24));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawOrbit(Graphics2D g, Color color, double tiltRad) {
        AffineTransform saved = g.getTransform();
        g.rotate(tiltRad, 128, 128);
        g.setColor(color);
        g.draw(new Ellipse2D.Double(128 - ORBIT_A, 128 - ORBIT_B, 2 * ORBIT_A, 2 * ORBIT_B));
        g.setTransform(saved);
    }

    /**
     * Upper crossing of the two ellipses. By symmetry (tilts of -30 and +30 degrees) they cross on
     * the vertical axis through the centre, at the point where an ellipse tilted 30 degrees has x = 0.
     */
    static Point2D crossing() {
        // point (a cos t, b sin t) rotated by 30 degrees has x = a cos t cos30 - b sin t sin30 = 0
        double t = Math.atan2(ORBIT_A * Math.cos(Math.toRadians(30)), ORBIT_B * Math.sin(Math.toRadians(30)));
        double y = ORBIT_A * Math.cos(t) * Math.sin(Math.toRadians(30)) + ORBIT_B * Math.sin(t) * Math.cos(Math.toRadians(30));
        return new Point2D.Double(128, 128 - y);
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Windows icon with one PNG image (ICONDIR + one ICONDIRENTRY; width 0 means 256). */
    static byte[] ico(byte[] png, int size) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) (size % 256)).put((byte) (size % 256)).put((byte) 0).put((byte) 0);
        b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        b.put(png);
        return b.array();
    }

    /** A macOS icon family with one 256 x 256 PNG ({@code ic08}); lengths are big-endian and include the 8-byte headers. */
    static byte[] icns(byte[] png) {
        int total = 8 + 8 + png.length;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        b.put("ic08".getBytes(StandardCharsets.US_ASCII)).putInt(8 + png.length);
        b.put(png);
        return b.array();
    }
}
