package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cursor older than the change log's retention gets 409; a snapshot then resumes the log with no gap. */
class ChangeLogRetentionIT {
    private static ServerFixture fx;
    private static String operator;

    @BeforeAll
    static void startServer() {
        fx = new ServerFixture();
        operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void prunedCursorGets409ThenTheSnapshotAndItsCursorMissNothing() {
        // given three spacecraft; a client read the log up to the first; then the log is pruned entirely
        long first = create("RET-1", 81001);
        long firstCursor = fx.get("/sync/v1/changes?limit=1", operator).json().get("next_cursor").asLong();
        long second = create("RET-2", 81002);
        long third = create("RET-3", 81003);
        int pruned = fx.server.routes().pruneChangesBefore(Instant.now().plusSeconds(1));
        // when
        ServerFixture.Reply stale = fx.get("/sync/v1/changes?cursor=" + firstCursor, operator);
        ServerFixture.Reply fresh = fx.get("/sync/v1/changes?cursor=0", operator);
        ServerFixture.Reply snapshot = fx.get("/sync/v1/snapshot", operator);
        long cursor = snapshot.json().get("cursor").asLong();
        long fourth = create("RET-4", 81004);
        ServerFixture.Reply resumed = fx.get("/sync/v1/changes?cursor=" + cursor, operator);
        // then
        assertThat(pruned).isEqualTo(3);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().at("/error/code").asText()).isEqualTo("CURSOR_EXPIRED");
        ContractValidator.assertConforms(Method.GET, "/sync/v1/changes", stale);
        assertThat(fresh.status()).isEqualTo(409);
        assertThat(snapshot.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/sync/v1/snapshot", snapshot);
        assertThat(snapshot.json().get("spacecraft")).extracting(n -> n.get("id").asLong())
                .containsExactly(first, second, third);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("changes")).extracting(n -> n.get("entity_id").asLong())
                .containsExactly(fourth);
    }

    private static long create(String name, int norad) {
        ServerFixture.Reply r = fx.post("/api/v1/spacecraft",
                Map.of("name", name, "norad_id", norad, "status", "active", "orbit_type", "LEO"), operator);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode json = r.json();
        return json.get("id").asLong();
    }
}
