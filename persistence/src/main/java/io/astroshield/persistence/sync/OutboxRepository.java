package io.astroshield.persistence.sync;

import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sync outbox (table {@code sync_outbox}). Enqueue in the same transaction as the change it
 * carries; ops leave in sequence order; an op the server answered stays until retention removes it,
 * an op it has not answered (PENDING, PARKED) stays for good.
 */
public final class OutboxRepository {

    private static final String ENQUEUE = """
            INSERT INTO sync_outbox (device_id, op_id, op_type, payload, created_at, status, attempts)
            VALUES (?, ?, ?, ?, ?, 'PENDING', 0)
            """;

    private static final String SELECT = """
            SELECT seq, device_id, op_id, op_type, payload, created_at, status, attempts, next_attempt_at,
                   last_error, resolved_at
            FROM sync_outbox
            """;

    private static final String DUE = SELECT + """
            WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
            ORDER BY seq FETCH FIRST ? ROWS ONLY
            """;

    private static final String RESOLVE = """
            UPDATE sync_outbox SET status = ?, last_error = ?, resolved_at = ?, attempts = attempts + 1
            WHERE seq = ? AND status IN ('PENDING', 'PARKED')
            """;

    private static final String RETRY_LATER = """
            UPDATE sync_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
            WHERE seq = ? AND status = 'PENDING'
            """;

    private static final String PARK = """
            UPDATE sync_outbox SET status = 'PARKED', last_error = ?, attempts = attempts + 1
            WHERE seq = ? AND status = 'PENDING'
            """;

    private static final String UNPARK = """
            UPDATE sync_outbox SET status = 'PENDING', next_attempt_at = NULL WHERE seq = ? AND status = 'PARKED'
            """;

    private static final String COUNT_UNSYNCED = "SELECT COUNT(*) FROM sync_outbox WHERE status IN ('PENDING', 'PARKED')";

    private final Connection c;

    public OutboxRepository(Connection c) {
        this.c = c;
    }

    /** Queues an op and returns its sequence number. */
    public long enqueue(OutboxOp op) {
        return Jdbc.insert(c, "Queuing sync op " + op.opId(), ENQUEUE, ps -> {
            ps.setString(1, op.deviceId());
            ps.setString(2, op.opId());
            ps.setString(3, op.opType());
            ps.setString(4, op.payload());
            Jdbc.setInstant(ps, 5, op.createdAt());
        });
    }

    /** Pending ops whose retry time has come, in sequence order. */
    public List<StoredOp> due(Instant now, int limit) {
        return Jdbc.list(c, "Reading due sync ops", DUE, ps -> {
            Jdbc.setInstant(ps, 1, now);
            ps.setInt(2, limit);
        }, OutboxRepository::map);
    }

    /**
     * The first pending ops in sequence order whatever their retry time: a sender that keeps per-device order
     * sends the leading ones whose time has come and stops at the first that must wait.
     */
    public List<StoredOp> pending(int limit) {
        return Jdbc.list(c, "Reading pending sync ops", SELECT + "WHERE status = 'PENDING' ORDER BY seq FETCH FIRST ? ROWS ONLY",
                ps -> ps.setInt(1, limit), OutboxRepository::map);
    }

    public List<StoredOp> parked() {
        return Jdbc.list(c, "Reading parked sync ops", SELECT + "WHERE status = 'PARKED' ORDER BY seq",
                Jdbc.NO_PARAMETERS, OutboxRepository::map);
    }

    public List<StoredOp> all() {
        return Jdbc.list(c, "Reading the outbox", SELECT + "ORDER BY seq", Jdbc.NO_PARAMETERS, OutboxRepository::map);
    }

    /** Records the server's answer (APPLIED, DUPLICATE or REJECTED with its reason). */
    public void resolve(long seq, OutboxStatus answer, String reason, Instant at) {
        if (!answer.synced()) {
            throw new IllegalArgumentException("not a server answer: " + answer);
        }
        expectOne(seq, Jdbc.update(c, "Recording the answer to sync op " + seq, RESOLVE, ps -> {
            ps.setString(1, answer.name());
            ps.setString(2, reason);
            Jdbc.setInstant(ps, 3, at);
            ps.setLong(4, seq);
        }));
    }

    /** A transient failure: try again at {@code nextAttemptAt}. */
    public void retryLater(long seq, String error, Instant nextAttemptAt) {
        expectOne(seq, Jdbc.update(c, "Rescheduling sync op " + seq, RETRY_LATER, ps -> {
            ps.setString(1, error);
            Jdbc.setInstant(ps, 2, nextAttemptAt);
            ps.setLong(3, seq);
        }));
    }

    /** An op that keeps failing: kept and shown, not retried until unparked. */
    public void park(long seq, String error) {
        expectOne(seq, Jdbc.update(c, "Parking sync op " + seq, PARK, ps -> {
            ps.setString(1, error);
            ps.setLong(2, seq);
        }));
    }

    public void unpark(long seq) {
        expectOne(seq, Jdbc.update(c, "Unparking sync op " + seq, UNPARK, ps -> ps.setLong(1, seq)));
    }

    /** PENDING plus PARKED: what the status bar shows as not yet synced. */
    public long unsyncedCount() {
        return Jdbc.count(c, "Counting unsynced ops", COUNT_UNSYNCED, Jdbc.NO_PARAMETERS);
    }

    /** How many ops are in each state (states with none left out). */
    public Map<OutboxStatus, Long> countsByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        Jdbc.list(c, "Counting sync ops by state", "SELECT status, COUNT(*) FROM sync_outbox GROUP BY status",
                Jdbc.NO_PARAMETERS, rs -> counts.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    private static void expectOne(long seq, int n) {
        if (n != 1) {
            throw new StoreException(StoreError.CONFLICT, "Sync op " + seq + " is not in a state that allows this");
        }
    }

    private static StoredOp map(ResultSet rs) throws SQLException {
        OutboxOp op = new OutboxOp(rs.getString("device_id"), rs.getString("op_id"), rs.getString("op_type"),
                rs.getString("payload"), Jdbc.instant(rs, "created_at"));
        return new StoredOp(rs.getLong("seq"), op, OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                Jdbc.instant(rs, "resolved_at"));
    }
}
