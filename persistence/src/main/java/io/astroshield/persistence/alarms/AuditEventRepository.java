package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The alarm engine's audit events in the append-only {@code audit_record} table: appended and
 * read, never changed or removed. This class has no such statement (a test checks every SQL
 * constant of the module), and the V3 trigger refuses them in the database. Each event keeps its
 * per-device sequence, unique per device; the numeric {@code occurrence_id} of V3 is looked up
 * from the occurrence's UUID, so {@link AuditRepository#forOccurrence} shows engine events too.
 */
public final class AuditEventRepository {

    private static final int BATCH = 500;

    private static final String APPEND = """
            INSERT INTO audit_record (audit_sequence, device_id, device_time, server_time, occurrence_uuid, occurrence_id,
                                      subject, action, actor, actor_role, origin, old_value, new_value, detail, refusal,
                                      actor_offline, actor_device)
            VALUES (?, ?, ?, ?, ?, (SELECT o.id FROM alarm_occurrence o WHERE o.occurrence_uuid = ?),
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String AFTER = """
            SELECT audit_sequence, device_id, device_time, server_time, occurrence_uuid, subject, action, actor,
                   actor_role, origin, old_value, new_value, detail, refusal, actor_offline, actor_device
            FROM audit_record
            WHERE device_id = ? AND audit_sequence > ?
            ORDER BY audit_sequence
            FETCH FIRST ? ROWS ONLY
            """;

    private static final String FOR_OCCURRENCE = """
            SELECT audit_sequence, device_id, device_time, server_time, occurrence_uuid, subject, action, actor,
                   actor_role, origin, old_value, new_value, detail, refusal, actor_offline, actor_device
            FROM audit_record
            WHERE occurrence_uuid = ?
            ORDER BY device_time, audit_sequence
            """;

    private final Connection c;

    public AuditEventRepository(Connection c) {
        this.c = c;
    }

    /** Appends the events in order. */
    public void append(Collection<AuditEventRow> events) {
        Jdbc.batch(c, "Appending alarm events to the audit", APPEND, events, BATCH, (ps, e) -> {
            ps.setLong(1, e.sequence());
            ps.setString(2, e.deviceId());
            Jdbc.setInstant(ps, 3, e.deviceTime());
            Jdbc.setInstant(ps, 4, e.serverTime());
            ps.setObject(5, e.occurrenceUuid());
            ps.setObject(6, e.occurrenceUuid());
            ps.setString(7, e.subject());
            ps.setString(8, e.action());
            ps.setString(9, e.actor());
            ps.setString(10, e.actorRole());
            ps.setString(11, e.origin().name());
            ps.setString(12, e.oldValue());
            ps.setString(13, e.newValue());
            ps.setString(14, e.comment());
            ps.setString(15, e.refusal());
            ps.setBoolean(16, e.actorOffline());
            ps.setString(17, e.actorDevice());
        });
    }

    /** The device's events with a sequence above {@code afterSequence}, in order, at most {@code limit}. */
    public List<AuditEventRow> after(String deviceId, long afterSequence, int limit) {
        return Jdbc.list(c, "Reading the alarm audit of " + deviceId, AFTER, ps -> {
            ps.setString(1, deviceId);
            ps.setLong(2, afterSequence);
            ps.setInt(3, limit);
        }, AuditEventRepository::map);
    }

    /** Everything recorded about one alarm occurrence, oldest first (the alarm pane's history). */
    public List<AuditEventRow> forOccurrence(UUID occurrenceUuid) {
        return Jdbc.list(c, "Reading the audit of alarm " + occurrenceUuid, FOR_OCCURRENCE,
                ps -> ps.setObject(1, occurrenceUuid), AuditEventRepository::map);
    }

    private static AuditEventRow map(ResultSet rs) throws SQLException {
        return new AuditEventRow(rs.getLong("audit_sequence"), rs.getString("device_id"),
                Jdbc.instant(rs, "device_time"), Jdbc.instant(rs, "server_time"),
                rs.getObject("occurrence_uuid", UUID.class), rs.getString("subject"), rs.getString("action"),
                rs.getString("actor"), rs.getString("actor_role"), DataOrigin.valueOf(rs.getString("origin")),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("detail"), rs.getString("refusal"),
                rs.getBoolean("actor_offline"), rs.getString("actor_device"));
    }
}
