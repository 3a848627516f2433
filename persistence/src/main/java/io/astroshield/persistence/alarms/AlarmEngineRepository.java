package io.astroshield.persistence.alarms;

import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the domain alarm engine keeps besides its audit ({@link AuditEventRepository}) and its
 * outbox commands ({@link io.astroshield.persistence.sync.OutboxRepository}): occurrences upserted
 * by UUID into {@code alarm_occurrence}, conjunction tracks upserted by event id with their trend
 * appended, limit sets changed at run time, and the per-device counters. Used by
 * {@link H2AlarmStore} inside one transaction per engine operation.
 */
public final class AlarmEngineRepository {

    private static final int BATCH = 500;

    /** The 30 occurrence columns, in the order both statements below bind them (UUID last). */
    private static final String UPDATE_OCCURRENCE = """
            UPDATE alarm_occurrence
            SET definition_key = ?, subject = ?, origin = ?, alarm_source = ?, latching = ?, state = ?,
                condition_active = ?, latched = ?, severity = ?, most_severe = ?, trigger_value = ?, current_value = ?,
                most_severe_value = ?, raised_at = ?, updated_at = ?, cleared_at = ?, acknowledged_by = ?,
                acknowledged_role = ?, acknowledged_at = ?, acked_severity = ?, acknowledged_comment = ?, shelved_by = ?,
                shelved_role = ?, shelve_reason = ?, shelved_since = ?, shelved_until = ?, quality = ?, chattering = ?,
                assigned_to = ?, version = version + 1
            WHERE occurrence_uuid = ?
            """;

    private static final String INSERT_OCCURRENCE = """
            INSERT INTO alarm_occurrence (definition_key, subject, origin, alarm_source, latching, state,
                condition_active, latched, severity, most_severe, trigger_value, current_value, most_severe_value,
                raised_at, updated_at, cleared_at, acknowledged_by, acknowledged_role, acknowledged_at, acked_severity,
                acknowledged_comment, shelved_by, shelved_role, shelve_reason, shelved_since, shelved_until, quality,
                chattering, assigned_to, occurrence_uuid, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """;

    /** Engine occurrences only: rows written by {@link AlarmRepository} have no UUID. */
    private static final String OCCURRENCES = """
            SELECT occurrence_uuid, definition_key, subject, origin, alarm_source, latching, state, condition_active,
                   severity, most_severe, trigger_value, current_value, most_severe_value, raised_at, updated_at,
                   cleared_at, acknowledged_by, acknowledged_role, acknowledged_at, acked_severity, acknowledged_comment,
                   shelved_by, shelved_role, shelve_reason, shelved_since, shelved_until, quality, chattering,
                   assigned_to
            FROM alarm_occurrence
            WHERE occurrence_uuid IS NOT NULL
            """;

    private static final String MERGE_TRACK = """
            MERGE INTO alarm_conjunction_track (event_id, primary_norad, secondary_norad, origin, first_tca, latest_tca,
                limit_set_name, disposition, last_pc, last_miss_distance_m, alarm_severity, updates_without_severity,
                update_count, closed)
            KEY (event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String OPEN_TRACKS = """
            SELECT event_id, primary_norad, secondary_norad, origin, first_tca, latest_tca, limit_set_name, disposition,
                   last_pc, last_miss_distance_m, alarm_severity, updates_without_severity, update_count, closed
            FROM alarm_conjunction_track
            WHERE closed = FALSE
            ORDER BY id
            """;

    private static final String APPEND_TREND = """
            INSERT INTO alarm_conjunction_trend (event_id, received_at, update_source, reference, tca, miss_distance_m,
                                                 pc, time_to_tca_s, severity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String TREND = """
            SELECT event_id, received_at, update_source, reference, tca, miss_distance_m, pc, time_to_tca_s, severity
            FROM alarm_conjunction_trend
            WHERE event_id = ?
            ORDER BY id
            """;

    private static final String MERGE_TELEMETRY_SET = "MERGE INTO alarm_telemetry_limit_set (name) KEY (name) VALUES (?)";

    private static final String CLEAR_TELEMETRY_LIMITS = "DELETE FROM alarm_telemetry_limit WHERE limit_set_name = ?";

    private static final String INSERT_TELEMETRY_LIMIT = """
            INSERT INTO alarm_telemetry_limit (limit_set_name, parameter, red_low, yellow_low, yellow_high, red_high)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private static final String TELEMETRY_SETS = """
            SELECT s.name, l.parameter, l.red_low, l.yellow_low, l.yellow_high, l.red_high
            FROM alarm_telemetry_limit_set s LEFT JOIN alarm_telemetry_limit l ON l.limit_set_name = s.name
            ORDER BY s.name, l.parameter
            """;

    private static final String MERGE_CONJUNCTION_SET = """
            MERGE INTO alarm_conjunction_limit_set (name, clear_after_updates, grace_after_tca_s, grace_after_tca_nanos)
            KEY (name)
            VALUES (?, ?, ?, ?)
            """;

    private static final String CLEAR_CONJUNCTION_RULES = "DELETE FROM alarm_conjunction_rule WHERE limit_set_name = ?";

    private static final String INSERT_CONJUNCTION_RULE = """
            INSERT INTO alarm_conjunction_rule (limit_set_name, position, severity, pc_condition, pc_at_least,
                                                miss_at_most_m, time_to_tca_at_most_s)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String CONJUNCTION_SETS = """
            SELECT s.name, s.clear_after_updates, s.grace_after_tca_s, s.grace_after_tca_nanos, r.position, r.severity,
                   r.pc_condition, r.pc_at_least, r.miss_at_most_m, r.time_to_tca_at_most_s
            FROM alarm_conjunction_limit_set s LEFT JOIN alarm_conjunction_rule r ON r.limit_set_name = s.name
            ORDER BY s.name, r.position
            """;

    /** Locks the device's row until the transaction ends, so two writers cannot both take the next sequence. */
    private static final String STATE_FOR_UPDATE = """
            SELECT last_audit_sequence, last_op_id, active_telemetry_limit_set
            FROM alarm_engine_state
            WHERE device_id = ?
            FOR UPDATE
            """;

    private static final String STATE = """
            SELECT last_audit_sequence, last_op_id, active_telemetry_limit_set
            FROM alarm_engine_state
            WHERE device_id = ?
            """;

    private static final String MERGE_STATE = """
            MERGE INTO alarm_engine_state (device_id, last_audit_sequence, last_op_id, active_telemetry_limit_set)
            KEY (device_id)
            VALUES (?, ?, ?, ?)
            """;

    private final Connection c;

    public AlarmEngineRepository(Connection c) {
        this.c = c;
    }

    // ---- occurrences

    /** Inserts the occurrences not stored yet and replaces the others (matched by UUID). */
    public void upsertOccurrences(Collection<EngineOccurrenceRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] updated = Jdbc.batch(c, "Updating alarm occurrences", UPDATE_OCCURRENCE, rows, BATCH,
                AlarmEngineRepository::bindOccurrence);
        List<EngineOccurrenceRow> fresh = new ArrayList<>();
        int i = 0;
        for (EngineOccurrenceRow row : rows) {
            if (updated[i++] == 0) {
                fresh.add(row);
            }
        }
        Jdbc.batch(c, "Storing new alarm occurrences", INSERT_OCCURRENCE, fresh, BATCH,
                AlarmEngineRepository::bindOccurrence);
    }

    /** Occurrences not yet cleared, oldest trigger first. */
    public List<EngineOccurrenceRow> openOccurrences() {
        return Jdbc.list(c, "Reading open alarm occurrences",
                OCCURRENCES + "AND state <> 'CLEARED' ORDER BY raised_at, id", Jdbc.NO_PARAMETERS,
                AlarmEngineRepository::mapOccurrence);
    }

    /** Every engine occurrence, cleared ones included, oldest trigger first. */
    public List<EngineOccurrenceRow> occurrences() {
        return Jdbc.list(c, "Reading alarm occurrences", OCCURRENCES + "ORDER BY raised_at, id", Jdbc.NO_PARAMETERS,
                AlarmEngineRepository::mapOccurrence);
    }

    public Optional<EngineOccurrenceRow> occurrence(UUID uuid) {
        return Jdbc.one(c, "Reading alarm occurrence " + uuid, OCCURRENCES + "AND occurrence_uuid = ?",
                ps -> ps.setObject(1, uuid), AlarmEngineRepository::mapOccurrence);
    }

    // ---- conjunction tracks and trend

    public void upsertTracks(Collection<ConjunctionTrackRow> rows) {
        Jdbc.batch(c, "Storing conjunction tracks", MERGE_TRACK, rows, BATCH, (ps, t) -> {
            ps.setString(1, t.eventId());
            ps.setInt(2, t.primaryNorad());
            ps.setInt(3, t.secondaryNorad());
            ps.setString(4, t.origin().name());
            Jdbc.setInstant(ps, 5, t.firstTca());
            Jdbc.setInstant(ps, 6, t.latestTca());
            ps.setString(7, t.limitSetName());
            ps.setString(8, t.disposition());
            Jdbc.setDouble(ps, 9, t.lastPc());
            ps.setDouble(10, t.lastMissDistanceM());
            ps.setString(11, name(t.alarmSeverity()));
            ps.setInt(12, t.updatesWithoutSeverity());
            ps.setInt(13, t.updateCount());
            ps.setBoolean(14, t.closed());
        });
    }

    /** Tracks not closed, in the order they were first stored. */
    public List<ConjunctionTrackRow> openTracks() {
        return Jdbc.list(c, "Reading open conjunction tracks", OPEN_TRACKS, Jdbc.NO_PARAMETERS, rs ->
                new ConjunctionTrackRow(rs.getString("event_id"), rs.getInt("primary_norad"),
                        rs.getInt("secondary_norad"), DataOrigin.valueOf(rs.getString("origin")),
                        Jdbc.instant(rs, "first_tca"), Jdbc.instant(rs, "latest_tca"), rs.getString("limit_set_name"),
                        rs.getString("disposition"), Jdbc.nullableDouble(rs, "last_pc"),
                        rs.getDouble("last_miss_distance_m"), severity(rs, "alarm_severity"),
                        rs.getInt("updates_without_severity"), rs.getInt("update_count"), rs.getBoolean("closed")));
    }

    public void appendTrend(Collection<TrendPointRow> points) {
        Jdbc.batch(c, "Appending to the conjunction trend", APPEND_TREND, points, BATCH, (ps, p) -> {
            ps.setString(1, p.eventId());
            Jdbc.setInstant(ps, 2, p.receivedAt());
            ps.setString(3, p.updateSource());
            ps.setString(4, p.reference());
            Jdbc.setInstant(ps, 5, p.tca());
            ps.setDouble(6, p.missDistanceM());
            Jdbc.setDouble(ps, 7, p.pc());
            ps.setDouble(8, p.timeToTcaS());
            ps.setString(9, name(p.severity()));
        });
    }

    /** Every update of one event, oldest first. */
    public List<TrendPointRow> trend(String eventId) {
        return Jdbc.list(c, "Reading the trend of conjunction event " + eventId, TREND, ps -> ps.setString(1, eventId),
                rs -> new TrendPointRow(rs.getString("event_id"), Jdbc.instant(rs, "received_at"),
                        rs.getString("update_source"), rs.getString("reference"), Jdbc.instant(rs, "tca"),
                        rs.getDouble("miss_distance_m"), Jdbc.nullableDouble(rs, "pc"), rs.getDouble("time_to_tca_s"),
                        severity(rs, "severity")));
    }

    // ---- limit sets

    /** Adds the set or replaces all its limits. */
    public void saveTelemetryLimitSet(TelemetryLimitSetRow set) {
        Jdbc.update(c, "Storing telemetry limit set " + set.name(), MERGE_TELEMETRY_SET, ps -> ps.setString(1, set.name()));
        Jdbc.update(c, "Replacing the limits of telemetry limit set " + set.name(), CLEAR_TELEMETRY_LIMITS,
                ps -> ps.setString(1, set.name()));
        Jdbc.batch(c, "Storing the limits of telemetry limit set " + set.name(), INSERT_TELEMETRY_LIMIT, set.limits(),
                BATCH, (ps, l) -> {
                    ps.setString(1, set.name());
                    ps.setString(2, l.parameter());
                    Jdbc.setDouble(ps, 3, l.redLow());
                    Jdbc.setDouble(ps, 4, l.yellowLow());
                    Jdbc.setDouble(ps, 5, l.yellowHigh());
                    Jdbc.setDouble(ps, 6, l.redHigh());
                });
    }

    /** Every telemetry limit set changed at run time, by name. */
    public List<TelemetryLimitSetRow> telemetryLimitSets() {
        Map<String, List<TelemetryLimitSetRow.Limits>> sets = new LinkedHashMap<>();
        Jdbc.list(c, "Reading telemetry limit sets", TELEMETRY_SETS, Jdbc.NO_PARAMETERS, rs -> {
            List<TelemetryLimitSetRow.Limits> limits = sets.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>());
            String parameter = rs.getString("parameter");
            if (parameter != null) {
                limits.add(new TelemetryLimitSetRow.Limits(parameter, Jdbc.nullableDouble(rs, "red_low"),
                        Jdbc.nullableDouble(rs, "yellow_low"), Jdbc.nullableDouble(rs, "yellow_high"),
                        Jdbc.nullableDouble(rs, "red_high")));
            }
            return parameter;
        });
        return sets.entrySet().stream().map(e -> new TelemetryLimitSetRow(e.getKey(), e.getValue())).toList();
    }

    /** Adds the set or replaces it with its rules. */
    public void saveConjunctionLimitSet(ConjunctionLimitSetRow set) {
        Jdbc.update(c, "Storing conjunction limit set " + set.name(), MERGE_CONJUNCTION_SET, ps -> {
            ps.setString(1, set.name());
            ps.setInt(2, set.clearAfterUpdates());
            ps.setLong(3, set.graceAfterTcaS());
            ps.setInt(4, set.graceAfterTcaNanos());
        });
        Jdbc.update(c, "Replacing the rules of conjunction limit set " + set.name(), CLEAR_CONJUNCTION_RULES,
                ps -> ps.setString(1, set.name()));
        List<ConjunctionLimitSetRow.Rule> rules = set.rules();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            positions.add(i);
        }
        Jdbc.batch(c, "Storing the rules of conjunction limit set " + set.name(), INSERT_CONJUNCTION_RULE, positions,
                BATCH, (ps, i) -> {
                    ConjunctionLimitSetRow.Rule r = rules.get(i);
                    ps.setString(1, set.name());
                    ps.setInt(2, i);
                    ps.setString(3, r.severity().name());
                    ps.setString(4, r.pcCondition());
                    ps.setDouble(5, r.pcAtLeast());
                    Jdbc.setDouble(ps, 6, r.missAtMostM());
                    Jdbc.setDouble(ps, 7, r.timeToTcaAtMostS());
                });
    }

    /** Every conjunction limit set changed at run time, by name, rules in order. */
    public List<ConjunctionLimitSetRow> conjunctionLimitSets() {
        record Head(String name, int clearAfterUpdates, long graceS, int graceNanos) {
        }
        Map<Head, List<ConjunctionLimitSetRow.Rule>> sets = new LinkedHashMap<>();
        Jdbc.list(c, "Reading conjunction limit sets", CONJUNCTION_SETS, Jdbc.NO_PARAMETERS, rs -> {
            Head head = new Head(rs.getString("name"), rs.getInt("clear_after_updates"), rs.getLong("grace_after_tca_s"),
                    rs.getInt("grace_after_tca_nanos"));
            List<ConjunctionLimitSetRow.Rule> rules = sets.computeIfAbsent(head, k -> new ArrayList<>());
            AlarmSeverity severity = severity(rs, "severity");
            if (severity != null) {
                rules.add(new ConjunctionLimitSetRow.Rule(severity, rs.getString("pc_condition"),
                        rs.getDouble("pc_at_least"), Jdbc.nullableDouble(rs, "miss_at_most_m"),
                        Jdbc.nullableDouble(rs, "time_to_tca_at_most_s")));
            }
            return head;
        });
        return sets.entrySet().stream().map(e -> new ConjunctionLimitSetRow(e.getKey().name(),
                e.getKey().clearAfterUpdates(), e.getKey().graceS(), e.getKey().graceNanos(), e.getValue())).toList();
    }

    // ---- counters

    /** The device's counters, locking its row for the rest of the transaction; {@link EngineState#INITIAL} if none. */
    public EngineState lockState(String deviceId) {
        return Jdbc.one(c, "Locking the alarm engine state of " + deviceId, STATE_FOR_UPDATE,
                ps -> ps.setString(1, deviceId), AlarmEngineRepository::mapState).orElse(EngineState.INITIAL);
    }

    public EngineState state(String deviceId) {
        return Jdbc.one(c, "Reading the alarm engine state of " + deviceId, STATE, ps -> ps.setString(1, deviceId),
                AlarmEngineRepository::mapState).orElse(EngineState.INITIAL);
    }

    public void saveState(String deviceId, EngineState state) {
        int n = Jdbc.update(c, "Storing the alarm engine state of " + deviceId, MERGE_STATE, ps -> {
            ps.setString(1, deviceId);
            ps.setLong(2, state.lastAuditSequence());
            ps.setLong(3, state.lastOpId());
            ps.setString(4, state.activeTelemetryLimitSet());
        });
        if (n != 1) {
            throw new StoreException(StoreError.SQL, "Storing the alarm engine state of " + deviceId + ": " + n
                    + " rows changed");
        }
    }

    // ---- mapping

    private static void bindOccurrence(PreparedStatement ps, EngineOccurrenceRow o) throws SQLException {
        ps.setString(1, o.definitionKey());
        ps.setString(2, o.subject());
        ps.setString(3, o.origin().name());
        ps.setString(4, o.source());
        ps.setBoolean(5, o.latching());
        ps.setString(6, o.state().name());
        ps.setBoolean(7, o.conditionActive());
        ps.setBoolean(8, o.latched());
        ps.setString(9, o.severity().name());
        ps.setString(10, o.mostSevere().name());
        ps.setDouble(11, o.triggerValue());
        ps.setDouble(12, o.currentValue());
        ps.setDouble(13, o.mostSevereValue());
        Jdbc.setInstant(ps, 14, o.raisedAt());
        Jdbc.setInstant(ps, 15, o.updatedAt());
        Jdbc.setInstant(ps, 16, o.clearedAt());
        ps.setString(17, o.acknowledgedBy());
        ps.setString(18, o.acknowledgedRole());
        Jdbc.setInstant(ps, 19, o.acknowledgedAt());
        ps.setString(20, name(o.ackedSeverity()));
        ps.setString(21, o.acknowledgedComment());
        ps.setString(22, o.shelvedBy());
        ps.setString(23, o.shelvedRole());
        ps.setString(24, o.shelveReason());
        Jdbc.setInstant(ps, 25, o.shelvedSince());
        Jdbc.setInstant(ps, 26, o.shelvedUntil());
        ps.setString(27, o.quality());
        ps.setBoolean(28, o.chattering());
        ps.setString(29, o.assignee());
        ps.setObject(30, o.uuid());
    }

    private static EngineOccurrenceRow mapOccurrence(ResultSet rs) throws SQLException {
        return new EngineOccurrenceRow(rs.getObject("occurrence_uuid", UUID.class), rs.getString("definition_key"),
                rs.getString("subject"), DataOrigin.valueOf(rs.getString("origin")), rs.getString("alarm_source"),
                rs.getBoolean("latching"), AlarmState.valueOf(rs.getString("state")), rs.getBoolean("condition_active"),
                severity(rs, "severity"), severity(rs, "most_severe"), rs.getDouble("trigger_value"),
                rs.getDouble("current_value"), rs.getDouble("most_severe_value"), Jdbc.instant(rs, "raised_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "cleared_at"), rs.getString("acknowledged_by"),
                rs.getString("acknowledged_role"), Jdbc.instant(rs, "acknowledged_at"), severity(rs, "acked_severity"),
                rs.getString("acknowledged_comment"), rs.getString("shelved_by"), rs.getString("shelved_role"),
                rs.getString("shelve_reason"), Jdbc.instant(rs, "shelved_since"), Jdbc.instant(rs, "shelved_until"),
                rs.getString("quality"), rs.getBoolean("chattering"), rs.getString("assigned_to"));
    }

    private static EngineState mapState(ResultSet rs) throws SQLException {
        return new EngineState(rs.getLong("last_audit_sequence"), rs.getLong("last_op_id"),
                rs.getString("active_telemetry_limit_set"));
    }

    private static AlarmSeverity severity(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : AlarmSeverity.valueOf(s);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
