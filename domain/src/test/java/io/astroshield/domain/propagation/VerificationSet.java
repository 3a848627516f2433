package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.domain.time.ReferenceData;
import org.orekit.propagation.analytical.tle.TLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Vallado et al. 2006 (AIAA 2006-6753) verification cases, read from the test resources
 * {@code SGP4-VER.TLE} and {@code tcppver.out} (see their headers for provenance).
 */
final class VerificationSet {

    /** One line of tcppver.out: time since epoch (min), TEME position (km) and velocity (km/s). */
    record Expected(double tsinceMin, double xKm, double yKm, double zKm, double vxKmps, double vyKmps, double vzKmps) {
    }

    /**
     * One case: the TLE, the start/stop/step columns of line 2 and the expected records.
     *
     * @param ordinal 0-based position in SGP4-VER.TLE (20413 appears twice)
     */
    record Case(int ordinal, String line1, String line2, double startMin, double stopMin, double stepMin,
                List<Expected> expected) {

        int noradId() {
            return Integer.parseInt(line2.substring(2, 7).trim());
        }

        /**
         * The times testcpp (and python-sgp4's test) evaluates, in order: 0, then start to stop by
         * step (0 not twice), then stop when the last step fell short of it.
         */
        List<Double> grid() {
            List<Double> times = new ArrayList<>();
            times.add(0.0);
            double t = startMin;
            while (t <= stopMin) {
                if (!(t == startMin && startMin == 0.0)) {
                    times.add(t);
                }
                t += stepMin;
            }
            if (t - stopMin < stepMin - 1e-6) {
                times.add(stopMin);
            }
            return times;
        }

        /** The element set, parsed with Orekit's TLE reader in the reference data's UTC. */
        ElementSet elementSet(ReferenceData rd) {
            TLE tle = new TLE(line1, line2, rd.utc());
            return new ElementSet(tle.getSatelliteNumber(), null, null, tle.getClassification(),
                    rd.toInstant(tle.getDate()), tle.getMeanMotion(), tle.getE(), tle.getI(), tle.getRaan(),
                    tle.getPerigeeArgument(), tle.getMeanAnomaly(), tle.getBStar(),
                    tle.getMeanMotionFirstDerivative(), tle.getMeanMotionSecondDerivative(), tle.getElementNumber(),
                    tle.getRevolutionNumberAtEpoch(), tle.getEphemerisType(), ObjectType.UNKNOWN,
                    "SGP4-VER.TLE:" + noradId());
        }

        @Override
        public String toString() {
            return noradId() + "#" + ordinal;
        }
    }

    private VerificationSet() {
    }

    static List<Case> load() {
        List<String> tleLines = lines("SGP4-VER.TLE");
        List<String> outLines = lines("tcppver.out");
        List<List<Expected>> blocks = new ArrayList<>();
        List<Integer> blockIds = new ArrayList<>();
        for (String line : outLines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.contains("xx")) {
                blockIds.add(Integer.parseInt(line.trim().split("\\s+")[0]));
                blocks.add(new ArrayList<>());
                continue;
            }
            String[] f = line.trim().split("\\s+");
            blocks.get(blocks.size() - 1).add(new Expected(Double.parseDouble(f[0]),
                    Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < tleLines.size(); i++) {
            String line1 = tleLines.get(i);
            if (!line1.startsWith("1 ")) {
                continue;
            }
            String line2 = tleLines.get(i + 1);
            String[] range = line2.substring(69).trim().split("\\s+");
            int ordinal = cases.size();
            Case c = new Case(ordinal, line1.length() > 69 ? line1.substring(0, 69) : line1, line2.substring(0, 69),
                    Double.parseDouble(range[0]), Double.parseDouble(range[1]), Double.parseDouble(range[2]),
                    List.copyOf(blocks.get(ordinal)));
            if (blockIds.get(ordinal) != c.noradId()) {
                throw new IllegalStateException("tcppver.out block " + ordinal + " is for " + blockIds.get(ordinal)
                        + ", SGP4-VER.TLE case is " + c.noradId());
            }
            cases.add(c);
        }
        if (cases.size() != blocks.size()) {
            throw new IllegalStateException(cases.size() + " cases but " + blocks.size() + " output blocks");
        }
        return cases;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = VerificationSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
