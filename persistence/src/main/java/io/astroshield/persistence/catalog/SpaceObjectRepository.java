package io.astroshield.persistence.catalog;

import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Catalogued objects (table {@code space_object}). */
public final class SpaceObjectRepository {

    /** Keeps a known name, designator, type or HBR when the new value is absent. */
    static final String UPSERT = """
            MERGE INTO space_object t
            USING (VALUES (CAST(? AS INTEGER), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(32)),
                           CAST(? AS VARCHAR(16)), CAST(? AS DOUBLE PRECISION),
                           CAST(? AS TIMESTAMP(9) WITH TIME ZONE)))
                  s (norad_id, name, intl_designator, object_type, hbr_m, updated_at)
            ON t.norad_id = s.norad_id
            WHEN MATCHED THEN UPDATE SET
                name = COALESCE(s.name, t.name),
                intl_designator = COALESCE(s.intl_designator, t.intl_designator),
                object_type = CASE WHEN s.object_type = 'UNKNOWN' THEN t.object_type ELSE s.object_type END,
                hbr_m = COALESCE(s.hbr_m, t.hbr_m),
                updated_at = s.updated_at
            WHEN NOT MATCHED THEN INSERT (norad_id, name, intl_designator, object_type, hbr_m, updated_at)
                VALUES (s.norad_id, s.name, s.intl_designator, s.object_type, s.hbr_m, s.updated_at)
            """;

    private static final String FIND = """
            SELECT norad_id, name, intl_designator, object_type, hbr_m, updated_at
            FROM space_object WHERE norad_id = ?
            """;

    private static final String ALL = """
            SELECT norad_id, name, intl_designator, object_type, hbr_m, updated_at
            FROM space_object ORDER BY norad_id
            """;

    private static final String SEARCH_BY_NAME = """
            SELECT norad_id, name, intl_designator, object_type, hbr_m, updated_at
            FROM space_object WHERE UPPER(name) LIKE UPPER(?) ESCAPE '\\' ORDER BY norad_id
            """;

    private final Connection c;

    public SpaceObjectRepository(Connection c) {
        this.c = c;
    }

    public void upsert(SpaceObjectRow row) {
        upsertAll(List.of(row));
    }

    public void upsertAll(Collection<SpaceObjectRow> rows) {
        Jdbc.batch(c, "Storing space objects", UPSERT, rows, 1000, SpaceObjectRepository::bind);
    }

    public Optional<SpaceObjectRow> find(int noradId) {
        return Jdbc.one(c, "Reading space object " + noradId, FIND, ps -> ps.setInt(1, noradId),
                SpaceObjectRepository::map);
    }

    public List<SpaceObjectRow> all() {
        return Jdbc.list(c, "Reading space objects", ALL, Jdbc.NO_PARAMETERS, SpaceObjectRepository::map);
    }

    /** Objects whose name contains {@code text}, case-insensitively. */
    public List<SpaceObjectRow> searchByName(String text) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Jdbc.list(c, "Searching space objects by name", SEARCH_BY_NAME, ps -> ps.setString(1, pattern),
                SpaceObjectRepository::map);
    }

    static void bind(PreparedStatement ps, SpaceObjectRow r) throws SQLException {
        ps.setInt(1, r.noradId());
        ps.setString(2, r.name());
        ps.setString(3, r.intlDesignator());
        ps.setString(4, r.objectType().name());
        Jdbc.setDouble(ps, 5, r.hbrM());
        Jdbc.setInstant(ps, 6, r.updatedAt());
    }

    private static SpaceObjectRow map(ResultSet rs) throws SQLException {
        return new SpaceObjectRow(rs.getInt("norad_id"), rs.getString("name"), rs.getString("intl_designator"),
                ObjectType.valueOf(rs.getString("object_type")), Jdbc.nullableDouble(rs, "hbr_m"),
                Jdbc.instant(rs, "updated_at"));
    }
}
