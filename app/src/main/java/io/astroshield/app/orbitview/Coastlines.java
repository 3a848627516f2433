package io.astroshield.app.orbitview;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The land outlines of Natural Earth 1:110m (public domain), written down in {@code land-110m.txt} beside this class:
 * the Earth texture of the 3D view fills them and the ground-track map draws them. Immutable, loaded once.
 */
public final class Coastlines {

    private static final String RESOURCE = "land-110m.txt";
    private static volatile Coastlines instance;

    /** Rings as unwrapped lon, lat pairs in degrees: longitudes run on continuously across the 180 degree meridian. */
    private final List<double[]> rings;

    private Coastlines(List<double[]> rings) {
        this.rings = List.copyOf(rings);
    }

    public static Coastlines get() {
        Coastlines local = instance;
        if (local == null) {
            synchronized (Coastlines.class) {
                local = instance;
                if (local == null) {
                    local = load();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static Coastlines load() {
        List<double[]> rings = new ArrayList<>();
        try (InputStream in = Coastlines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pairs = line.trim().split(" ");
                double[] ring = new double[2 * pairs.length];
                for (int k = 0; k < pairs.length; k++) {
                    int comma = pairs[k].indexOf(',');
                    double lon = Integer.parseInt(pairs[k], 0, comma, 10) / 10.0;
                    double lat = Integer.parseInt(pairs[k], comma + 1, pairs[k].length(), 10) / 10.0;
                    if (k > 0) {
                        // unwrap: a step of more than half the globe is a crossing of the 180 degree meridian
                        double previous = ring[2 * k - 2];
                        lon += 360.0 * Math.round((previous - lon) / 360.0);
                    }
                    ring[2 * k] = lon;
                    ring[2 * k + 1] = lat;
                }
                rings.add(ring);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new Coastlines(rings);
    }

    /** Closed rings, lon and lat (degrees) interleaved, longitudes unwrapped (they may pass 180 or -180). */
    public List<double[]> rings() {
        return rings;
    }

    /**
     * True for a ring that goes once around the pole (Antarctica): its longitudes span the whole globe, so a filled
     * polygon must be closed through the pole, not straight back along a parallel.
     */
    public static boolean circlesThePole(double[] ring) {
        return Math.abs(ring[ring.length - 2] - ring[0]) > 359.0;
    }

    /**
     * True when the edge from point k to point k+1 of a ring is real coast, false for the edges the data set
     * draws along the 180 degree meridian where it cuts land in two (lines there would be drawn on land).
     */
    public static boolean isCoast(double[] ring, int k) {
        double lon0 = ring[2 * k];
        double lon1 = ring[2 * k + 2];
        return !(Math.abs(lon0 - lon1) < 1e-9 && Math.abs(Math.IEEEremainder(lon0, 360.0)) > 179.95);
    }
}
