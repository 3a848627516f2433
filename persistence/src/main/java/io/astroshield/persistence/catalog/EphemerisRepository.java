package io.astroshield.persistence.catalog;

import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.EphemerisPoint;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Owner/operator ephemerides (CCSDS OEM data blocks): tables {@code ephemeris} and
 * {@code ephemeris_point}. An unknown catalog number ({@code -1} in the domain) is stored as NULL.
 */
public final class EphemerisRepository {

    private static final String INSERT = """
            INSERT INTO ephemeris (norad_id, object_name, object_id, center_name, frame_name, interpolation_degree,
                                   start_time, stop_time, point_count, source, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String INSERT_POINT = """
            INSERT INTO ephemeris_point (ephemeris_id, seq, t, x_m, y_m, z_m, vx_mps, vy_mps, vz_mps)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String FIND = """
            SELECT norad_id, object_name, object_id, center_name, frame_name, interpolation_degree, source
            FROM ephemeris WHERE id = ?
            """;

    private static final String POINTS = """
            SELECT t, x_m, y_m, z_m, vx_mps, vy_mps, vz_mps
            FROM ephemeris_point WHERE ephemeris_id = ? ORDER BY seq
            """;

    private static final String FOR_OBJECT = """
            SELECT id, norad_id, object_name, frame_name, start_time, stop_time, point_count, source, imported_at
            FROM ephemeris WHERE norad_id = ? ORDER BY start_time, id
            """;

    private final Connection c;

    public EphemerisRepository(Connection c) {
        this.c = c;
    }

    /** Stores one ephemeris with its points and returns its id. */
    public long save(Ephemeris e, Instant importedAt) {
        List<EphemerisPoint> points = e.points();
        long id = Jdbc.insert(c, "Storing ephemeris " + e.source(), INSERT, ps -> {
            Jdbc.setInteger(ps, 1, e.noradId() < 0 ? null : e.noradId());
            ps.setString(2, e.objectName());
            ps.setString(3, e.objectId());
            ps.setString(4, e.centerName());
            ps.setString(5, e.frameName());
            ps.setInt(6, e.interpolationDegree());
            Jdbc.setInstant(ps, 7, points.get(0).time());
            Jdbc.setInstant(ps, 8, points.get(points.size() - 1).time());
            ps.setInt(9, points.size());
            ps.setString(10, e.source());
            Jdbc.setInstant(ps, 11, importedAt);
        });
        List<Integer> seqs = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            seqs.add(i);
        }
        Jdbc.batch(c, "Storing points of ephemeris " + e.source(), INSERT_POINT, seqs, 1000, (ps, i) -> {
            EphemerisPoint p = points.get(i);
            ps.setLong(1, id);
            ps.setInt(2, i);
            Jdbc.setInstant(ps, 3, p.time());
            ps.setDouble(4, p.xM());
            ps.setDouble(5, p.yM());
            ps.setDouble(6, p.zM());
            ps.setDouble(7, p.vxMps());
            ps.setDouble(8, p.vyMps());
            ps.setDouble(9, p.vzMps());
        });
        return id;
    }

    public Optional<Ephemeris> find(long id) {
        List<EphemerisPoint> points = Jdbc.list(c, "Reading points of ephemeris " + id, POINTS,
                ps -> ps.setLong(1, id), rs -> new EphemerisPoint(Jdbc.instant(rs, "t"), rs.getDouble("x_m"),
                        rs.getDouble("y_m"), rs.getDouble("z_m"), rs.getDouble("vx_mps"), rs.getDouble("vy_mps"),
                        rs.getDouble("vz_mps")));
        return Jdbc.one(c, "Reading ephemeris " + id, FIND, ps -> ps.setLong(1, id), rs -> {
            Integer norad = Jdbc.nullableInt(rs, "norad_id");
            return new Ephemeris(norad == null ? -1 : norad, rs.getString("object_name"), rs.getString("object_id"),
                    rs.getString("center_name"), rs.getString("frame_name"), rs.getInt("interpolation_degree"),
                    points, rs.getString("source"));
        });
    }

    /** Ephemerides of one object, earliest first. */
    public List<EphemerisSummary> forObject(int noradId) {
        return Jdbc.list(c, "Listing ephemerides of " + noradId, FOR_OBJECT, ps -> ps.setInt(1, noradId),
                EphemerisRepository::summary);
    }

    private static EphemerisSummary summary(ResultSet rs) throws SQLException {
        return new EphemerisSummary(rs.getLong("id"), rs.getInt("norad_id"), rs.getString("object_name"),
                rs.getString("frame_name"), Jdbc.instant(rs, "start_time"), Jdbc.instant(rs, "stop_time"),
                rs.getInt("point_count"), rs.getString("source"), Jdbc.instant(rs, "imported_at"));
    }
}
