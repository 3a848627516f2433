package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import io.astroshield.sync.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept list answers ({@link ReadCache}) are never older than the last committed write: on the real server, and
 * against {@link Transactions}' count of write transactions on a real PostgreSQL.
 */
class ReadCacheIT {
    private static ServerFixture fx;
    private static String operator;
    private static String viewer;
    /** The server's own PostgreSQL, for write transactions of the test's own. */
    private static DataSource db;

    @BeforeAll
    static void start() {
        fx = new ServerFixture();
        operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        viewer = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        db = fx.database();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aListReadAfterAWriteShowsTheWriteAndAKeptAnswerEqualsAFreshOne() throws Exception {
        // given: a list read twice, so that the second answer comes from memory
        fx.post("/api/v1/spacecraft", Map.of("name", "CACHE-1", "norad_id", 62001, "status", "active",
                "orbit_type", "LEO"), operator);
        HttpResponse<String> first = rawGet("/api/v1/spacecraft?limit=100&status=all");
        HttpResponse<String> kept = rawGet("/api/v1/spacecraft?limit=100&status=all");
        // when: a write, then the same read
        ServerFixture.Reply created = fx.post("/api/v1/spacecraft", Map.of("name", "CACHE-2", "norad_id", 62002,
                "status", "active", "orbit_type", "LEO"), operator);
        ServerFixture.Reply after = fx.get("/api/v1/spacecraft?limit=100&status=all", viewer);
        // then: the kept answer is the fresh one byte for byte, with the same type and a length
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo(first.body());
        assertThat(kept.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(kept.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(kept.headers().firstValueAsLong("Content-Length")).hasValue(kept.body().length());
        // and the read after the write has it
        assertThat(created.status()).isEqualTo(201);
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft", after);
        assertThat(after.json().at("/meta/total").asLong())
                .isEqualTo(fx.json.readTree(first.body()).at("/meta/total").asLong() + 1);
        assertThat(after.json().get("data").findValuesAsText("name")).contains("CACHE-1", "CACHE-2");
    }

    @Test
    void anAnswerIsReadAgainWhileAWriteIsOpenAndAfterItEnded() {
        // given
        ReadCache cache = new ReadCache(Json.newMapper());
        AtomicInteger reads = new AtomicInteger();
        cache.answer("k", () -> List.of(reads.incrementAndGet()));
        // when: read while a write transaction is open, then after it committed
        byte[] duringWrite = Transactions.inTransaction(db, "an open write", c ->
                cache.answer("k", () -> List.of(reads.incrementAndGet())));
        byte[] afterWrite = cache.answer("k", () -> List.of(reads.incrementAndGet()));
        byte[] again = cache.answer("k", () -> List.of(reads.incrementAndGet()));
        // then: read afresh both times, and the answer after the write is kept
        assertThat(new String(duringWrite)).isEqualTo("[2]");
        assertThat(new String(afterWrite)).isEqualTo("[3]");
        assertThat(new String(again)).isEqualTo("[3]");
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void anAnswerReadWhileAWriteBeganAndEndedIsNotKept() {
        // given
        ReadCache cache = new ReadCache(Json.newMapper());
        AtomicInteger reads = new AtomicInteger();
        // when: a whole write transaction runs in the middle of the read
        byte[] raced = cache.answer("k", () -> {
            int n = reads.incrementAndGet();
            Transactions.inTransaction(db, "a write during the read", c -> null);
            return List.of(n);
        });
        byte[] next = cache.answer("k", () -> List.of(reads.incrementAndGet()));
        // then: the raced answer was given but not kept
        assertThat(new String(raced)).isEqualTo("[1]");
        assertThat(new String(next)).isEqualTo("[2]");
    }

    private static HttpResponse<String> rawGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(fx.uri(path))
                .header("Authorization", "Bearer " + viewer).build(), HttpResponse.BodyHandlers.ofString());
    }
}
