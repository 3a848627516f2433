package io.astroshield.app.orbitview;

/**
 * From the domain's axes (TEME or Earth-fixed, km, z to the north pole) to the 3D scene's: JavaFX has y down, so
 * scene (x, y, z) = (X, -Z, Y) / 1000, a proper rotation (no mirror), 1 scene unit = 1,000 km. The north pole is
 * up on the screen, and turning about the pole is turning about the scene's -y axis.
 */
public final class SceneAxes {

    /** Kilometres per scene unit: keeps GEO (42,164 km) at 42 units, well inside float and depth-buffer precision. */
    public static final double KM_PER_UNIT = 1000.0;
    /** Earth's equatorial radius in scene units (WGS-84, 6,378.137 km). */
    public static final double EARTH_RADIUS = 6378.137 / KM_PER_UNIT;

    private SceneAxes() {
    }

    /** Converts x, y, z triples (km, domain axes) in place into scene units. */
    public static void toScene(float[] xyz) {
        for (int k = 0; k + 2 < xyz.length; k += 3) {
            float x = xyz[k];
            float y = xyz[k + 1];
            float z = xyz[k + 2];
            xyz[k] = (float) (x / KM_PER_UNIT);
            xyz[k + 1] = (float) (-z / KM_PER_UNIT);
            xyz[k + 2] = (float) (y / KM_PER_UNIT);
        }
    }

    /** Converts x, y, z triples (km, domain axes) into a new array in scene units. */
    public static float[] toScene(double[] xyz) {
        float[] out = new float[xyz.length];
        for (int k = 0; k < xyz.length; k++) {
            out[k] = (float) xyz[k];
        }
        toScene(out);
        return out;
    }
}
