package io.astroshield.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.AlarmRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.astroshield.sync.server.SpacecraftRepository.setInstant;

/** The {@code shared_alarm} table (V12): each row's published {@link AlarmRecord} and the columns it is found by. */
final class SharedAlarmRepository {
    private static final String SELECT = "SELECT record::text AS record FROM shared_alarm ";

    private final ObjectMapper json;

    SharedAlarmRepository(ObjectMapper json) {
        this.json = json;
    }

    /** The records of a telemetry key, locked until the caller's transaction ends. */
    List<AlarmRecord> lockByKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE alarm_key = ? ORDER BY id FOR UPDATE")) {
            ps.setString(1, key);
            return list(ps);
        }
    }

    /** The records of a conjunction key whose latest TCA is within the matching window of {@code tca}, locked. */
    List<AlarmRecord> lockByEvent(Connection c, String key, Instant tca) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + "WHERE alarm_key = ? AND latest_tca BETWEEN ? AND ? ORDER BY id FOR UPDATE")) {
            ps.setString(1, key);
            setInstant(ps, 2, tca.minus(AlarmRecord.TCA_MATCH_WINDOW));
            setInstant(ps, 3, tca.plus(AlarmRecord.TCA_MATCH_WINDOW));
            return list(ps);
        }
    }

    /** A fresh id for a new record (the id is part of the record written). */
    long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('shared_alarm', 'id'))"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts (version 1) or replaces the record of its id. */
    void save(Connection c, AlarmRecord r, Instant now) throws SQLException {
        String sql = r.version() == 1
                ? "INSERT INTO shared_alarm (alarm_key, latest_tca, episode_start, record, updated_at, id) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?, ?)"
                : "UPDATE shared_alarm SET alarm_key = ?, latest_tca = ?, episode_start = ?, record = ?::jsonb, "
                        + "updated_at = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.key());
            setInstant(ps, 2, r.latestTca());
            setInstant(ps, 3, r.episodeStart());
            ps.setString(4, json.writeValueAsString(r));
            setInstant(ps, 5, now);
            ps.setLong(6, r.id());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("shared alarm " + r.id() + " was not written");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write shared alarm " + r.id() + " as JSON", e);
        }
    }

    /** Up to {@code limit} records with an id above {@code afterId}, by id, as the caller's transaction sees them. */
    List<AlarmRecord> page(Connection c, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return list(ps);
        }
    }

    private List<AlarmRecord> list(PreparedStatement ps) throws SQLException {
        List<AlarmRecord> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(json.readValue(rs.getString("record"), AlarmRecord.class));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored shared alarm is not an AlarmRecord", e);
        }
        return rows;
    }
}
