package io.astroshield.sync.server;

import io.astroshield.sync.protocol.AuditEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only {@code audit_event} table. Details must never carry a token or a password. */
final class AuditLog {
    private static final String INSERT = "INSERT INTO audit_event (at, request_id, username, role, action, status, "
            + "detail) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource db;
    private final Clock clock;

    AuditLog(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records on its own connection: for refusals, which have no transaction to join. */
    void record(String requestId, Principal who, String action, int status, String detail) {
        try (Connection c = db.getConnection()) {
            record(c, requestId, who, action, status, detail);
        } catch (SQLException e) {
            throw new DatabaseException("writing an audit record for " + action, e);
        }
    }

    /** A record to write later with {@link #recordAll}, dated now. */
    record Entry(Instant at, String requestId, Principal who, String action, int status, String detail) {
    }

    Entry entry(String requestId, Principal who, String action, int status, String detail) {
        return new Entry(clock.instant(), requestId, who, action, status, detail);
    }

    /** Records {@code entries} in order within the caller's transaction, in one statement. */
    void recordAll(Connection c, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        Object[] at = new Object[n];
        Object[] requestIds = new Object[n];
        Object[] usernames = new Object[n];
        Object[] roles = new Object[n];
        Object[] actions = new Object[n];
        Object[] statuses = new Object[n];
        Object[] details = new Object[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            at[i] = e.at().toString();
            requestIds[i] = e.requestId();
            usernames[i] = e.who() == null ? null : e.who().username();
            roles[i] = e.who() == null ? null : e.who().role().wireName();
            actions[i] = e.action();
            statuses[i] = e.status();
            details[i] = e.detail();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (at, request_id, username, role, "
                + "action, status, detail) SELECT a.at::timestamptz, a.request_id, a.username, a.role, a.action, "
                + "a.status, a.detail FROM unnest(?::text[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::integer[], ?::text[]) WITH ORDINALITY AS a(at, request_id, username, role, action, status, "
                + "detail, ord) ORDER BY a.ord")) {
            ps.setArray(1, c.createArrayOf("text", at));
            ps.setArray(2, c.createArrayOf("varchar", requestIds));
            ps.setArray(3, c.createArrayOf("varchar", usernames));
            ps.setArray(4, c.createArrayOf("varchar", roles));
            ps.setArray(5, c.createArrayOf("varchar", actions));
            ps.setArray(6, c.createArrayOf("integer", statuses));
            ps.setArray(7, c.createArrayOf("text", details));
            ps.executeUpdate();
        }
    }

    /** Records within the caller's transaction: the record commits or rolls back with the effect. */
    void record(Connection c, String requestId, Principal who, String action, int status, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            SpacecraftRepository.setInstant(ps, 1, clock.instant());
            ps.setString(2, requestId);
            ps.setString(3, who == null ? null : who.username());
            ps.setString(4, who == null ? null : who.role().wireName());
            ps.setString(5, action);
            ps.setInt(6, status);
            ps.setString(7, detail);
            ps.executeUpdate();
        }
    }

    List<AuditEvent> newest(int limit) {
        String sql = "SELECT id, at, request_id, username, role, action, status, detail FROM audit_event "
                + "ORDER BY id DESC LIMIT ?";
        List<AuditEvent> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditEvent(rs.getLong("id"), SpacecraftRepository.instant(rs, "at"),
                            rs.getString("request_id"), rs.getString("username"), rs.getString("role"),
                            rs.getString("action"), rs.getInt("status"), rs.getString("detail")));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the audit log", e);
        }
        return rows;
    }
}
