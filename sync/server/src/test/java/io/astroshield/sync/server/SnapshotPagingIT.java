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
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot in pages: the pages hold exactly what the whole snapshot holds, each page conforms, and a change
 * made while a client pages is in the change log after the first page's cursor.
 */
class SnapshotPagingIT {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> LISTS = List.of("spacecraft", "conjunctions", "conjunction_notes",
            "conjunction_dispositions", "alarms", "telemetry");

    private static ServerFixture fx;
    private static String operator;

    @BeforeAll
    static void startServerWithSpacecraftConjunctionsNotesDispositionsAndTelemetry() {
        fx = new ServerFixture(s -> s.withSimulation(new ReferenceServer.Simulation(9, START, Duration.ofHours(1))));
        operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        long firstConjunction = 0;
        for (int i = 0; i < 4; i++) {
            long id = fx.post("/api/v1/spacecraft", Map.of("name", "PAGE-" + i, "norad_id", 82000 + i,
                    "status", "active", "orbit_type", "LEO"), operator).json().get("id").asLong();
            long conjunction = fx.post("/api/v1/conjunctions", Map.of("primary_object", Map.of("id", id),
                    "secondary_object", Map.of("norad_id", 83000 + i), "tca", "2026-12-01T00:00:00Z",
                    "miss_distance", 1.0 + i), operator).json().get("id").asLong();
            firstConjunction = i == 0 ? conjunction : firstConjunction;
        }
        ServerFixture.Reply ops = fx.post("/sync/v1/upload", Map.of("device_id", "paging-console", "ops", List.of(
                Map.of("op_id", "n1", "type", "conjunction.note",
                        "payload", Map.of("conjunction_id", firstConjunction, "text", "first")),
                Map.of("op_id", "n2", "type", "conjunction.note",
                        "payload", Map.of("conjunction_id", firstConjunction, "text", "second")),
                Map.of("op_id", "d1", "type", "conjunction.disposition", "payload",
                        Map.of("conjunction_id", firstConjunction, "disposition", "MONITOR", "expected_version", 0)),
                Map.of("op_id", "a1", "type", "ALARM_ACKNOWLEDGE", "payload",
                        AlarmWorkflowIT.telemetryCommand("ACKNOWLEDGE", "tm.BATT_V", "2026-11-01T00:00:00Z",
                                "2026-11-01T00:01:00Z", "WARNING", Map.of("comment", "seen"))),
                Map.of("op_id", "a2", "type", "ALARM_ACKNOWLEDGE", "payload",
                        AlarmWorkflowIT.telemetryCommand("ACKNOWLEDGE", "tm.TEMP", "2026-11-01T00:00:00Z",
                                "2026-11-01T00:01:00Z", "WARNING", Map.of("comment", "seen"))))),
                operator);
        assertThat(ops.json().findValuesAsText("status")).containsOnly("APPLIED");
        fx.server.telemetry().orElseThrow().writeTick(3);
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void pagesOfThreeHoldExactlyWhatTheWholeSnapshotHolds() {
        // given: 5 spacecraft (the demo one and four), 4 conjunctions, 2 notes, 1 disposition, 2 shared alarms,
        // 5 x 4 newest telemetry samples
        ServerFixture.Reply whole = fx.get("/sync/v1/snapshot", operator);
        // when
        List<JsonNode> pages = pages(3, null);
        // then
        assertThat(whole.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/sync/v1/snapshot", whole);
        assertThat(whole.json().get("spacecraft")).hasSize(5);
        assertThat(whole.json().get("conjunctions")).hasSize(4);
        assertThat(whole.json().get("conjunction_notes")).hasSize(2);
        assertThat(whole.json().get("conjunction_dispositions")).hasSize(1);
        assertThat(whole.json().get("alarms")).hasSize(2);
        assertThat(whole.json().get("telemetry")).hasSize(20);
        assertThat(whole.json().has("next")).isFalse();
        // 34 entities in pages of 3: 12 pages, the last one with one
        assertThat(pages).hasSize(12);
        for (String list : LISTS) {
            assertThat(ids(pages, list)).as(list).isEqualTo(ids(List.of(whole.json()), list));
        }
        assertThat(pages).allSatisfy(p -> assertThat(LISTS.stream().mapToInt(list -> p.get(list).size()).sum())
                .isLessThanOrEqualTo(3));
    }

    @Test
    void aChangeMadeWhileAClientPagesIsInTheLogAfterTheFirstPagesCursor() {
        // given the first page
        ServerFixture.Reply first = fx.get("/sync/v1/snapshot?limit=2", operator);
        long cursor = first.json().get("cursor").asLong();
        // when a spacecraft is created before the client reads the rest
        long created = fx.post("/api/v1/spacecraft", Map.of("name", "LATE", "norad_id", 82999, "status", "active",
                "orbit_type", "LEO"), operator).json().get("id").asLong();
        pages(2, first.json().get("next").asText());
        ServerFixture.Reply changes = fx.get("/sync/v1/changes?limit=1000&cursor=" + cursor, operator);
        // then
        assertThat(changes.json().get("changes")).anySatisfy(c -> {
            assertThat(c.get("entity").asText()).isEqualTo("spacecraft");
            assertThat(c.get("entity_id").asLong()).isEqualTo(created);
        });
    }

    @Test
    void aMalformedAfterOrAnAfterWithoutLimitIs400NamingTheField() {
        Map<String, String> expected = Map.of(
                "/sync/v1/snapshot?limit=2&after=alarms:3", "after",
                "/sync/v1/snapshot?limit=2&after=conjunction_notes:3", "after",
                "/sync/v1/snapshot?limit=2&after=spacecraft:1;DROP", "after",
                "/sync/v1/snapshot?after=spacecraft:1", "limit",
                "/sync/v1/snapshot?limit=0", "limit",
                "/sync/v1/snapshot?limit=5001", "limit");
        expected.forEach((path, field) -> {
            ServerFixture.Reply r = fx.get(path, operator);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json().at("/error/details/field").asText()).as(path).isEqualTo(field);
        });
    }

    /** Follows {@code next} from {@code after} (null: the first page) to the last page. */
    private static List<JsonNode> pages(int limit, String after) {
        List<JsonNode> pages = new ArrayList<>();
        String next = after;
        do {
            ServerFixture.Reply r = fx.get("/sync/v1/snapshot", next == null ? Map.of("limit", "" + limit)
                    : Map.of("limit", "" + limit, "after", next), operator);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            ContractValidator.assertConforms(Method.GET, "/sync/v1/snapshot", r);
            pages.add(r.json());
            next = r.json().has("next") ? r.json().get("next").asText() : null;
        } while (next != null);
        return pages;
    }

    private static TreeSet<Long> ids(List<JsonNode> pages, String list) {
        TreeSet<Long> ids = new TreeSet<>();
        // a disposition is one per conjunction: its conjunction's id is its id
        String id = list.equals("conjunction_dispositions") ? "conjunction_id" : "id";
        pages.forEach(p -> p.get(list).forEach(n -> ids.add(n.get(id).asLong())));
        return ids;
    }
}
