package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Alarm definitions and occurrences (tables {@code alarm_definition}, {@code alarm_occurrence}).
 * Changes are guarded by a version: a change based on a stale read gets {@link StoreError#CONFLICT}
 * (two consoles acknowledging at once: one wins, the other re-reads). Every change also belongs in
 * the audit ({@link AuditRepository}), written in the same transaction by the caller.
 */
public final class AlarmRepository {

    private static final String INSERT_DEFINITION = """
            INSERT INTO alarm_definition (name, kind, spacecraft_id, point_name, latching, min_violations, deadband,
                                          on_delay_s, off_delay_s, rule_text, enabled, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """;

    private static final String UPDATE_DEFINITION = """
            UPDATE alarm_definition
            SET name = ?, kind = ?, spacecraft_id = ?, point_name = ?, latching = ?, min_violations = ?, deadband = ?,
                on_delay_s = ?, off_delay_s = ?, rule_text = ?, enabled = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND version = ?
            """;

    private static final String DEFINITIONS = """
            SELECT id, version, name, kind, spacecraft_id, point_name, latching, min_violations, deadband,
                   on_delay_s, off_delay_s, rule_text, enabled, updated_at
            FROM alarm_definition
            """;

    private static final String INSERT_OCCURRENCE = """
            INSERT INTO alarm_occurrence (definition_id, event_id, subject, origin, state, severity, acked_severity,
                                          latched, raised_at, updated_at, acknowledged_at, acknowledged_by,
                                          shelved_until, shelved_by, shelve_reason, cleared_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """;

    private static final String UPDATE_OCCURRENCE = """
            UPDATE alarm_occurrence
            SET definition_id = ?, event_id = ?, subject = ?, origin = ?, state = ?, severity = ?, acked_severity = ?,
                latched = ?, raised_at = ?, updated_at = ?, acknowledged_at = ?, acknowledged_by = ?,
                shelved_until = ?, shelved_by = ?, shelve_reason = ?, cleared_at = ?, version = version + 1
            WHERE id = ? AND version = ?
            """;

    private static final String OCCURRENCES = """
            SELECT id, version, definition_id, event_id, subject, origin, state, severity, acked_severity, latched,
                   raised_at, updated_at, acknowledged_at, acknowledged_by, shelved_until, shelved_by,
                   shelve_reason, cleared_at
            FROM alarm_occurrence
            """;

    private final Connection c;

    public AlarmRepository(Connection c) {
        this.c = c;
    }

    public long define(AlarmDefinitionRow d) {
        return Jdbc.insert(c, "Storing alarm definition " + d.name(), INSERT_DEFINITION, ps -> bindDefinition(ps, d));
    }

    /** Replaces a definition read at {@code expectedVersion}; returns the new version. */
    public int updateDefinition(long id, int expectedVersion, AlarmDefinitionRow d) {
        int n = Jdbc.update(c, "Changing alarm definition " + id, UPDATE_DEFINITION, ps -> {
            bindDefinition(ps, d);
            ps.setLong(13, id);
            ps.setInt(14, expectedVersion);
        });
        if (n != 1) {
            throw new StoreException(StoreError.CONFLICT, "Alarm definition " + id + " was changed by someone else "
                    + "(or removed) since version " + expectedVersion + " was read");
        }
        return expectedVersion + 1;
    }

    public Optional<StoredDefinition> definition(long id) {
        return Jdbc.one(c, "Reading alarm definition " + id, DEFINITIONS + "WHERE id = ?", ps -> ps.setLong(1, id),
                AlarmRepository::mapDefinition);
    }

    public List<StoredDefinition> definitions() {
        return Jdbc.list(c, "Reading alarm definitions", DEFINITIONS + "ORDER BY name", Jdbc.NO_PARAMETERS,
                AlarmRepository::mapDefinition);
    }

    /** Stores a new occurrence at version 1 and returns its id. */
    public long raise(AlarmOccurrenceRow o) {
        return Jdbc.insert(c, "Storing alarm occurrence " + o.subject(), INSERT_OCCURRENCE,
                ps -> bindOccurrence(ps, o));
    }

    /** Replaces an occurrence read at {@code expectedVersion}; returns the new version. */
    public int update(long id, int expectedVersion, AlarmOccurrenceRow o) {
        int n = Jdbc.update(c, "Changing alarm occurrence " + id, UPDATE_OCCURRENCE, ps -> {
            bindOccurrence(ps, o);
            ps.setLong(17, id);
            ps.setInt(18, expectedVersion);
        });
        if (n != 1) {
            throw new StoreException(StoreError.CONFLICT, "Alarm occurrence " + id + " was changed by someone else "
                    + "(or removed) since version " + expectedVersion + " was read");
        }
        return expectedVersion + 1;
    }

    public Optional<StoredOccurrence> occurrence(long id) {
        return Jdbc.one(c, "Reading alarm occurrence " + id, OCCURRENCES + "WHERE id = ?", ps -> ps.setLong(1, id),
                AlarmRepository::mapOccurrence);
    }

    /** Occurrences not yet cleared, newest first. */
    public List<StoredOccurrence> active() {
        return Jdbc.list(c, "Reading active alarms", OCCURRENCES + "WHERE state <> 'CLEARED' ORDER BY raised_at DESC, id DESC",
                Jdbc.NO_PARAMETERS, AlarmRepository::mapOccurrence);
    }

    /** Occurrences that still need an acknowledgement, oldest first. */
    public List<StoredOccurrence> unacknowledged() {
        return Jdbc.list(c, "Reading unacknowledged alarms",
                OCCURRENCES + "WHERE state IN ('UNACK_ACTIVE', 'UNACK_RTN') ORDER BY raised_at, id",
                Jdbc.NO_PARAMETERS, AlarmRepository::mapOccurrence);
    }

    public List<StoredOccurrence> forEvent(long eventId) {
        return Jdbc.list(c, "Reading alarms of conjunction event " + eventId, OCCURRENCES + "WHERE event_id = ? ORDER BY id",
                ps -> ps.setLong(1, eventId), AlarmRepository::mapOccurrence);
    }

    private static void bindDefinition(PreparedStatement ps, AlarmDefinitionRow d) throws SQLException {
        ps.setString(1, d.name());
        ps.setString(2, d.kind().name());
        ps.setString(3, d.spacecraftId());
        ps.setString(4, d.pointName());
        ps.setBoolean(5, d.latching());
        ps.setInt(6, d.minViolations());
        ps.setDouble(7, d.deadband());
        ps.setDouble(8, d.onDelayS());
        ps.setDouble(9, d.offDelayS());
        ps.setString(10, d.ruleText());
        ps.setBoolean(11, d.enabled());
        Jdbc.setInstant(ps, 12, d.updatedAt());
    }

    private static void bindOccurrence(PreparedStatement ps, AlarmOccurrenceRow o) throws SQLException {
        Jdbc.setLong(ps, 1, o.definitionId());
        Jdbc.setLong(ps, 2, o.eventId());
        ps.setString(3, o.subject());
        ps.setString(4, o.origin().name());
        ps.setString(5, o.state().name());
        ps.setString(6, o.severity().name());
        ps.setString(7, o.ackedSeverity() == null ? null : o.ackedSeverity().name());
        ps.setBoolean(8, o.latched());
        Jdbc.setInstant(ps, 9, o.raisedAt());
        Jdbc.setInstant(ps, 10, o.updatedAt());
        Jdbc.setInstant(ps, 11, o.acknowledgedAt());
        ps.setString(12, o.acknowledgedBy());
        Jdbc.setInstant(ps, 13, o.shelvedUntil());
        ps.setString(14, o.shelvedBy());
        ps.setString(15, o.shelveReason());
        Jdbc.setInstant(ps, 16, o.clearedAt());
    }

    private static StoredDefinition mapDefinition(ResultSet rs) throws SQLException {
        return new StoredDefinition(rs.getLong("id"), rs.getInt("version"), new AlarmDefinitionRow(
                rs.getString("name"), AlarmKind.valueOf(rs.getString("kind")), rs.getString("spacecraft_id"),
                rs.getString("point_name"), rs.getBoolean("latching"), rs.getInt("min_violations"),
                rs.getDouble("deadband"), rs.getDouble("on_delay_s"), rs.getDouble("off_delay_s"),
                rs.getString("rule_text"), rs.getBoolean("enabled"), Jdbc.instant(rs, "updated_at")));
    }

    private static StoredOccurrence mapOccurrence(ResultSet rs) throws SQLException {
        String acked = rs.getString("acked_severity");
        return new StoredOccurrence(rs.getLong("id"), rs.getInt("version"), new AlarmOccurrenceRow(
                Jdbc.nullableLong(rs, "definition_id"), Jdbc.nullableLong(rs, "event_id"), rs.getString("subject"),
                DataOrigin.valueOf(rs.getString("origin")), AlarmState.valueOf(rs.getString("state")),
                AlarmSeverity.valueOf(rs.getString("severity")), acked == null ? null : AlarmSeverity.valueOf(acked),
                rs.getBoolean("latched"), Jdbc.instant(rs, "raised_at"), Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), Jdbc.instant(rs, "shelved_until"),
                rs.getString("shelved_by"), rs.getString("shelve_reason"), Jdbc.instant(rs, "cleared_at")));
    }
}
