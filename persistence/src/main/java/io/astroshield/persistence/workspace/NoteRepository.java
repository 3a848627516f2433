package io.astroshield.persistence.workspace;

import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Analyst notes (table {@code analyst_note}); edits are guarded by a version. */
public final class NoteRepository {

    private static final String INSERT = """
            INSERT INTO analyst_note (subject_kind, subject_key, author, created_at, updated_at, body, version)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            """;

    private static final String EDIT = """
            UPDATE analyst_note SET body = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND version = ?
            """;

    private static final String SELECT = """
            SELECT id, version, subject_kind, subject_key, author, created_at, updated_at, body FROM analyst_note
            """;

    private final Connection c;

    public NoteRepository(Connection c) {
        this.c = c;
    }

    public long add(NoteRow n) {
        return Jdbc.insert(c, "Storing a note", INSERT, ps -> {
            ps.setString(1, n.subjectKind().name());
            ps.setString(2, n.subjectKey());
            ps.setString(3, n.author());
            Jdbc.setInstant(ps, 4, n.createdAt());
            Jdbc.setInstant(ps, 5, n.updatedAt());
            ps.setString(6, n.body());
        });
    }

    /** Replaces the body of a note read at {@code expectedVersion}; returns the new version. */
    public int edit(long id, int expectedVersion, String body, Instant at) {
        int n = Jdbc.update(c, "Editing note " + id, EDIT, ps -> {
            ps.setString(1, body);
            Jdbc.setInstant(ps, 2, at);
            ps.setLong(3, id);
            ps.setInt(4, expectedVersion);
        });
        if (n != 1) {
            throw new StoreException(StoreError.CONFLICT, "Note " + id + " was changed by someone else (or removed) "
                    + "since version " + expectedVersion + " was read");
        }
        return expectedVersion + 1;
    }

    public Optional<StoredNote> find(long id) {
        return Jdbc.one(c, "Reading note " + id, SELECT + "WHERE id = ?", ps -> ps.setLong(1, id), NoteRepository::map);
    }

    public List<StoredNote> forSubject(NoteSubject kind, String key) {
        return Jdbc.list(c, "Reading notes", SELECT + "WHERE subject_kind = ? AND subject_key = ? ORDER BY created_at, id",
                ps -> {
                    ps.setString(1, kind.name());
                    ps.setString(2, key);
                }, NoteRepository::map);
    }

    private static StoredNote map(ResultSet rs) throws SQLException {
        return new StoredNote(rs.getLong("id"), rs.getInt("version"), new NoteRow(
                NoteSubject.valueOf(rs.getString("subject_kind")), rs.getString("subject_key"), rs.getString("author"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), rs.getString("body")));
    }
}
