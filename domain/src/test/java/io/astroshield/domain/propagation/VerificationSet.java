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
 * Vallado et al. 2006 (AIAA 2006-6753) verification cases, read from the test resource
 * {@code vallado-2006-verification.txt} (its header gives the provenance and the layout).
 */
final class VerificationSet {

    private static final String RESOURCE = "vallado-2006-verification.txt";

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
        List<Case> cases = new ArrayList<>();
        List<String> lines = lines(RESOURCE);
        int k = 0;
        while (k < lines.size()) {
            String line = lines.get(k);
            if (line.startsWith("#") || line.isBlank()) {
                k++;
                continue;
            }
            String[] head = line.trim().split("\\s+");
            if (!head[0].equals("case") || head.length != 5) {
                throw new IllegalStateException(RESOURCE + ":" + (k + 1) + ": expected a case line, got '" + line + "'");
            }
            String line1 = lines.get(k + 1);
            String line2 = lines.get(k + 2);
            k += 3;
            List<Expected> expected = new ArrayList<>();
            while (k < lines.size() && !lines.get(k).startsWith("case")) {
                String[] f = lines.get(k).trim().split("\\s+");
                expected.add(new Expected(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6])));
                k++;
            }
            Case c = new Case(cases.size(), line1, line2, Double.parseDouble(head[2]), Double.parseDouble(head[3]),
                    Double.parseDouble(head[4]), List.copyOf(expected));
            if (c.noradId() != Integer.parseInt(head[1])) {
                throw new IllegalStateException(RESOURCE + ": case " + head[1] + " holds the TLE of " + c.noradId());
            }
            cases.add(c);
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
