package io.astroshield.sync.server;

import io.astroshield.sync.protocol.Event;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.astroshield.sync.server.SpacecraftRepository.instant;
import static io.astroshield.sync.server.SpacecraftRepository.setInstant;

/**
 * The published events feed ({@code GET /api/v1/events}): what happened to which satellite, written in the
 * transaction of the change that caused it.
 */
final class EventLog {
    static final String SPACECRAFT_REGISTERED = "spacecraft_registered";
    static final String CONJUNCTION_DETECTED = "conjunction_detected";
    static final String TELEMETRY_LIMIT_EXCEEDED = "telemetry_limit_exceeded";
    static final String TELEMETRY_BACK_IN_LIMITS = "telemetry_back_in_limits";

    private final DataSource db;

    EventLog(DataSource db) {
        this.db = db;
    }

    /** Appends an event within the caller's transaction; {@code noradId} null when no satellite is concerned. */
    void record(Connection c, String type, Integer noradId, Instant at, String details) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO event (id, type, satellite_id, at, details) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, type);
            ps.setString(3, noradId == null ? null : noradId.toString());
            setInstant(ps, 4, at);
            ps.setString(5, details);
            ps.executeUpdate();
        }
    }

    /** The {@code limit} most recent events, newest first. */
    List<Event> newest(int limit) {
        List<Event> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, type, satellite_id, at, details FROM event "
                     + "ORDER BY at DESC, seq DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Event(rs.getObject("id", UUID.class).toString(), rs.getString("type"),
                            rs.getString("satellite_id"), instant(rs, "at"), rs.getString("details")));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading events", e);
        }
        return rows;
    }
}
