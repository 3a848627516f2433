package io.astroshield.domain.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The circular-HBR 2D reference cases of NASA CARA_Analysis_Tools (commit a80d016), carried into
 * {@code cara-2d-circle-cases.json} as published facts; this class reads them and converts km to m.
 */
final class CaraCases {

    /** One case, already in SI units. */
    record Case(String id, String caraSource, double hbrM, Double expectedPc, boolean caraExpectsNan,
                Double relTol, Double caraPc2d, Double independentPc, Encounter encounter) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static final String RESOURCE = "cara-2d-circle-cases.json";

    private CaraCases() {
    }

    static List<Case> all() {
        try (InputStream in = CaraCases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the test class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(toCase(c));
            }
            return cases;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Case byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + id));
    }

    private static Case toCase(JsonNode c) {
        double k = c.get("unit").asText().equals("km") ? 1000.0 : 1.0;
        double hbr = c.get("hbr_infinite").asBoolean() ? Double.POSITIVE_INFINITY : c.get("hbr").asDouble() * k;
        ObjectState s1 = ObjectState.of(vector(c.get("r1"), k), vector(c.get("v1"), k));
        ObjectState s2 = ObjectState.of(vector(c.get("r2"), k), vector(c.get("v2"), k));
        // Covariance entries scale with the product of their two components' units: km² -> m² etc.
        ObjectCovariance c1 = new ObjectCovariance(CovarianceFrame.INERTIAL, matrix(c.get("c1"), k * k));
        ObjectCovariance c2 = new ObjectCovariance(CovarianceFrame.INERTIAL, matrix(c.get("c2"), k * k));
        // A negative HBR cannot be put into an Encounter; the case keeps it for the test that says so.
        Encounter encounter = hbr >= 0
                ? new Encounter(s1, c1, s2, c2, hbr, CovarianceSource.FROM_STATES)
                : null;
        return new Case(c.get("id").asText(), c.get("cara_source").asText(), hbr,
                c.get("expected_pc").isNull() ? null : c.get("expected_pc").asDouble(),
                c.get("cara_expects_nan").asBoolean(),
                c.get("rel_tol").isNull() ? null : c.get("rel_tol").asDouble(),
                c.has("cara_pc2d") ? c.get("cara_pc2d").asDouble() : null,
                c.has("independent_pc") ? c.get("independent_pc").asDouble() : null,
                encounter);
    }

    private static double[] vector(JsonNode node, double k) {
        return new double[] {node.get(0).asDouble() * k, node.get(1).asDouble() * k, node.get(2).asDouble() * k};
    }

    private static double[][] matrix(JsonNode node, double k) {
        int n = node.size();
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = node.get(i).get(j).asDouble() * k;
            }
        }
        return m;
    }
}
