package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The append-only audit (table {@code audit_record}): records are added and read, never changed
 * or removed; this class has no such statement, and a trigger refuses them in the database. The
 * server's receipt of a local record is a row of its own ({@code audit_server_receipt}).
 */
public final class AuditRepository {

    private static final String APPEND = """
            INSERT INTO audit_record (device_time, server_time, actor, actor_role, device_id, origin, action,
                                      occurrence_id, definition_id, subject, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String RECEIPT = """
            INSERT INTO audit_server_receipt (audit_id, server_time, server_seq) VALUES (?, ?, ?)
            """;

    private static final String SELECT = """
            SELECT a.id, a.device_time, a.server_time, a.actor, a.actor_role, a.device_id, a.origin, a.action,
                   a.occurrence_id, a.definition_id, a.subject, a.detail, r.server_time AS receipt_time
            FROM audit_record a LEFT JOIN audit_server_receipt r ON r.audit_id = a.id
            """;

    private final Connection c;

    public AuditRepository(Connection c) {
        this.c = c;
    }

    /** Appends a record and returns its id. */
    public long append(AuditEntry e) {
        return Jdbc.insert(c, "Appending to the audit", APPEND, ps -> {
            Jdbc.setInstant(ps, 1, e.deviceTime());
            Jdbc.setInstant(ps, 2, e.serverTime());
            ps.setString(3, e.actor());
            ps.setString(4, e.role());
            ps.setString(5, e.deviceId());
            ps.setString(6, e.origin().name());
            ps.setString(7, e.action());
            Jdbc.setLong(ps, 8, e.occurrenceId());
            Jdbc.setLong(ps, 9, e.definitionId());
            ps.setString(10, e.subject());
            ps.setString(11, e.detail());
        });
    }

    /** Records that the server has a local record (once per record). */
    public void recordServerReceipt(long auditId, Instant serverTime, Long serverSeq) {
        Jdbc.update(c, "Recording the server receipt of audit record " + auditId, RECEIPT, ps -> {
            ps.setLong(1, auditId);
            Jdbc.setInstant(ps, 2, serverTime);
            Jdbc.setLong(ps, 3, serverSeq);
        });
    }

    /** The story of one occurrence, in order. */
    public List<StoredAudit> forOccurrence(long occurrenceId) {
        return Jdbc.list(c, "Reading the audit of alarm occurrence " + occurrenceId,
                SELECT + "WHERE a.occurrence_id = ? ORDER BY a.id", ps -> ps.setLong(1, occurrenceId),
                AuditRepository::map);
    }

    /** Records with id greater than {@code afterId}, in order, at most {@code limit}. */
    public List<StoredAudit> after(long afterId, int limit) {
        return Jdbc.list(c, "Reading the audit", SELECT + "WHERE a.id > ? ORDER BY a.id FETCH FIRST ? ROWS ONLY", ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
        }, AuditRepository::map);
    }

    public long count() {
        return Jdbc.count(c, "Counting audit records", "SELECT COUNT(*) FROM audit_record", Jdbc.NO_PARAMETERS);
    }

    private static StoredAudit map(ResultSet rs) throws SQLException {
        AuditEntry e = new AuditEntry(Jdbc.instant(rs, "device_time"), Jdbc.instant(rs, "server_time"),
                rs.getString("actor"), rs.getString("actor_role"), rs.getString("device_id"),
                DataOrigin.valueOf(rs.getString("origin")), rs.getString("action"),
                Jdbc.nullableLong(rs, "occurrence_id"), Jdbc.nullableLong(rs, "definition_id"),
                rs.getString("subject"), rs.getString("detail"));
        return new StoredAudit(rs.getLong("id"), e, Jdbc.instant(rs, "receipt_time"));
    }
}
