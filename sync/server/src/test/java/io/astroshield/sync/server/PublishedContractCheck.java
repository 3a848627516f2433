package io.astroshield.sync.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code .ci/contract-check}: calls every AstroShield path a running reference server serves and validates each
 * real response (status, content type, body) against the PUBLISHED document, then lists the published operations
 * the server does not serve. Exit 0 when every response conforms, 1 otherwise.
 *
 * <p>Arguments: {@code BASE_URL PUBLISHED_SPEC_FILE ADMIN_PASSWORD_FILE}. The server should run with
 * {@code --simulate-telemetry} so that telemetry exists to be read.
 */
public final class PublishedContractCheck {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = Json.newMapper();
    private final String base;
    private final OpenApiInteractionValidator validator;
    private final List<String> deviations = new ArrayList<>();
    private final TreeSet<String> exercised = new TreeSet<>();

    private PublishedContractCheck(String base, String spec) {
        this.base = base;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PublishedContractCheck BASE_URL PUBLISHED_SPEC_FILE ADMIN_PASSWORD_FILE");
            System.exit(2);
        }
        String spec = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
        PublishedContractCheck check = new PublishedContractCheck(args[0], spec);
        check.run(password);
        check.listUnserved(spec);
        if (!check.deviations.isEmpty()) {
            System.out.println(check.deviations.size() + " response(s) deviate from the published document:");
            check.deviations.forEach(d -> System.out.println("  " + d));
            System.exit(1);
        }
        System.out.println("all " + check.exercised.size() + " exercised operations conform to the published document");
    }

    private void run(String adminPassword) throws Exception {
        check("GET", "/health", "/health", null, null, 200);
        String token = check("POST", "/auth/token", "/auth/token",
                Map.of("username", ReferenceServer.ADMIN, "password", adminPassword), null, 200)
                .get("access_token").asText();
        check("POST", "/auth/token", "/auth/token", Map.of("username", "nobody", "password", "wrong password"), null,
                401);

        int norad = 90000 + (int) (Instant.now().getEpochSecond() % 9000);
        JsonNode created = check("POST", "/api/v1/spacecraft", "/api/v1/spacecraft", Map.of("name", "CONTRACT CHECK",
                "norad_id", norad, "status", "active", "orbit_type", "LEO", "launch_date", "2026-01-15T10:00:00Z",
                "orbital_parameters", Map.of("semi_major_axis", 6898.0, "eccentricity", 0.001, "inclination", 97.4,
                        "epoch", "2026-11-22T00:00:00Z"),
                "physical_parameters", Map.of("mass", 150.0, "cross_section", 1.2)), token, 201);
        long id = created.get("id").asLong();
        check("POST", "/api/v1/spacecraft", "/api/v1/spacecraft", Map.of("name", "NO NORAD"), token, 400);
        check("GET", "/api/v1/spacecraft?status=all&limit=100", "/api/v1/spacecraft", null, token, 200);
        check("GET", "/api/v1/spacecraft", "/api/v1/spacecraft", null, null, 401);
        check("GET", "/api/v1/spacecraft/" + id, "/api/v1/spacecraft/{spacecraft_id}", null, token, 200);
        check("GET", "/api/v1/spacecraft/999999999", "/api/v1/spacecraft/{spacecraft_id}", null, token, 404);
        check("PUT", "/api/v1/spacecraft/" + id, "/api/v1/spacecraft/{spacecraft_id}", Map.of("status", "active",
                "physical_parameters", Map.of("mass", 155.0)), token, 200);
        check("PUT", "/api/v1/spacecraft/" + id, "/api/v1/spacecraft/{spacecraft_id}", Map.of("status", "lost"),
                token, 400);
        check("PUT", "/api/v1/spacecraft/999999999", "/api/v1/spacecraft/{spacecraft_id}", Map.of("name", "X"),
                token, 404);
        check("PUT", "/api/v1/spacecraft/" + id, "/api/v1/spacecraft/{spacecraft_id}", Map.of("name", "X"), null,
                401);

        // POST /api/v1/conjunctions is our extension: used for data, not checked against the published document
        long conjunction = send("POST", "/api/v1/conjunctions", Map.of(
                "primary_object", Map.of("id", id, "state_vector", Map.of("position", List.of(6500.0, 1000.0, 100.0),
                        "velocity", List.of(0.1, 7.5, 0.5), "epoch", "2026-12-01T10:00:00Z")),
                "secondary_object", Map.of("name", "DEBRIS", "norad_id", 45678),
                "tca", "2026-12-01T10:00:00Z", "miss_distance", 0.4, "collision_probability", 2.0e-4,
                "relative_velocity", 10.5, "covariance_primary", List.of(List.of(0.01, 0.0, 0.0),
                        List.of(0.0, 0.01, 0.0), List.of(0.0, 0.0, 0.01))), token).json().get("id").asLong();
        check("GET", "/api/v1/conjunctions?spacecraft_id=" + id + "&min_probability=1e-5"
                + "&start_time=2026-11-30T00:00:00Z&end_time=2026-12-02T00:00:00Z", "/api/v1/conjunctions", null,
                token, 200);
        check("GET", "/api/v1/conjunctions", "/api/v1/conjunctions", null, null, 401);
        check("GET", "/api/v1/conjunctions/" + conjunction, "/api/v1/conjunctions/{conjunction_id}", null, token,
                200);
        check("GET", "/api/v1/conjunctions/999999999", "/api/v1/conjunctions/{conjunction_id}", null, token, 404);

        String telemetry = "/api/v1/spacecraft/" + id + "/telemetry";
        waitForTelemetry(telemetry, token);
        check("GET", telemetry, "/api/v1/spacecraft/{spacecraft_id}/telemetry", null, token, 200);
        check("GET", telemetry + "?subsystem=power&limit=5", "/api/v1/spacecraft/{spacecraft_id}/telemetry", null,
                token, 200);
        check("GET", telemetry, "/api/v1/spacecraft/{spacecraft_id}/telemetry", null, null, 401);
        check("GET", "/api/v1/spacecraft/999999999/telemetry", "/api/v1/spacecraft/{spacecraft_id}/telemetry", null,
                token, 404);
        check("GET", "/api/v1/events", "/api/v1/events", null, token, 200);
        check("GET", "/api/v1/events", "/api/v1/events", null, null, 401);

        // statuses the published document does not list for these operations, answered on purpose
        String viewerKey = send("POST", "/admin/v1/api-keys", Map.of("name", "contract-viewer-" + norad,
                "role", "viewer"), token).json().get("api_key").asText();
        extension("GET", "/api/v1/spacecraft?limit=101", null, token, 400, "input validated, 400 names the field");
        extension("POST", "/auth/token", Map.of("username", "admin"), null, 400, "a missing field is a 400");
        extension("POST", "/api/v1/spacecraft", Map.of("name", "DUP", "norad_id", norad, "status", "active",
                "orbit_type", "LEO"), token, 409, "a NORAD number already registered");
        extensionWithKey("PUT", "/api/v1/spacecraft/" + id, Map.of("status", "inactive"), viewerKey, 403,
                "roles checked on every route (a viewer's service key may not write)");
    }

    /** Sends a request answered with a status the published operation does not list; prints it, checks it. */
    private void extension(String method, String path, Object body, String token, int expectedStatus,
                           String why) throws Exception {
        report(method, path, send(method, path, body, token), expectedStatus, why);
    }

    private void extensionWithKey(String method, String path, Object body, String apiKey, int expectedStatus,
                                  String why) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        report(method, path, new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                json.readTree(r.body())), expectedStatus, why);
    }

    private void report(String method, String path, Reply r, int expectedStatus, String why) {
        String label = method + " " + path + " -> " + r.status;
        if (r.status != expectedStatus || r.json == null || !r.json.at("/error/code").isTextual()) {
            deviations.add(label + ": expected " + expectedStatus + " in the Error shape: " + r.body);
        } else {
            System.out.println("not in the published document, on purpose: " + label + " (" + why + ")");
        }
    }

    /** The simulator writes at its cadence; the spacecraft created above gets its first samples at the next tick. */
    private void waitForTelemetry(String path, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("GET", path, null, token).json().at("/meta/total").asLong() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no telemetry after 60 s: is the server running with "
                        + "--simulate-telemetry?");
            }
            Thread.sleep(500);
        }
    }

    /** Sends, checks the status, validates against the published document and records any deviation. */
    private JsonNode check(String method, String pathAndQuery, String template, Object body, String token,
                           int expectedStatus) throws Exception {
        Reply r = send(method, pathAndQuery, body, token);
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        exercised.add(method + " " + template);
        String label = method + " " + pathAndQuery + " -> " + r.status;
        if (r.status != expectedStatus) {
            deviations.add(label + ": expected " + expectedStatus + ": " + r.body);
            return r.json;
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method),
                SimpleResponse.Builder.status(r.status).withContentType(r.contentType).withBody(r.body).build());
        if (report.hasErrors()) {
            deviations.add(label + ": " + report.getMessages().stream().map(ValidationReport.Message::getMessage)
                    .collect(Collectors.joining("; ")));
        } else {
            System.out.println("conforms: " + label);
        }
        return r.json;
    }

    private void listUnserved(String spec) throws IOException {
        JsonNode paths = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(spec)
                .get("paths");
        List<String> unserved = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                String op = m.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                if (!exercised.contains(op)) {
                    unserved.add(op);
                }
            });
        }
        System.out.println("published operations the reference server does not serve (" + unserved.size() + "): "
                + String.join(", ", unserved));
    }

    private record Reply(int status, String contentType, String body, JsonNode json) {
    }

    private Reply send(String method, String pathAndQuery, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        JsonNode tree = contentType.startsWith("application/json") && !r.body().isEmpty()
                ? json.readTree(r.body()) : null;
        return new Reply(r.statusCode(), contentType, r.body(), tree);
    }
}
