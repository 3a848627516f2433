package io.astroshield.persistence.sync;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The downloaded copy of server data (table {@code sync_mirror}). Write it in the same transaction as the
 * download cursor ({@link SyncCursorRepository}) so that the two always agree.
 */
public final class MirrorRepository {

    private static final String UPSERT = """
            MERGE INTO sync_mirror (entity, entity_id, payload, change_seq, changed_at, received_at)
            KEY (entity, entity_id) VALUES (?, ?, ?, ?, ?, ?)
            """;

    private static final String SELECT = """
            SELECT entity, entity_id, payload, change_seq, changed_at, received_at FROM sync_mirror
            """;

    private final Connection c;

    public MirrorRepository(Connection c) {
        this.c = c;
    }

    /** Inserts or replaces the row of (entity, entity id). */
    public void upsert(MirrorRow row) {
        Jdbc.update(c, "Storing downloaded " + row.entity() + " " + row.entityId(), UPSERT, ps -> {
            ps.setString(1, row.entity());
            ps.setLong(2, row.entityId());
            ps.setString(3, row.payload());
            ps.setLong(4, row.changeSeq());
            Jdbc.setInstant(ps, 5, row.changedAt());
            Jdbc.setInstant(ps, 6, row.receivedAt());
        });
    }

    public void delete(String entity, long entityId) {
        Jdbc.update(c, "Removing downloaded " + entity + " " + entityId,
                "DELETE FROM sync_mirror WHERE entity = ? AND entity_id = ?", ps -> {
                    ps.setString(1, entity);
                    ps.setLong(2, entityId);
                });
    }

    /** Forgets every downloaded row (before a snapshot replaces them). */
    public void clear() {
        Jdbc.update(c, "Clearing downloaded data", "DELETE FROM sync_mirror", Jdbc.NO_PARAMETERS);
    }

    public Optional<MirrorRow> find(String entity, long entityId) {
        return Jdbc.one(c, "Reading downloaded " + entity + " " + entityId,
                SELECT + "WHERE entity = ? AND entity_id = ?", ps -> {
                    ps.setString(1, entity);
                    ps.setLong(2, entityId);
                }, MirrorRepository::map);
    }

    /** Every row of one entity kind, by id. */
    public List<MirrorRow> all(String entity) {
        return Jdbc.list(c, "Reading downloaded " + entity, SELECT + "WHERE entity = ? ORDER BY entity_id",
                ps -> ps.setString(1, entity), MirrorRepository::map);
    }

    /** The rows of one entity kind that changes after change-log position {@code seq} wrote, in log order. */
    public List<MirrorRow> changedSince(String entity, long seq) {
        return Jdbc.list(c, "Reading downloaded " + entity, SELECT
                        + "WHERE entity = ? AND change_seq > ? ORDER BY change_seq, entity_id",
                ps -> {
                    ps.setString(1, entity);
                    ps.setLong(2, seq);
                }, MirrorRepository::map);
    }

    public long count(String entity) {
        return Jdbc.count(c, "Counting downloaded " + entity, "SELECT COUNT(*) FROM sync_mirror WHERE entity = ?",
                ps -> ps.setString(1, entity));
    }

    /** Per entity kind, when the server made the newest change this copy holds (kinds with no time left out). */
    public Map<String, Instant> newestChangePerEntity() {
        Map<String, Instant> result = new LinkedHashMap<>();
        Jdbc.list(c, "Reading the age of downloaded data", """
                SELECT entity, MAX(changed_at) AS newest FROM sync_mirror WHERE changed_at IS NOT NULL
                GROUP BY entity ORDER BY entity
                """, Jdbc.NO_PARAMETERS, rs -> result.put(rs.getString("entity"), Jdbc.instant(rs, "newest")));
        return result;
    }

    private static MirrorRow map(ResultSet rs) throws SQLException {
        return new MirrorRow(rs.getString("entity"), rs.getLong("entity_id"), rs.getString("payload"),
                rs.getLong("change_seq"), Jdbc.instant(rs, "changed_at"), Jdbc.instant(rs, "received_at"));
    }
}
