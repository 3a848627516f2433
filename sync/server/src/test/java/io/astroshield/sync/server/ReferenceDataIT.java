package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Spacecraft and conjunctions through the real server on loopback, stored in embedded PostgreSQL. */
class ReferenceDataIT {
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE spacecraft; --",
            "active' UNION SELECT username, password_hash FROM app_user --",
            "0) OR (1=1",
            "\\'; DELETE FROM conjunction; --");

    private static ServerFixture fx;
    private static String operator;
    private static String viewer;
    private static long iss;
    private static long hubble;

    @BeforeAll
    static void startServerWithTwoSpacecraft() {
        fx = new ServerFixture();
        operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        viewer = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        iss = createSpacecraft("ISS (ZARYA)", 25544, "active").get("id").asLong();
        hubble = createSpacecraft("HST", 20580, "inactive").get("id").asLong();
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void operatorCreatesASpacecraftThatAViewerReadsBackWithThePublishedNames() {
        // given
        Map<String, Object> body = new HashMap<>(spacecraftBody("NEW SAT", 61001, "active"));
        body.put("orbital_parameters", Map.of("semi_major_axis", 6783.5, "inclination", 51.64,
                "epoch", "2026-11-21T12:00:00Z"));
        body.put("physical_parameters", Map.of("mass", 420000.0, "cross_section", 2477.5));
        // when
        ServerFixture.Reply created = fx.post("/api/v1/spacecraft", body, operator);
        long id = created.json().get("id").asLong();
        ServerFixture.Reply read = fx.get("/api/v1/spacecraft/" + id, viewer);
        // then
        assertThat(created.status()).isEqualTo(201);
        ContractValidator.assertConforms(Method.POST, "/api/v1/spacecraft", created);
        assertThat(read.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/" + id, read);
        assertThat(read.json().get("norad_id").asInt()).isEqualTo(61001);
        assertThat(read.json().at("/orbital_parameters/semi_major_axis").asDouble()).isEqualTo(6783.5, within(0.0));
        assertThat(read.json().at("/orbital_parameters/epoch").asText()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(read.json().at("/physical_parameters/mass").asDouble()).isEqualTo(420000.0, within(0.0));
    }

    @Test
    void anOperatorsUpdateChangesOnlyTheGivenFieldsAndReachesClientsThroughTheChangeLog() {
        // given
        long id = createSpacecraft("TO UPDATE", 61002, "active").get("id").asLong();
        long cursor = fx.get("/sync/v1/snapshot", viewer).json().get("cursor").asLong();
        // when
        ServerFixture.Reply updated = fx.put("/api/v1/spacecraft/" + id, Map.of("status", "inactive",
                "orbital_parameters", Map.of("inclination", 97.4)), operator);
        ServerFixture.Reply changes = fx.get("/sync/v1/changes?cursor=" + cursor, viewer);
        // then
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        ContractValidator.assertConforms(Method.PUT, "/api/v1/spacecraft/" + id, updated);
        assertThat(updated.json().get("status").asText()).isEqualTo("inactive");
        assertThat(updated.json().get("name").asText()).isEqualTo("TO UPDATE");
        assertThat(updated.json().at("/orbital_parameters/inclination").asDouble()).isEqualTo(97.4, within(0.0));
        assertThat(fx.get("/api/v1/spacecraft/" + id, viewer).json()).isEqualTo(updated.json());
        assertThat(changes.json().get("changes")).singleElement()
                .satisfies(c -> assertThat(c.get("payload")).isEqualTo(updated.json()));
    }

    @Test
    void anUpdateIsRefusedToAViewerAndAnsweredWith404Or400NamingTheField() {
        // when
        ServerFixture.Reply byViewer = fx.put("/api/v1/spacecraft/" + iss, Map.of("status", "inactive"), viewer);
        ServerFixture.Reply unknown = fx.put("/api/v1/spacecraft/999999", Map.of("status", "inactive"), operator);
        ServerFixture.Reply badStatus = fx.put("/api/v1/spacecraft/" + iss, Map.of("status", "lost"), operator);
        ServerFixture.Reply blankName = fx.put("/api/v1/spacecraft/" + iss, Map.of("name", " "), operator);
        // then
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        ContractValidator.assertConforms(Method.PUT, "/api/v1/spacecraft/999999", unknown);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().at("/error/details/field").asText()).isEqualTo("status");
        assertThat(blankName.json().at("/error/details/field").asText()).isEqualTo("name");
        assertThat(fx.get("/api/v1/spacecraft/" + iss, viewer).json().get("status").asText()).isEqualTo("active");
    }

    @Test
    void spacecraftListFiltersByStatusAndConformsToTheDocument() {
        // when
        ServerFixture.Reply inactive = fx.get("/api/v1/spacecraft?status=inactive&limit=100", viewer);
        // then
        assertThat(inactive.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft", inactive);
        assertThat(inactive.json().get("data")).extracting(n -> n.get("status").asText()).containsOnly("inactive");
        assertThat(inactive.json().get("data")).extracting(n -> n.get("id").asLong()).contains(hubble);
    }

    @Test
    void conjunctionCreatedByAnOperatorIsListedByTheSpecsFilters() {
        // given two conjunctions of the ISS: one probable, one not; and one of Hubble
        long probable = createConjunction(iss, "2026-12-01T10:00:00Z", 0.12, 3.2e-4).get("id").asLong();
        long remote = createConjunction(iss, "2026-12-02T10:00:00Z", 4.5, 1.0e-9).get("id").asLong();
        long other = createConjunction(hubble, "2026-12-01T11:00:00Z", 0.3, 2.0e-4).get("id").asLong();
        // when
        ServerFixture.Reply r = fx.get("/api/v1/conjunctions", Map.of("spacecraft_id", String.valueOf(iss),
                "min_probability", "1e-5", "start_time", "2026-12-01T00:00:00Z",
                "end_time", "2026-12-03T00:00:00Z"), viewer);
        ServerFixture.Reply one = fx.get("/api/v1/conjunctions/" + probable, viewer);
        // then
        assertThat(r.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/api/v1/conjunctions", r);
        assertThat(r.json().get("data")).extracting(n -> n.get("id").asLong())
                .contains(probable).doesNotContain(remote, other);
        assertThat(one.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/api/v1/conjunctions/" + probable, one);
        assertThat(one.json().at("/primary_object/id").asLong()).isEqualTo(iss);
        assertThat(one.json().at("/secondary_object/norad_id").asInt()).isEqualTo(45678);
        assertThat(one.json().get("collision_probability").asDouble()).isEqualTo(3.2e-4, within(0.0));
        assertThat(one.json().at("/covariance_primary/1/1").asDouble()).isEqualTo(0.01, within(0.0));
    }

    @Test
    void unknownIdsAnswer404InTheErrorShape() {
        // when
        ServerFixture.Reply sc = fx.get("/api/v1/spacecraft/999999", viewer);
        ServerFixture.Reply cj = fx.get("/api/v1/conjunctions/999999", viewer);
        // then
        assertThat(sc.status()).isEqualTo(404);
        assertThat(sc.json().at("/error/code").asText()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(sc.json().at("/error/details/resource_type").asText()).isEqualTo("spacecraft");
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/999999", sc);
        assertThat(cj.status()).isEqualTo(404);
        ContractValidator.assertConforms(Method.GET, "/api/v1/conjunctions/999999", cj);
    }

    @Test
    void invalidInputIs400NamingTheField() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("/api/v1/spacecraft?limit=101", "limit");
        expected.put("/api/v1/spacecraft?page=0", "page");
        expected.put("/api/v1/spacecraft?status=lost", "status");
        expected.put("/api/v1/conjunctions?start_time=yesterday", "start_time");
        expected.put("/api/v1/conjunctions?min_probability=1.5", "min_probability");
        expected.put("/api/v1/conjunctions?spacecraft_id=abc", "spacecraft_id");
        expected.put("/api/v1/conjunctions/-3", "conjunction_id");
        expected.forEach((path, field) -> {
            ServerFixture.Reply r = fx.get(path, viewer);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json().at("/error/details/field").asText()).as(path).isEqualTo(field);
        });
        Map<String, Object> noNorad = new HashMap<>(spacecraftBody("X", 1, "active"));
        noNorad.remove("norad_id");
        assertThat(fx.post("/api/v1/spacecraft", noNorad, operator).json().at("/error/details/field").asText())
                .isEqualTo("norad_id");
        Map<String, Object> badType = new HashMap<>(spacecraftBody("X", 1, "active"));
        badType.put("norad_id", "twelve");
        assertThat(fx.post("/api/v1/spacecraft", badType, operator).json().at("/error/details/field").asText())
                .isEqualTo("norad_id");
        assertThat(fx.post("/api/v1/spacecraft", "{not json", operator).json().at("/error/details/field").asText())
                .isEqualTo("body");
    }

    @Test
    void sqlInjectionStringsInEveryStringParameterChangeNothing() {
        // given
        long spacecraftBefore = fx.get("/api/v1/spacecraft?status=all", viewer).json().at("/meta/total").asLong();
        long conjunctionsBefore = fx.get("/api/v1/conjunctions", viewer).json().at("/meta/total").asLong();
        // when: every string the API reads carries an injection attempt
        for (String evil : INJECTIONS) {
            for (String param : List.of("status", "page", "limit")) {
                assertThat(fx.get("/api/v1/spacecraft", Map.of(param, evil), viewer).status()).isEqualTo(400);
            }
            for (String param : List.of("spacecraft_id", "start_time", "end_time", "min_probability", "page",
                    "limit")) {
                assertThat(fx.get("/api/v1/conjunctions", Map.of(param, evil), viewer).status()).isEqualTo(400);
            }
            String pathSafe = java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(fx.get("/api/v1/spacecraft/" + pathSafe, viewer).status()).isEqualTo(400);
            assertThat(fx.get("/api/v1/conjunctions/" + pathSafe, viewer).status()).isEqualTo(400);
            assertThat(fx.post("/auth/token", Map.of("username", evil, "password", evil), null).status())
                    .isEqualTo(401);
        }
        // a name is free text: stored and returned verbatim, nothing else happens
        int norad = 70000;
        for (String evil : INJECTIONS) {
            ServerFixture.Reply r = fx.post("/api/v1/spacecraft", spacecraftBody(evil, ++norad, "active"), operator);
            assertThat(r.status()).isEqualTo(201);
            assertThat(fx.get("/api/v1/spacecraft/" + r.json().get("id").asLong(), viewer).json().get("name")
                    .asText()).isEqualTo(evil);
        }
        // a NUL character, which PostgreSQL text cannot hold, is refused up front rather than failing in the database
        ServerFixture.Reply nul = fx.post("/api/v1/spacecraft",
                "{\"name\":\"A\\u0000B\",\"norad_id\":79999,\"status\":\"active\",\"orbit_type\":\"LEO\"}",
                operator);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(fx.post("/auth/token", "{\"username\":\"admin\\u0000\",\"password\":\"x\"}", null).status())
                .isEqualTo(400);
        // then: only the named spacecraft were added, the conjunctions and accounts are intact
        assertThat(fx.get("/api/v1/spacecraft?status=all", viewer).json().at("/meta/total").asLong())
                .isEqualTo(spacecraftBefore + INJECTIONS.size());
        assertThat(fx.get("/api/v1/conjunctions", viewer).json().at("/meta/total").asLong())
                .isEqualTo(conjunctionsBefore);
        assertThat(fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD)).isNotBlank();
    }

    @Test
    void metricsCountRequestsByRouteTemplateNotByRawPath() {
        // given
        fx.get("/api/v1/spacecraft/" + iss, viewer);
        fx.get("/api/v1/spacecraft/" + hubble, viewer);
        // when
        ServerFixture.Reply r = fx.get("/metrics", null);
        // then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/spacecraft/{spacecraft_id}\",status=\"200\"}")
                .contains("hikaricp_connections")
                .doesNotContain("route=\"/api/v1/spacecraft/" + iss + "\"");
    }

    private static Map<String, Object> spacecraftBody(String name, int norad, String status) {
        return Map.of("name", name, "norad_id", norad, "status", status, "orbit_type", "LEO");
    }

    private static JsonNode createSpacecraft(String name, int norad, String status) {
        ServerFixture.Reply r = fx.post("/api/v1/spacecraft", spacecraftBody(name, norad, status), operator);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode createConjunction(long primaryId, String tca, double missKm, double pc) {
        Map<String, Object> body = Map.of(
                "primary_object", Map.of("id", primaryId, "name", "primary", "norad_id", 25544,
                        "state_vector", Map.of("position", List.of(6500.0, 1000.0, 100.0),
                                "velocity", List.of(0.1, 7.5, 0.5), "epoch", tca)),
                "secondary_object", Map.of("name", "DEBRIS", "norad_id", 45678),
                "tca", tca,
                "miss_distance", missKm,
                "collision_probability", pc,
                "relative_velocity", 10.5,
                "covariance_primary", List.of(List.of(0.01, 0.001, 0.0001), List.of(0.001, 0.01, 0.0001),
                        List.of(0.0001, 0.0001, 0.01)));
        ServerFixture.Reply r = fx.post("/api/v1/conjunctions", body, operator);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        ContractValidator.assertConforms(Method.POST, "/api/v1/conjunctions", r);
        return r.json();
    }
}
