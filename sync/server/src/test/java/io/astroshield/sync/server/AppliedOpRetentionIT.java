package io.astroshield.sync.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Op dedup records are pruned by age: younger ones still make a re-sent op a DUPLICATE; once pruned, the op id is
 * forgotten (which is why their retention is far longer than any client's retry horizon).
 */
class AppliedOpRetentionIT {
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
    void aRecordYoungerThanTheCutoffIsKeptAndAnOlderOneIsPruned() {
        // given an op applied now
        Map<String, Object> upload = Map.of("device_id", "laptop-r", "ops", List.of(Map.of("op_id", "op-r1",
                "type", "conjunction.create", "payload", Map.of("primary_object", Map.of("id", spacecraft()),
                        "secondary_object", Map.of("norad_id", 84001), "tca", "2026-12-01T00:00:00Z",
                        "miss_distance", 2.0))));
        assertThat(fx.post("/sync/v1/upload", upload, operator).json().at("/results/0/status").asText())
                .isEqualTo("APPLIED");
        // when a retention run keeps the last day, then one drops everything up to a second from now
        int keptRun = fx.server.routes().pruneAppliedOpsBefore(Instant.now().minus(Duration.ofDays(1)));
        String resentWhileKept = fx.post("/sync/v1/upload", upload, operator).json().at("/results/0/status").asText();
        int pruneRun = fx.server.routes().pruneAppliedOpsBefore(Instant.now().plusSeconds(1));
        String resentAfterPruning = fx.post("/sync/v1/upload", upload, operator).json().at("/results/0/status")
                .asText();
        // then
        assertThat(keptRun).isZero();
        assertThat(resentWhileKept).isEqualTo("DUPLICATE");
        assertThat(pruneRun).isEqualTo(1);
        assertThat(resentAfterPruning).isEqualTo("APPLIED");
    }

    private static long spacecraft() {
        return fx.post("/api/v1/spacecraft", Map.of("name", "RET-OP", "norad_id", 84000, "status", "active",
                "orbit_type", "LEO"), operator).json().get("id").asLong();
    }
}
