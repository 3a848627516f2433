package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /sync/v1}: exactly-once upload and the paged change log, on the real server with embedded PostgreSQL. */
class SyncIT {
    private static ServerFixture fx;
    private static String operator;
    private static String viewer;

    @BeforeAll
    static void startServer() {
        fx = new ServerFixture();
        operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        viewer = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void resendingAnUploadAnswersDuplicateAndTakesNoSecondEffect() {
        // given
        Map<String, Object> upload = upload("laptop-1", op("op-1", "spacecraft.create", spacecraft("SYNC-A", 80001)));
        // when
        ServerFixture.Reply first = fx.post("/sync/v1/upload", upload, operator);
        ServerFixture.Reply again = fx.post("/sync/v1/upload", upload, operator);
        // then
        assertThat(first.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.POST, "/sync/v1/upload", first);
        assertThat(status(first, 0)).isEqualTo("APPLIED");
        assertThat(status(again, 0)).isEqualTo("DUPLICATE");
        assertThat(again.json().at("/results/0/reason").asText()).startsWith("already processed: APPLIED");
        assertThat(countSpacecraftWithNorad(80001)).isEqualTo(1);
        assertThat(allChanges()).filteredOn(c -> c.at("/payload/norad_id").asInt() == 80001).hasSize(1);
    }

    @Test
    void theSameOpIdFromAnotherDeviceIsADifferentOp() {
        // when
        ServerFixture.Reply a = fx.post("/sync/v1/upload",
                upload("console-a", op("shared-id", "spacecraft.create", spacecraft("SYNC-B1", 80011))), operator);
        ServerFixture.Reply b = fx.post("/sync/v1/upload",
                upload("console-b", op("shared-id", "spacecraft.create", spacecraft("SYNC-B2", 80012))), operator);
        // then
        assertThat(status(a, 0)).isEqualTo("APPLIED");
        assertThat(status(b, 0)).isEqualTo("APPLIED");
    }

    @Test
    void aRejectedOpIsReportedWithItsReasonAndDoesNotBlockTheOpsAfterIt() {
        // given: the middle op lacks norad_id
        Map<String, Object> bad = Map.of("name", "NO NORAD", "status", "active", "orbit_type", "LEO");
        Map<String, Object> upload = upload("laptop-2",
                op("r-1", "spacecraft.create", spacecraft("SYNC-C1", 80021)),
                op("r-2", "spacecraft.create", bad),
                op("r-3", "spacecraft.create", spacecraft("SYNC-C3", 80023)),
                op("r-4", "spacecraft.teleport", spacecraft("SYNC-C4", 80024)));
        // when
        ServerFixture.Reply r = fx.post("/sync/v1/upload", upload, operator);
        ServerFixture.Reply retry = fx.post("/sync/v1/upload", upload, operator);
        // then
        assertThat(List.of(status(r, 0), status(r, 1), status(r, 2), status(r, 3)))
                .containsExactly("APPLIED", "REJECTED", "APPLIED", "REJECTED");
        assertThat(r.json().at("/results/1/reason").asText()).contains("norad_id");
        assertThat(r.json().at("/results/3/reason").asText()).contains("unknown op type");
        assertThat(retry.json().get("results")).extracting(n -> n.get("status").asText()).containsOnly("DUPLICATE");
        assertThat(retry.json().at("/results/1/reason").asText()).startsWith("already processed: REJECTED");
        assertThat(countSpacecraftWithNorad(80024)).isZero();
    }

    @Test
    void anOpSentTwiceInOneUploadTakesEffectOnceAndItsChangesAndAuditKeepTheOpsOrder() {
        // given: the second op repeats the first's id; the fourth is refused
        Map<String, Object> upload = upload("twice-laptop",
                op("t-1", "spacecraft.create", spacecraft("SYNC-E1", 80071)),
                op("t-1", "spacecraft.create", spacecraft("SYNC-E1-AGAIN", 80072)),
                op("t-2", "spacecraft.create", spacecraft("SYNC-E2", 80073)),
                op("t-3", "spacecraft.create", spacecraft("SYNC-E3", 80071)));
        // when
        ServerFixture.Reply r = fx.post("/sync/v1/upload", upload, operator);
        // then
        assertThat(List.of(status(r, 0), status(r, 1), status(r, 2), status(r, 3)))
                .containsExactly("APPLIED", "DUPLICATE", "APPLIED", "REJECTED");
        assertThat(r.json().at("/results/1/reason").asText()).isEqualTo("already processed: APPLIED");
        assertThat(countSpacecraftWithNorad(80072)).isZero();
        assertThat(allChanges()).extracting(c -> c.at("/payload/norad_id").asInt())
                .filteredOn(n -> n >= 80071 && n <= 80073).containsExactly(80071, 80073);
        String admin = fx.token("admin", ServerFixture.ADMIN_PASSWORD);
        List<String> audited = new ArrayList<>();
        fx.get("/admin/v1/audit?limit=1000", admin).json().get("data").forEach(e -> {
            if (e.get("action").asText().contains(" twice-laptop/")) {
                String op = e.get("action").asText().replaceAll(".* twice-laptop/", "");
                audited.add(op + " " + e.get("detail").asText());
            }
        });
        // the audit lists newest first
        assertThat(audited).containsExactly("t-3 REJECTED: A spacecraft with this NORAD id exists", "t-2 APPLIED",
                "t-1 DUPLICATE of APPLIED", "t-1 APPLIED");
    }

    @Test
    void aViewersUploadedOpIsRejectedAtApplyTimeAndCreatesNothing() {
        // when
        ServerFixture.Reply r = fx.post("/sync/v1/upload",
                upload("viewer-laptop", op("v-1", "spacecraft.create", spacecraft("SYNC-V", 80031))), viewer);
        // then
        assertThat(r.status()).isEqualTo(200);
        assertThat(status(r, 0)).isEqualTo("REJECTED");
        assertThat(r.json().at("/results/0/reason").asText()).contains("viewer");
        assertThat(countSpacecraftWithNorad(80031)).isZero();
    }

    @Test
    void anOperatorServiceKeysUploadIsAppliedWithTheKeysRoleReadAtApplyTime() {
        // given
        String admin = fx.token("admin", ServerFixture.ADMIN_PASSWORD);
        String key = fx.post("/admin/v1/api-keys", Map.of("name", "catalog-importer", "role", "operator"), admin)
                .json().get("api_key").asText();
        // when
        ServerFixture.Reply r = fx.send(java.net.http.HttpRequest.newBuilder(fx.uri("/sync/v1/upload"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"device_id\":\"importer-1\",\"ops\":["
                        + "{\"op_id\":\"k-1\",\"type\":\"spacecraft.create\",\"payload\":{\"name\":\"SYNC-K\","
                        + "\"norad_id\":80061,\"status\":\"active\",\"orbit_type\":\"GEO\"}}]}")), null);
        // then
        assertThat(status(r, 0)).isEqualTo("APPLIED");
        assertThat(countSpacecraftWithNorad(80061)).isEqualTo(1);
    }

    @Test
    void eightConcurrentSendsOfOneOpApplyItExactlyOnce() throws Exception {
        // given
        Map<String, Object> upload = upload("flaky-link", op("c-1", "spacecraft.create", spacecraft("SYNC-D", 80041)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> sends = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<String> send = () -> {
                    go.await();
                    return status(fx.post("/sync/v1/upload", upload, operator), 0);
                };
                sends.add(pool.submit(send));
            }
            // when
            go.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<String> f : sends) {
                statuses.add(f.get(30, TimeUnit.SECONDS));
            }
            // then
            assertThat(statuses).filteredOn("APPLIED"::equals).hasSize(1);
            assertThat(statuses).filteredOn("DUPLICATE"::equals).hasSize(7);
            assertThat(countSpacecraftWithNorad(80041)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void changesPageInStrictlyIncreasingSequenceAndEndAtTheLastCursor() {
        // given: writes through REST and through upload
        ServerFixture.Reply sc = fx.post("/api/v1/spacecraft", spacecraft("SYNC-E", 80051), operator);
        long id = sc.json().get("id").asLong();
        fx.post("/sync/v1/upload", upload("laptop-3", op("e-1", "conjunction.create", Map.of(
                "primary_object", Map.of("id", id, "name", "SYNC-E", "norad_id", 80051),
                "secondary_object", Map.of("name", "DEBRIS", "norad_id", 45678),
                "tca", "2026-12-05T00:00:00Z", "miss_distance", 0.8, "collision_probability", 1e-5))), operator);
        // when: read the whole log two changes at a time
        List<Long> seqs = new ArrayList<>();
        List<JsonNode> changes = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        while (more) {
            ServerFixture.Reply page = fx.get("/sync/v1/changes?limit=2&cursor=" + cursor, viewer);
            assertThat(page.status()).isEqualTo(200);
            ContractValidator.assertConforms(Method.GET, "/sync/v1/changes", page);
            page.json().get("changes").forEach(c -> {
                seqs.add(c.get("seq").asLong());
                changes.add(c);
            });
            assertThat(page.json().get("changes").size()).isLessThanOrEqualTo(2);
            cursor = page.json().get("next_cursor").asLong();
            more = page.json().get("has_more").asBoolean();
        }
        ServerFixture.Reply after = fx.get("/sync/v1/changes?cursor=" + cursor, viewer);
        // then
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(cursor).isEqualTo(seqs.get(seqs.size() - 1));
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("entity").asText()).isEqualTo("spacecraft");
            assertThat(c.get("entity_id").asLong()).isEqualTo(id);
            assertThat(c.at("/payload/norad_id").asInt()).isEqualTo(80051);
        });
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("entity").asText()).isEqualTo("conjunction");
            assertThat(c.at("/payload/primary_object/id").asLong()).isEqualTo(id);
        });
        assertThat(after.json().get("changes")).isEmpty();
        assertThat(after.json().get("next_cursor").asLong()).isEqualTo(cursor);
    }

    @Test
    void malformedUploadsAre400NamingTheField() {
        assertThat(field(fx.post("/sync/v1/upload", Map.of("ops", List.of()), operator))).isEqualTo("device_id");
        assertThat(field(fx.post("/sync/v1/upload", Map.of("device_id", "d 1; DROP", "ops", List.of()), operator)))
                .isEqualTo("device_id");
        assertThat(field(fx.post("/sync/v1/upload",
                upload("d1", Map.of("type", "spacecraft.create", "payload", Map.of())), operator)))
                .isEqualTo("ops[0].op_id");
        assertThat(field(fx.get("/sync/v1/changes?cursor=-1", viewer))).isEqualTo("cursor");
        assertThat(fx.post("/sync/v1/upload", upload("d1"), null).status()).isEqualTo(401);
    }

    private static Map<String, Object> spacecraft(String name, int norad) {
        return Map.of("name", name, "norad_id", norad, "status", "active", "orbit_type", "LEO");
    }

    private static Map<String, Object> op(String opId, String type, Map<String, Object> payload) {
        return Map.of("op_id", opId, "type", type, "payload", payload);
    }

    @SafeVarargs
    private static Map<String, Object> upload(String deviceId, Map<String, Object>... ops) {
        return Map.of("device_id", deviceId, "ops", List.of(ops));
    }

    private static String status(ServerFixture.Reply r, int index) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/results/" + index + "/status").asText();
    }

    private static String field(ServerFixture.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().at("/error/details/field").asText();
    }

    private static long countSpacecraftWithNorad(int norad) {
        JsonNode all = fx.get("/api/v1/spacecraft?status=all&limit=100", viewer).json();
        long n = 0;
        for (JsonNode s : all.get("data")) {
            if (s.get("norad_id").asInt() == norad) {
                n++;
            }
        }
        return n;
    }

    private static List<JsonNode> allChanges() {
        List<JsonNode> out = new ArrayList<>();
        fx.get("/sync/v1/changes?limit=1000", viewer).json().get("changes").forEach(out::add);
        return out;
    }
}
