package io.astroshield.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.astroshield.sync.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change-log entries an upload defers ({@link ChangeLog#deferAppends}) reach the log in the order they were
 * made, without those dropped with a rolled-back op, and reach it not at all when not flushed; on the real server's
 * PostgreSQL.
 */
class DeferredAppendsIT {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123Z");

    private static ServerFixture fx;
    private static DataSource db;
    private static ChangeLog changes;

    @BeforeAll
    static void start() {
        fx = new ServerFixture();
        db = fx.database();
        changes = new ChangeLog(db, Json.newMapper());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void flushedEntriesAreLoggedInOrderWithoutTheDiscardedOnes() {
        // given: three entries deferred, the middle one's op rolled back
        long before = head();
        Transactions.inTransaction(db, "an upload", c -> {
            try (ChangeLog.DeferredAppends appends = changes.deferAppends(c)) {
                changes.appendUpsert(c, "test_entity", 1, Map.of("n", 1), AT);
                int mark = appends.size();
                changes.appendUpsert(c, "test_entity", 2, Map.of("n", 2), AT);
                appends.discardFrom(mark);
                changes.appendUpsert(c, "test_entity", 3, Map.of("n", 3), AT.plusMillis(1));
                // when
                appends.flush();
            }
            return null;
        });
        // then
        List<JsonNode> logged = new ArrayList<>();
        fx.get("/sync/v1/changes?limit=1000&cursor=" + before,
                fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD)).json().get("changes").forEach(logged::add);
        assertThat(logged).extracting(e -> e.get("entity_id").asLong()).containsExactly(1L, 3L);
        assertThat(logged).extracting(e -> e.at("/payload/n").asInt()).containsExactly(1, 3);
        assertThat(logged).extracting(e -> e.get("changed_at").asText())
                .containsExactly("2026-11-22T10:00:00.123Z", "2026-11-22T10:00:00.124Z");
        assertThat(logged.get(1).get("seq").asLong()).isGreaterThan(logged.get(0).get("seq").asLong());
    }

    @Test
    void entriesNotFlushedAreDroppedAndLaterAppendsAreWrittenAtOnce() {
        // given
        long before = head();
        // when: a transaction defers an entry and ends without flushing; the next appends on its own
        Transactions.inTransaction(db, "an upload that never flushes", c -> {
            try (ChangeLog.DeferredAppends appends = changes.deferAppends(c)) {
                changes.appendUpsert(c, "test_entity", 4, Map.of("n", 4), AT);
                return appends.size();
            }
        });
        long seq = Transactions.inTransaction(db, "a single write", c ->
                changes.appendUpsert(c, "test_entity", 5, Map.of("n", 5), AT));
        // then
        assertThat(entityIdsAfter(before)).containsExactly(5L);
        assertThat(seq).isGreaterThan(before);
    }

    private static long head() {
        return Transactions.inSnapshot(db, "reading the head", changes::position);
    }

    private static List<Long> entityIdsAfter(long seq) {
        return Transactions.inSnapshot(db, "reading the log", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT entity_id FROM change_log WHERE seq > ? ORDER BY seq")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }
}
