package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.TleReader;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;

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

        /**
         * The element set, read by the project's {@link TleReader}. Cases 33333, 33334 and 33335 were
         * made by editing other cases' fields without updating the checksum (column 69), so the
         * checksum is recomputed here; the reader must then accept every case without a diagnostic.
         */
        ElementSet elementSet(ReferenceData rd) {
            ReadResult<ElementSet> r = TleReader.read("SGP4-VER.TLE#" + ordinal,
                    withChecksum(line1) + "\n" + withChecksum(line2) + "\n");
            if (r.records().size() != 1 || !r.diagnostics().isEmpty()) {
                throw new IllegalStateException("case " + this + ": " + r.diagnostics());
            }
            return r.records().get(0);
        }

        /** The TLE checksum: digits count their value, '-' counts 1, modulo 10 (CelesTrak TLE format FAQ). */
        private static String withChecksum(String line) {
            int sum = 0;
            for (int k = 0; k < 68; k++) {
                char ch = line.charAt(k);
                if (ch >= '0' && ch <= '9') {
                    sum += ch - '0';
                } else if (ch == '-') {
                    sum += 1;
                }
            }
            return line.substring(0, 68) + (sum % 10);
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
