package io.astroshield.app.orbitview;

import io.astroshield.domain.catalog.ObjectType;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

import java.util.SplittableRandom;

/**
 * The whole catalog as ONE mesh of one small triangle per object, coloured by object type through a four-texel
 * palette. Each triangle has its own fixed, random orientation: whichever way the camera turns, nearly every point
 * shows most of its area and none needs re-orienting (a rebuild per camera move would cost more than drawing).
 * One triangle, not a tetrahedron, because Mesa's software renderer is bound by vertices here: four faces per
 * object drew the 23,939-object catalog at less than half the frame rate (docs/benchmarks.md). A new instant
 * changes only the vertex array; a new catalog makes a new cloud, built off the FX thread while detached.
 */
public final class PointCloud {

    /** Palette, in {@link ObjectType} order: payload, rocket body, debris, unknown. Bright on the dark scene. */
    public static final Color[] COLOURS = {
        Color.web("#39e36f"), Color.web("#ffa22b"), Color.web("#4fc8f7"), Color.web("#e44dfb")};

    /** Distance from a point to its triangle's corners, scene units (1 unit = 1,000 km): two to three pixels at home. */
    static final float CORNER_DISTANCE = 0.09f;

    private final TriangleMesh mesh;
    /** Corner offsets from the centre: 9 floats (3 corners) per point. */
    private final float[] offsets;

    private PointCloud(TriangleMesh mesh, float[] offsets) {
        this.mesh = mesh;
        this.offsets = offsets;
    }

    /** The palette texture: one texel per object type. */
    public static Image palette() {
        WritableImage img = new WritableImage(COLOURS.length, 1);
        PixelWriter w = img.getPixelWriter();
        for (int i = 0; i < COLOURS.length; i++) {
            w.setColor(i, 0, COLOURS[i]);
        }
        return img;
    }

    /**
     * A cloud for {@code types.length} objects; its mesh needs {@link #vertices} before it shows anything. The
     * points are lit by ambient light only, so all faces share one normal: with the normals given, JavaFX updates
     * only the vertex buffer when the points move, instead of recomputing smoothing-group normals for the whole
     * catalog on every new instant.
     */
    public static PointCloud of(ObjectType[] types) {
        int n = types.length;
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
        mesh.getNormals().setAll(0, 0, -1);
        float[] tex = new float[2 * COLOURS.length];
        for (int i = 0; i < COLOURS.length; i++) {
            tex[2 * i] = (i + 0.5f) / COLOURS.length;
            tex[2 * i + 1] = 0.5f;
        }
        mesh.getTexCoords().setAll(tex);
        int[] faces = new int[9 * n];
        for (int p = 0; p < n; p++) {
            int t = types[p].ordinal();
            for (int c = 0; c < 3; c++) {
                faces[9 * p + 3 * c] = 3 * p + c;
                faces[9 * p + 3 * c + 1] = 0;
                faces[9 * p + 3 * c + 2] = t;
            }
        }
        mesh.getPoints().setAll(new float[9 * n]);
        mesh.getFaces().setAll(faces);
        return new PointCloud(mesh, offsets(n));
    }

    /** Equilateral corners around the origin in a plane of uniformly random orientation, the same on every run. */
    private static float[] offsets(int n) {
        SplittableRandom random = new SplittableRandom(0x5EED);
        float[] out = new float[9 * n];
        for (int p = 0; p < n; p++) {
            // uniform normal on the sphere, then two unit vectors spanning its plane
            double z = random.nextDouble(-1, 1);
            double phi = random.nextDouble(0, 2 * Math.PI);
            double s = Math.sqrt(1 - z * z);
            double[] normal = {s * Math.cos(phi), s * Math.sin(phi), z};
            double[] helper = Math.abs(normal[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
            double[] u = unit(cross(normal, helper));
            double[] v = cross(normal, u);
            double spin = random.nextDouble(0, 2 * Math.PI);
            for (int c = 0; c < 3; c++) {
                double a = spin + c * 2 * Math.PI / 3;
                for (int j = 0; j < 3; j++) {
                    out[9 * p + 3 * c + j] = (float) (CORNER_DISTANCE * (Math.cos(a) * u[j] + Math.sin(a) * v[j]));
                }
            }
        }
        return out;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] unit(double[] a) {
        double len = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / len, a[1] / len, a[2] / len};
    }

    public TriangleMesh mesh() {
        return mesh;
    }

    public int size() {
        return offsets.length / 9;
    }

    /**
     * The mesh's vertices for these centres (x, y, z of point i at 3i, scene units). A centre that is NaN (no
     * position) collapses its triangle to the origin, inside the Earth, where it draws nothing.
     */
    public float[] vertices(float[] centres) {
        int n = size();
        float[] out = new float[9 * n];
        for (int p = 0; p < n; p++) {
            float x = centres[3 * p];
            float y = centres[3 * p + 1];
            float z = centres[3 * p + 2];
            if (Float.isNaN(x) || Float.isNaN(y) || Float.isNaN(z)) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                int o = 9 * p + 3 * c;
                out[o] = x + offsets[o];
                out[o + 1] = y + offsets[o + 1];
                out[o + 2] = z + offsets[o + 2];
            }
        }
        return out;
    }
}
