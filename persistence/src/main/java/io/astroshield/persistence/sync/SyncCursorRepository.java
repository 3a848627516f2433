package io.astroshield.persistence.sync;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * Download cursors per scope (table {@code sync_cursor}). Save a cursor in the same transaction as
 * the page of changes it follows, so the two move forward together.
 */
public final class SyncCursorRepository {

    private static final String GET = "SELECT cursor_value FROM sync_cursor WHERE scope = ?";

    private static final String SAVE = """
            MERGE INTO sync_cursor (scope, cursor_value, updated_at) KEY (scope) VALUES (?, ?, ?)
            """;

    private static final String RESET = "DELETE FROM sync_cursor WHERE scope = ?";

    private final Connection c;

    public SyncCursorRepository(Connection c) {
        this.c = c;
    }

    public Optional<String> get(String scope) {
        return Jdbc.one(c, "Reading sync cursor " + scope, GET, ps -> ps.setString(1, scope), rs -> rs.getString(1));
    }

    public void save(String scope, String cursor, Instant at) {
        Jdbc.update(c, "Saving sync cursor " + scope, SAVE, ps -> {
            ps.setString(1, scope);
            ps.setString(2, cursor);
            Jdbc.setInstant(ps, 3, at);
        });
    }

    /** Forgets a scope's cursor (after the server answered 409: the next download is a snapshot). */
    public void reset(String scope) {
        Jdbc.update(c, "Resetting sync cursor " + scope, RESET, ps -> ps.setString(1, scope));
    }
}
