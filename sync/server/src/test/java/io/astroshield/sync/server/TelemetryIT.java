package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Simulated telemetry through the real server on embedded PostgreSQL: the published list, its filters and errors,
 * the change log, and the events feed. The simulator starts on 2026-11-01 with a 1 min cadence, so the ticks the
 * tests write lie weeks before the ones its schedule writes now, and every query names its time range.
 */
class TelemetryIT {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final TelemetrySimulator SIMULATOR = new TelemetrySimulator(5, START, Duration.ofMinutes(1));

    private static ServerFixture fx;
    private static String viewer;
    private static long demo;

    @BeforeAll
    static void startServerWithTheSimulator() {
        fx = new ServerFixture(s -> s.withSimulation(new ReferenceServer.Simulation(5, START, Duration.ofMinutes(1))));
        viewer = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        demo = fx.get("/api/v1/spacecraft", viewer).json().at("/data/0/id").asLong();
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void anEmptyStoreGetsTheDemoSpacecraftAndItsRegistrationEvent() {
        // when
        ServerFixture.Reply list = fx.get("/api/v1/spacecraft", viewer);
        ServerFixture.Reply events = fx.get("/api/v1/events?limit=500", viewer);
        // then
        assertThat(list.json().at("/meta/total").asLong()).isEqualTo(1);
        assertThat(list.json().at("/data/0/norad_id").asInt()).isEqualTo(TelemetryFeed.DEMO_NORAD);
        assertThat(list.json().at("/data/0/orbital_parameters/semi_major_axis").asDouble())
                .isEqualTo(6898.0, within(0.0));
        assertThat(events.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/api/v1/events", events);
        assertThat(events.json().get("events")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("spacecraft_registered");
            assertThat(e.get("satellite_id").asText()).isEqualTo(String.valueOf(TelemetryFeed.DEMO_NORAD));
        });
    }

    @Test
    void writtenTicksAreListedNewestFirstWithThePublishedShapeAndFiltered() {
        // given five ticks of a day no other test writes
        long first = SIMULATOR.tickAt(START.plus(Duration.ofDays(2)));
        for (long tick = first; tick < first + 5; tick++) {
            assertThat(fx.server.telemetry().orElseThrow().writeTick(tick)).isEqualTo(4);
        }
        Map<String, String> window = Map.of("start_time", SIMULATOR.timeOf(first).toString(),
                "end_time", SIMULATOR.timeOf(first + 4).toString());
        // when
        ServerFixture.Reply all = fx.get("/api/v1/spacecraft/" + demo + "/telemetry", with(window, "limit", "100"),
                viewer);
        ServerFixture.Reply power = fx.get("/api/v1/spacecraft/" + demo + "/telemetry",
                with(with(window, "subsystem", "power"), "limit", "2"), viewer);
        // then
        assertThat(all.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/" + demo + "/telemetry", all);
        assertThat(all.json().at("/meta/total").asLong()).isEqualTo(20);
        assertThat(power.json().at("/meta/total").asLong()).isEqualTo(5);
        assertThat(power.json().get("data")).hasSize(2);
        assertThat(power.json().at("/data/0/timestamp").asText()).isEqualTo(SIMULATOR.timeOf(first + 4).toString());
        assertThat(power.json().at("/data/1/timestamp").asText()).isEqualTo(SIMULATOR.timeOf(first + 3).toString());
        // the stored metrics are the simulator's, unchanged
        Map<String, Double> expected = SIMULATOR.samples(TelemetryFeed.DEMO_NORAD, first + 4).get(0).metrics();
        JsonNode metrics = power.json().at("/data/0/metrics");
        expected.forEach((name, v) -> assertThat(metrics.get(name).asDouble()).as(name).isEqualTo(v, within(0.0)));
        assertThat(metrics.size()).isEqualTo(expected.size());
    }

    @Test
    void theTotalCountsAtMostTenThousandSamplesAndPagesGoOnBeyond() {
        // given 2,501 ticks of four samples (10,004) in a stretch of days no other test writes
        long first = SIMULATOR.tickAt(START.plus(Duration.ofDays(60)));
        for (long tick = first; tick <= first + 2500; tick++) {
            fx.server.telemetry().orElseThrow().writeTick(tick);
        }
        Map<String, String> window = Map.of("start_time", SIMULATOR.timeOf(first).toString(),
                "end_time", SIMULATOR.timeOf(first + 2500).toString(), "limit", "100");
        // when
        ServerFixture.Reply page1 = fx.get("/api/v1/spacecraft/" + demo + "/telemetry", window, viewer);
        ServerFixture.Reply page101 = fx.get("/api/v1/spacecraft/" + demo + "/telemetry", with(window, "page", "101"),
                viewer);
        // then
        assertThat(page1.json().at("/meta/total").asLong()).isEqualTo(TelemetryRepository.MAX_TOTAL);
        assertThat(page101.json().get("data")).hasSize(4);
        assertThat(page101.json().at("/data/0/timestamp").asText()).isEqualTo(SIMULATOR.timeOf(first).toString());
    }

    @Test
    void writingATickAgainStoresNothingMore() {
        // given
        long tick = SIMULATOR.tickAt(START.plus(Duration.ofDays(3)));
        fx.server.telemetry().orElseThrow().writeTick(tick);
        // when
        int again = fx.server.telemetry().orElseThrow().writeTick(tick);
        // then
        assertThat(again).isZero();
        assertThat(fx.get("/api/v1/spacecraft/" + demo + "/telemetry", Map.of("start_time",
                SIMULATOR.timeOf(tick).toString(), "end_time", SIMULATOR.timeOf(tick).toString()), viewer)
                .json().at("/meta/total").asLong()).isEqualTo(4);
    }

    @Test
    void retentionDeletesOnlyTheSamplesBeforeTheCutoff() {
        // given two ticks before the simulator's start (no other test writes there), a day apart
        long older = SIMULATOR.tickAt(START.minus(Duration.ofDays(2)));
        long newer = SIMULATOR.tickAt(START.minus(Duration.ofDays(1)));
        fx.server.telemetry().orElseThrow().writeTick(older);
        fx.server.telemetry().orElseThrow().writeTick(newer);
        // when
        int pruned = fx.server.routes().pruneTelemetryBefore(START.minus(Duration.ofHours(36)));
        // then
        assertThat(pruned).isEqualTo(4);
        ServerFixture.Reply left = fx.get("/api/v1/spacecraft/" + demo + "/telemetry", Map.of("end_time",
                START.minusSeconds(1).toString()), viewer);
        assertThat(left.json().get("data")).extracting(n -> n.get("timestamp").asText())
                .containsOnly(SIMULATOR.timeOf(newer).toString()).hasSize(4);
    }

    @Test
    void clientsDownloadTelemetryFromTheChangeLogInItsPublishedShape() {
        // given
        long tick = SIMULATOR.tickAt(START.plus(Duration.ofDays(4)));
        fx.server.telemetry().orElseThrow().writeTick(tick);
        ServerFixture.Reply listed = fx.get("/api/v1/spacecraft/" + demo + "/telemetry", Map.of("start_time",
                SIMULATOR.timeOf(tick).toString(), "end_time", SIMULATOR.timeOf(tick).toString()), viewer);
        // when
        List<JsonNode> changes = allChanges();
        // then
        for (JsonNode row : listed.json().get("data")) {
            assertThat(changes).filteredOn(c -> c.get("entity").asText().equals("telemetry")
                            && c.get("entity_id").asLong() == row.get("id").asLong())
                    .singleElement().satisfies(c -> assertThat(c.get("payload")).isEqualTo(row));
        }
    }

    @Test
    void aLimitExcursionIsPublishedAsAnEventAndItsEndAsAnother() {
        // given the first tick of the simulated month at which a metric leaves its nominal range, and its end
        long from = SIMULATOR.tickAt(START.plus(Duration.ofDays(10)));
        long out = LongStream.range(from + 1, from + 30 * 24 * 60).filter(t -> leaves(t)).findFirst().orElseThrow();
        long back = LongStream.range(out + 1, out + 24 * 60).filter(t -> !outside(t)).findFirst().orElseThrow();
        // when
        for (long tick = out - 1; tick <= back; tick++) {
            fx.server.telemetry().orElseThrow().writeTick(tick);
        }
        ServerFixture.Reply events = fx.get("/api/v1/events?limit=500", viewer);
        // then
        assertThat(events.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/api/v1/events", events);
        List<JsonNode> limitEvents = StreamSupport.stream(events.json().get("events").spliterator(), false)
                .filter(e -> e.get("type").asText().startsWith("telemetry_")).toList();
        assertThat(limitEvents).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("telemetry_limit_exceeded");
            assertThat(e.get("timestamp").asText()).isEqualTo(SIMULATOR.timeOf(out).toString());
            assertThat(e.get("satellite_id").asText()).isEqualTo(String.valueOf(TelemetryFeed.DEMO_NORAD));
            assertThat(e.get("details").asText()).contains("outside its nominal range");
        });
        assertThat(limitEvents).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("telemetry_back_in_limits");
            assertThat(e.get("timestamp").asText()).isEqualTo(SIMULATOR.timeOf(back).toString());
        });
        assertThat(events.json().get("count").asInt()).isEqualTo(events.json().get("events").size());
    }

    @Test
    void aNewConjunctionIsPublishedAsAnEvent() {
        // given
        String operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        ServerFixture.Reply created = fx.post("/api/v1/conjunctions", Map.of(
                "primary_object", Map.of("id", demo),
                "secondary_object", Map.of("norad_id", 45678, "name", "DEBRIS"),
                "tca", "2026-12-01T10:00:00Z", "miss_distance", 0.25, "collision_probability", 1.5e-4), operator);
        // when (events are newest first by when they happened; other tests write simulated ones in the future)
        ServerFixture.Reply events = fx.get("/api/v1/events?limit=500", viewer);
        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(events.json().get("events")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("conjunction_detected");
            assertThat(e.get("satellite_id").asText()).isEqualTo(String.valueOf(TelemetryFeed.DEMO_NORAD));
            assertThat(e.get("details").asText()).contains("NORAD 45678").contains("0.250 km").contains("1.50e-04");
        });
    }

    @Test
    void badTelemetryQueriesAre400NamingTheFieldAndAnUnknownSpacecraftIs404() {
        Map<String, String> expected = Map.of(
                "/api/v1/spacecraft/" + demo + "/telemetry?subsystem=propulsion", "subsystem",
                "/api/v1/spacecraft/" + demo + "/telemetry?start_time=yesterday", "start_time",
                "/api/v1/spacecraft/" + demo + "/telemetry?end_time=2026-13-01T00:00:00Z", "end_time",
                "/api/v1/spacecraft/" + demo + "/telemetry?limit=101", "limit",
                "/api/v1/spacecraft/" + demo + "/telemetry?page=0", "page",
                "/api/v1/spacecraft/x/telemetry", "spacecraft_id",
                "/api/v1/events?limit=0", "limit");
        expected.forEach((path, field) -> {
            ServerFixture.Reply r = fx.get(path, viewer);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json().at("/error/details/field").asText()).as(path).isEqualTo(field);
        });
        ServerFixture.Reply missing = fx.get("/api/v1/spacecraft/999999/telemetry", viewer);
        assertThat(missing.status()).isEqualTo(404);
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/999999/telemetry", missing);
        assertThat(fx.get("/api/v1/spacecraft/" + demo + "/telemetry", null).status()).isEqualTo(401);
        assertThat(fx.get("/api/v1/events", null).status()).isEqualTo(401);
    }

    private static boolean outside(long tick) {
        return SIMULATOR.samples(TelemetryFeed.DEMO_NORAD, tick).stream()
                .anyMatch(s -> !TelemetrySimulator.outOfLimits(s).isEmpty());
    }

    private static boolean leaves(long tick) {
        return outside(tick) && !outside(tick - 1);
    }

    private static List<JsonNode> allChanges() {
        List<JsonNode> changes = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        while (more) {
            JsonNode page = fx.get("/sync/v1/changes?limit=1000&cursor=" + cursor, viewer).json();
            page.get("changes").forEach(changes::add);
            cursor = page.get("next_cursor").asLong();
            more = page.get("has_more").asBoolean();
        }
        return changes;
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(query);
        copy.put(name, value);
        return copy;
    }
}
