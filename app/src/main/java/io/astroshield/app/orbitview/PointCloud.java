package io.astroshield.app.orbitview;

import io.astroshield.domain.catalog.ObjectType;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.TriangleMesh;

/**
 * The whole catalog as ONE mesh: a tiny tetrahedron per object (visible from every side, so the camera can turn
 * without rebuilding anything), coloured by object type through a four-texel palette. A new instant changes only
 * the vertex array; a new catalog makes a new mesh, built off the FX thread while detached.
 */
public final class PointCloud {

    /** Palette, in {@link ObjectType} order: payload, rocket body, debris, unknown. Bright on the dark scene. */
    public static final Color[] COLOURS = {
        Color.web("#39e36f"), Color.web("#ffa22b"), Color.web("#4fc8f7"), Color.web("#e44dfb")};

    /** Half the size of a point's tetrahedron in scene units (1 unit = 1,000 km): 100 km across, two pixels at the home distance. */
    static final float HALF_SIZE = 0.05f;

    private static final float[] CORNERS = {1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1};
    private static final int[][] FACES = {{0, 1, 2}, {0, 3, 1}, {0, 2, 3}, {1, 3, 2}};

    private PointCloud() {
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

    /** A mesh for {@code types.length} objects; its vertices still need {@link #vertices}. */
    public static TriangleMesh mesh(ObjectType[] types) {
        int n = types.length;
        TriangleMesh mesh = new TriangleMesh();
        float[] tex = new float[2 * COLOURS.length];
        for (int i = 0; i < COLOURS.length; i++) {
            tex[2 * i] = (i + 0.5f) / COLOURS.length;
            tex[2 * i + 1] = 0.5f;
        }
        mesh.getTexCoords().setAll(tex);
        int[] faces = new int[n * FACES.length * 6];
        int f = 0;
        for (int p = 0; p < n; p++) {
            int t = types[p].ordinal();
            for (int[] face : FACES) {
                for (int corner : face) {
                    faces[f++] = 4 * p + corner;
                    faces[f++] = t;
                }
            }
        }
        mesh.getPoints().setAll(new float[12 * n]);
        mesh.getFaces().setAll(faces);
        return mesh;
    }

    /**
     * Tetrahedron vertices around each centre (x, y, z of point i at 3i, scene units). A centre that is NaN (no
     * position) collapses its tetrahedron to the origin, inside the Earth, where it draws nothing.
     */
    public static float[] vertices(float[] centres) {
        int n = centres.length / 3;
        float[] out = new float[12 * n];
        for (int p = 0; p < n; p++) {
            float x = centres[3 * p];
            float y = centres[3 * p + 1];
            float z = centres[3 * p + 2];
            if (Float.isNaN(x) || Float.isNaN(y) || Float.isNaN(z)) {
                continue;
            }
            for (int c = 0; c < 4; c++) {
                out[12 * p + 3 * c] = x + HALF_SIZE * CORNERS[3 * c];
                out[12 * p + 3 * c + 1] = y + HALF_SIZE * CORNERS[3 * c + 1];
                out[12 * p + 3 * c + 2] = z + HALF_SIZE * CORNERS[3 * c + 2];
            }
        }
        return out;
    }
}
