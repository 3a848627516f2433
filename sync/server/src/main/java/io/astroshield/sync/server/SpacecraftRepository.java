package io.astroshield.sync.server;

import io.astroshield.sync.protocol.OrbitalParameters;
import io.astroshield.sync.protocol.PhysicalParameters;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.SpacecraftCreate;
import io.astroshield.sync.protocol.SpacecraftUpdate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code spacecraft} table. Every value reaches SQL as a bound parameter. */
public final class SpacecraftRepository {
    private static final String COLUMNS = "id, name, norad_id, status, orbit_type, launch_date, last_updated, "
            + "semi_major_axis_km, eccentricity, inclination_deg, raan_deg, arg_of_perigee_deg, mean_anomaly_deg, "
            + "elements_epoch, mass_kg, length_m, width_m, height_m, cross_section_m2";

    private final DataSource db;

    public SpacecraftRepository(DataSource db) {
        this.db = db;
    }

    /** One page and the total; {@code status} null means all. */
    public Page<Spacecraft> list(String status, int page, int limit) {
        try (Connection c = db.getConnection()) {
            return PagedQuery.run(c, "spacecraft", COLUMNS, status == null ? "" : " WHERE status = ?",
                    status == null ? List.of() : List.of(status), "id", page, limit, SpacecraftRepository::read);
        } catch (SQLException e) {
            throw new DatabaseException("listing spacecraft", e);
        }
    }

    /** Every spacecraft by id, as the caller's transaction sees them. */
    public List<Spacecraft> all(Connection c) throws SQLException {
        return page(c, 0, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} spacecraft with an id above {@code afterId}, by id, as the caller's transaction sees them. */
    public List<Spacecraft> page(Connection c, long afterId, int limit) throws SQLException {
        List<Spacecraft> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM spacecraft WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        }
        return rows;
    }

    public Optional<Spacecraft> find(long id) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM spacecraft WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading spacecraft " + id, e);
        }
    }

    /** Whether a spacecraft with this id exists, seen from the caller's transaction. */
    public boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM spacecraft WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The NORAD number of the spacecraft with this id, seen from the caller's transaction. */
    public Optional<Integer> noradId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT norad_id FROM spacecraft WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** Inserts a validated request within the caller's transaction; empty when the NORAD id is already taken. */
    public Optional<Spacecraft> create(Connection c, SpacecraftCreate in, Instant now) {
        OrbitalParameters o = in.orbitalParameters() == null
                ? new OrbitalParameters(null, null, null, null, null, null, null) : in.orbitalParameters();
        PhysicalParameters p = in.physicalParameters() == null
                ? new PhysicalParameters(null, null, null, null, null) : in.physicalParameters();
        String sql = "INSERT INTO spacecraft (name, norad_id, status, orbit_type, launch_date, last_updated, "
                + "semi_major_axis_km, eccentricity, inclination_deg, raan_deg, arg_of_perigee_deg, mean_anomaly_deg, "
                + "elements_epoch, mass_kg, length_m, width_m, height_m, cross_section_m2) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (norad_id) DO NOTHING RETURNING " + COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, in.name());
            ps.setInt(2, in.noradId());
            ps.setString(3, in.status());
            ps.setString(4, in.orbitType());
            setInstant(ps, 5, in.launchDate());
            setInstant(ps, 6, now);
            setDouble(ps, 7, o.semiMajorAxis());
            setDouble(ps, 8, o.eccentricity());
            setDouble(ps, 9, o.inclination());
            setDouble(ps, 10, o.raan());
            setDouble(ps, 11, o.argumentOfPerigee());
            setDouble(ps, 12, o.meanAnomaly());
            setInstant(ps, 13, o.epoch());
            setDouble(ps, 14, p.mass());
            setDouble(ps, 15, p.length());
            setDouble(ps, 16, p.width());
            setDouble(ps, 17, p.height());
            setDouble(ps, 18, p.crossSection());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("creating spacecraft " + in.noradId(), e);
        }
    }

    /**
     * Sets the given fields of spacecraft {@code id} within the caller's transaction (absent ones keep their
     * values) and {@code last_updated}; empty when there is no such spacecraft.
     */
    public Optional<Spacecraft> update(Connection c, long id, SpacecraftUpdate in, Instant now) {
        OrbitalParameters o = in.orbitalParameters() == null
                ? new OrbitalParameters(null, null, null, null, null, null, null) : in.orbitalParameters();
        PhysicalParameters p = in.physicalParameters() == null
                ? new PhysicalParameters(null, null, null, null, null) : in.physicalParameters();
        String sql = "UPDATE spacecraft SET name = coalesce(?, name), status = coalesce(?, status), "
                + "orbit_type = coalesce(?, orbit_type), last_updated = ?, "
                + "semi_major_axis_km = coalesce(?, semi_major_axis_km), eccentricity = coalesce(?, eccentricity), "
                + "inclination_deg = coalesce(?, inclination_deg), raan_deg = coalesce(?, raan_deg), "
                + "arg_of_perigee_deg = coalesce(?, arg_of_perigee_deg), "
                + "mean_anomaly_deg = coalesce(?, mean_anomaly_deg), elements_epoch = coalesce(?, elements_epoch), "
                + "mass_kg = coalesce(?, mass_kg), length_m = coalesce(?, length_m), width_m = coalesce(?, width_m), "
                + "height_m = coalesce(?, height_m), cross_section_m2 = coalesce(?, cross_section_m2) "
                + "WHERE id = ? RETURNING " + COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, in.name());
            ps.setString(2, in.status());
            ps.setString(3, in.orbitType());
            setInstant(ps, 4, now);
            setDouble(ps, 5, o.semiMajorAxis());
            setDouble(ps, 6, o.eccentricity());
            setDouble(ps, 7, o.inclination());
            setDouble(ps, 8, o.raan());
            setDouble(ps, 9, o.argumentOfPerigee());
            setDouble(ps, 10, o.meanAnomaly());
            setInstant(ps, 11, o.epoch());
            setDouble(ps, 12, p.mass());
            setDouble(ps, 13, p.length());
            setDouble(ps, 14, p.width());
            setDouble(ps, 15, p.height());
            setDouble(ps, 16, p.crossSection());
            ps.setLong(17, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("updating spacecraft " + id, e);
        }
    }

    private static Spacecraft read(ResultSet rs) throws SQLException {
        OrbitalParameters o = new OrbitalParameters(dbl(rs, "semi_major_axis_km"), dbl(rs, "eccentricity"),
                dbl(rs, "inclination_deg"), dbl(rs, "raan_deg"), dbl(rs, "arg_of_perigee_deg"),
                dbl(rs, "mean_anomaly_deg"), instant(rs, "elements_epoch"));
        PhysicalParameters p = new PhysicalParameters(dbl(rs, "mass_kg"), dbl(rs, "length_m"), dbl(rs, "width_m"),
                dbl(rs, "height_m"), dbl(rs, "cross_section_m2"));
        boolean noElements = o.equals(new OrbitalParameters(null, null, null, null, null, null, null));
        boolean noSize = p.equals(new PhysicalParameters(null, null, null, null, null));
        return new Spacecraft(rs.getLong("id"), rs.getString("name"), rs.getInt("norad_id"), rs.getString("status"),
                rs.getString("orbit_type"), instant(rs, "launch_date"), instant(rs, "last_updated"),
                noElements ? null : o, noSize ? null : p);
    }

    static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
