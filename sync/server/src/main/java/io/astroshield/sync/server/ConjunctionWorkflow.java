package io.astroshield.sync.server;

import io.astroshield.sync.protocol.ConjunctionDisposition;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.ConjunctionNoteCreate;
import io.astroshield.sync.protocol.DispositionSet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.astroshield.sync.server.SpacecraftRepository.instant;
import static io.astroshield.sync.server.SpacecraftRepository.setInstant;

/**
 * What operators add to a conjunction through sync ops, with the server's rules: notes are append-only (an op
 * adds one note, once, thanks to the op dedup around it); a disposition changes only when the sender saw the
 * current version, otherwise the op is refused as a stale version. Every write appends to the change log in the
 * caller's transaction, so the other clients get it.
 */
final class ConjunctionWorkflow {
    static final int MAX_NOTE = 10_000;
    private static final String NOTE_COLUMNS = "id, conjunction_id, author, text, created_at";
    private static final String DISPOSITION_COLUMNS = "conjunction_id, disposition, version, updated_by, updated_at";

    private final ChangeLog changes;

    ConjunctionWorkflow(ChangeLog changes) {
        this.changes = changes;
    }

    ConjunctionNote addNote(Connection c, ConjunctionNoteCreate in, String author, Instant now) throws SQLException {
        Params.require(in.conjunctionId() != null, "conjunction_id", "is required");
        Params.require(in.text() != null && !in.text().isBlank(), "text", "is required");
        Params.require(in.text().length() <= MAX_NOTE, "text", "must be at most " + MAX_NOTE + " characters");
        ConjunctionNote note;
        // inserted only if the conjunction exists, whose row stays locked (as in setDisposition) until commit
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conjunction_note (conjunction_id, author, text, "
                + "created_at) SELECT id, ?, ?, ? FROM conjunction WHERE id = ? FOR UPDATE RETURNING " + NOTE_COLUMNS)) {
            ps.setString(1, author);
            ps.setString(2, in.text());
            setInstant(ps, 3, now);
            ps.setLong(4, in.conjunctionId());
            try (ResultSet rs = ps.executeQuery()) {
                Params.require(rs.next(), "conjunction_id", "is not a known conjunction");
                note = note(rs);
            }
        }
        changes.appendUpsert(c, "conjunction_note", note.id(), note, now);
        return note;
    }

    ConjunctionDisposition setDisposition(Connection c, DispositionSet in, String author, Instant now)
            throws SQLException {
        Params.require(in.conjunctionId() != null, "conjunction_id", "is required");
        Params.require(in.disposition() != null && ConjunctionDisposition.VALUES.contains(in.disposition()),
                "disposition", "must be one of " + String.join(", ", ConjunctionDisposition.VALUES));
        Params.require(in.expectedVersion() != null && in.expectedVersion() >= 0, "expected_version",
                "is required (0 when none is set yet)");
        // the conjunction's row lock orders concurrent setters: each sees the version the one before wrote
        lockConjunction(c, in.conjunctionId());
        long current = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM conjunction_disposition WHERE conjunction_id = ?")) {
            ps.setLong(1, in.conjunctionId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    current = rs.getLong(1);
                }
            }
        }
        if (current != in.expectedVersion()) {
            throw new ApiException(409, "CONFLICT", "stale version: the disposition is at version " + current
                    + ", the op expected " + in.expectedVersion(), Map.of("field", "expected_version"));
        }
        ConjunctionDisposition set;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conjunction_disposition (" + DISPOSITION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (conjunction_id) DO UPDATE SET disposition = excluded.disposition, "
                + "version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at "
                + "RETURNING " + DISPOSITION_COLUMNS)) {
            ps.setLong(1, in.conjunctionId());
            ps.setString(2, in.disposition());
            ps.setLong(3, current + 1);
            ps.setString(4, author);
            setInstant(ps, 5, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                set = disposition(rs);
            }
        }
        changes.appendUpsert(c, "conjunction_disposition", set.conjunctionId(), set, now);
        return set;
    }

    /** Up to {@code limit} notes with an id above {@code afterId}, by id, as the caller's transaction sees them. */
    List<ConjunctionNote> notesPage(Connection c, long afterId, int limit) throws SQLException {
        List<ConjunctionNote> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTE_COLUMNS
                + " FROM conjunction_note WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(note(rs));
                }
            }
        }
        return rows;
    }

    /**
     * Up to {@code limit} dispositions of conjunctions with an id above {@code afterConjunctionId}, by conjunction
     * id (a disposition's id in the change log), as the caller's transaction sees them.
     */
    List<ConjunctionDisposition> dispositionsPage(Connection c, long afterConjunctionId, int limit)
            throws SQLException {
        List<ConjunctionDisposition> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DISPOSITION_COLUMNS
                + " FROM conjunction_disposition WHERE conjunction_id > ? ORDER BY conjunction_id LIMIT ?")) {
            ps.setLong(1, afterConjunctionId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(disposition(rs));
                }
            }
        }
        return rows;
    }

    private static void lockConjunction(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM conjunction WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                Params.require(rs.next(), "conjunction_id", "is not a known conjunction");
            }
        }
    }

    private static ConjunctionNote note(ResultSet rs) throws SQLException {
        return new ConjunctionNote(rs.getLong("id"), rs.getLong("conjunction_id"), rs.getString("author"),
                rs.getString("text"), instant(rs, "created_at"));
    }

    private static ConjunctionDisposition disposition(ResultSet rs) throws SQLException {
        return new ConjunctionDisposition(rs.getLong("conjunction_id"), rs.getString("disposition"),
                rs.getLong("version"), rs.getString("updated_by"), instant(rs, "updated_at"));
    }
}
