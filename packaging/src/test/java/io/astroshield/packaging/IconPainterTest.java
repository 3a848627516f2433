package io.astroshield.packaging;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class IconPainterTest {

    @Test
    void theConjunctionMarkIsRedWhereTheOrbitsCrossAndTheCornersAreTransparent() {
        // given
        BufferedImage icon = IconPainter.paint(IconPainter.SIZE);
        // when
        Point2D crossing = IconPainter.crossing();
        Color centreOfMark = new Color(icon.getRGB((int) crossing.getX(), (int) crossing.getY()), true);
        // then: the alarm red 0xE5253A of the mark, exactly (no antialiasing inside the disc)
        assertThat(centreOfMark.getRGB() & 0xFFFFFF).isEqualTo(0xE5253A);
        assertThat(new Color(icon.getRGB(0, 0), true).getAlpha()).isZero();
        assertThat(new Color(icon.getRGB(128, 128), true).getAlpha()).isEqualTo(255);
    }

    @Test
    void theCrossingLiesOnBothTiltedEllipses() {
        // given: the orbits' semi-axes 100 and 40 px, tilted -30 and +30 degrees about (128, 128)
        Point2D p = IconPainter.crossing();
        for (double tiltDeg : new double[] {-30, 30}) {
            // when: the point in the ellipse's own axes
            double dx = p.getX() - 128;
            double dy = p.getY() - 128;
            double c = Math.cos(Math.toRadians(-tiltDeg));
            double s = Math.sin(Math.toRadians(-tiltDeg));
            double u = dx * c - dy * s;
            double v = dx * s + dy * c;
            // then: on the ellipse to 1e-9 (the crossing is computed in closed form)
            assertThat(u * u / (100.0 * 100.0) + v * v / (40.0 * 40.0)).isCloseTo(1.0, offset(1e-9));
        }
    }

    @Test
    void icoAndIcnsCarryThePngWithHeadersTheirFormatsDefine() throws IOException {
        // given
        byte[] png = IconPainter.png(IconPainter.paint(IconPainter.SIZE));
        // when
        ByteBuffer ico = ByteBuffer.wrap(IconPainter.ico(png, IconPainter.SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer icns = ByteBuffer.wrap(IconPainter.icns(png)).order(ByteOrder.BIG_ENDIAN);
        // then: ICONDIR reserved 0, type 1 (icon), 1 image; entry width 0 = 256, size and offset of the PNG
        assertThat(ico.getShort(0)).isZero();
        assertThat(ico.getShort(2)).isEqualTo((short) 1);
        assertThat(ico.getShort(4)).isEqualTo((short) 1);
        assertThat(ico.get(6)).isZero();
        assertThat(ico.getInt(14)).isEqualTo(png.length);
        assertThat(ico.getInt(18)).isEqualTo(22);
        assertThat(Arrays.copyOfRange(ico.array(), 22, ico.capacity())).isEqualTo(png);
        // 'icns' + total length, then 'ic08' (256 x 256 PNG) + its length with header
        assertThat(new String(icns.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).isEqualTo(icns.capacity());
        assertThat(new String(icns.array(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("ic08");
        assertThat(icns.getInt(12)).isEqualTo(8 + png.length);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getWidth()).isEqualTo(256);
        assertThat(back.getHeight()).isEqualTo(256);
    }
}
