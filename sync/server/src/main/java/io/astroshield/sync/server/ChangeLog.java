package io.astroshield.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import io.astroshield.sync.protocol.Change;
import io.astroshield.sync.protocol.ChangesPage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's change log. Every write to synced data appends here in the same transaction. Appends take one
 * transaction-scoped advisory lock first, so they commit in sequence order: a reader that has seen {@code seq}
 * N can never later find a committed entry below N (an identity column alone does not promise that).
 */
final class ChangeLog {
    /** Advisory lock key serialising appends ("ASCL" in ASCII). */
    private static final long APPEND_LOCK = 0x4153434CL;
    private static final JsonNodeFactory RAW = JsonNodeFactory.instance;

    private final DataSource db;
    private final ObjectMapper json;
    /** Transactions whose appends wait in memory for one multi-row insert, by their connection. */
    private final Map<Connection, DeferredAppends> deferred = new ConcurrentHashMap<>();

    ChangeLog(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Takes the append lock for the rest of the caller's transaction (appends take it again at no cost). */
    void lockForAppends(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
    }

    /**
     * Appends an upsert of {@code entity} within the caller's transaction; returns its sequence number, or -1 when
     * the transaction's appends are deferred ({@link #deferAppends}): then the entry is written at their flush.
     */
    long appendUpsert(Connection c, String entity, long entityId, Object payload, Instant now) throws SQLException {
        DeferredAppends deferred = this.deferred.get(c);
        if (deferred != null) {
            deferred.add(entity, entityId, payload, now);
            return -1;
        }
        // one round trip: the row (and so its seq) is formed only after the CTE has taken the lock
        String sql = "WITH locked AS (SELECT pg_advisory_xact_lock(?)) "
                + "INSERT INTO change_log (entity, entity_id, op, payload, changed_at) "
                + "SELECT ?, ?, 'UPSERT', ?::jsonb, ? FROM locked RETURNING seq";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, APPEND_LOCK);
            ps.setString(2, entity);
            ps.setLong(3, entityId);
            ps.setString(4, toJson(entity, payload));
            SpacecraftRepository.setInstant(ps, 5, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String toJson(String entity, Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + entity + " payload as JSON", e);
        }
    }

    /**
     * From now until the returned object is closed, appends on {@code c} are kept in memory and written by its
     * {@link DeferredAppends#flush()} in one statement, in the order they were made: for a transaction that appends
     * many entries (an upload). Entries not flushed when it is closed are dropped, as the caller's rollback would.
     */
    DeferredAppends deferAppends(Connection c) {
        DeferredAppends appends = new DeferredAppends(c);
        if (deferred.putIfAbsent(c, appends) != null) {
            throw new IllegalStateException("appends on this connection are already deferred");
        }
        return appends;
    }

    /** The deferred change-log entries of one transaction (see {@link #deferAppends}). */
    final class DeferredAppends implements AutoCloseable {
        private final Connection c;
        private final List<String> entities = new ArrayList<>();
        private final List<Long> ids = new ArrayList<>();
        private final List<String> payloads = new ArrayList<>();
        private final List<String> times = new ArrayList<>();

        private DeferredAppends(Connection c) {
            this.c = c;
        }

        private void add(String entity, long entityId, Object payload, Instant now) {
            entities.add(entity);
            ids.add(entityId);
            payloads.add(toJson(entity, payload));
            times.add(now.toString());
        }

        /** How many entries are waiting; a mark for {@link #discardFrom}. */
        int size() {
            return entities.size();
        }

        /** Drops the entries from {@code mark} on: those of an op whose effect was rolled back. */
        void discardFrom(int mark) {
            entities.subList(mark, entities.size()).clear();
            ids.subList(mark, ids.size()).clear();
            payloads.subList(mark, payloads.size()).clear();
            times.subList(mark, times.size()).clear();
        }

        /** Writes the waiting entries, in order, under the append lock. */
        void flush() throws SQLException {
            if (entities.isEmpty()) {
                return;
            }
            String sql = "WITH locked AS (SELECT pg_advisory_xact_lock(?)) "
                    + "INSERT INTO change_log (entity, entity_id, op, payload, changed_at) "
                    + "SELECT e.entity, e.entity_id, 'UPSERT', e.payload::jsonb, e.changed_at::timestamptz "
                    + "FROM locked, unnest(?::varchar[], ?::bigint[], ?::text[], ?::text[]) WITH ORDINALITY "
                    + "AS e(entity, entity_id, payload, changed_at, ord) ORDER BY e.ord";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, APPEND_LOCK);
                ps.setArray(2, c.createArrayOf("varchar", entities.toArray()));
                ps.setArray(3, c.createArrayOf("bigint", ids.toArray()));
                ps.setArray(4, c.createArrayOf("text", payloads.toArray()));
                ps.setArray(5, c.createArrayOf("text", times.toArray()));
                ps.executeUpdate();
            }
            discardFrom(0);
        }

        @Override
        public void close() {
            deferred.remove(c, this);
        }
    }

    /**
     * Up to {@code limit} changes after {@code cursor}, in sequence order; 409 {@code CURSOR_EXPIRED} when changes
     * after the cursor have already been pruned (the client must start again from a snapshot).
     */
    ChangesPage page(long cursor, int limit) {
        String sql = "SELECT seq, entity, entity_id, op, payload::text AS payload, changed_at FROM change_log "
                + "WHERE seq > ? ORDER BY seq LIMIT ?";
        List<Change> changes = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long prunedThrough = prunedThrough(c);
                if (cursor < prunedThrough) {
                    throw new ApiException(409, "CURSOR_EXPIRED",
                            "Changes after this cursor are no longer kept; start again from /sync/v1/snapshot",
                            Map.of("cursor", cursor, "pruned_through", prunedThrough));
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, cursor);
                    ps.setInt(2, limit + 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // PostgreSQL's text of the stored JSON goes out as it is: parsing it only to write it
                            // again took 28 % of this handler's CPU (async-profiler on SyncBench's pull)
                            changes.add(new Change(rs.getLong("seq"), rs.getString("entity"), rs.getLong("entity_id"),
                                    rs.getString("op"), RAW.rawValueNode(new RawValue(rs.getString("payload"))),
                                    SpacecraftRepository.instant(rs, "changed_at")));
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading changes after " + cursor, e);
        }
        boolean more = changes.size() > limit;
        List<Change> pageRows = more ? changes.subList(0, limit) : changes;
        long next = pageRows.isEmpty() ? cursor : pageRows.get(pageRows.size() - 1).seq();
        return new ChangesPage(pageRows, next, more);
    }

    /**
     * The log position a snapshot read in the caller's transaction corresponds to. With REPEATABLE READ and
     * appends committing in sequence order, the transaction sees exactly the effects of the changes up to it.
     */
    long position(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT greatest(coalesce((SELECT max(seq) FROM change_log), 0), "
                        + "(SELECT pruned_through FROM change_log_retention WHERE id = 1))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes the changes made before {@code cutoff} (a prefix of the log); returns how many. */
    int pruneBefore(Instant cutoff) {
        return Transactions.inTransaction(db, "pruning the change log", c -> {
            long through;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(max(seq), 0) FROM change_log WHERE changed_at < ?")) {
                SpacecraftRepository.setInstant(ps, 1, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    through = rs.getLong(1);
                }
            }
            if (through == 0) {
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE change_log_retention SET pruned_through = greatest(pruned_through, ?) WHERE id = 1")) {
                ps.setLong(1, through);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM change_log WHERE seq <= ?")) {
                ps.setLong(1, through);
                return ps.executeUpdate();
            }
        });
    }

    private static long prunedThrough(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pruned_through FROM change_log_retention WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
