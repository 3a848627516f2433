package io.astroshield.persistence.catalog;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Element-set history (table {@code element_set}): one row per object and epoch, with the
 * source it came from. Storing an element set also creates or refreshes its space object.
 */
public final class ElementSetRepository {

    private static final String COLUMNS = """
            norad_id, epoch, name, intl_designator, classification, mean_motion_rad_s, eccentricity,
            inclination_rad, raan_rad, arg_perigee_rad, mean_anomaly_rad, bstar_per_earth_radius,
            mean_motion_dot_rad_s2, mean_motion_ddot_rad_s3, element_set_number, rev_at_epoch,
            ephemeris_type, object_type, source""";

    /** Inserts unless the store has this object at this epoch already (then the update count is 0). */
    private static final String INSERT_IF_NEW = """
            MERGE INTO element_set t
            USING (VALUES (CAST(? AS INTEGER), CAST(? AS TIMESTAMP(9) WITH TIME ZONE))) s (norad_id, epoch)
            ON t.norad_id = s.norad_id AND t.epoch = s.epoch
            WHEN NOT MATCHED THEN INSERT (""" + COLUMNS + """
            , imported_at)
                VALUES (s.norad_id, s.epoch, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String HISTORY = "SELECT " + COLUMNS + """

            FROM element_set WHERE norad_id = ? ORDER BY epoch
            """;

    private static final String LATEST = "SELECT " + COLUMNS + """

            FROM element_set WHERE norad_id = ? ORDER BY epoch DESC FETCH FIRST 1 ROW ONLY
            """;

    /** The newest element set of every object: the catalog a screening starts from. */
    private static final String LATEST_ALL = "SELECT " + COLUMNS + """

            FROM element_set e
            WHERE e.epoch = (SELECT MAX(epoch) FROM element_set x WHERE x.norad_id = e.norad_id)
            ORDER BY norad_id
            """;

    private static final String COUNT = "SELECT COUNT(*) FROM element_set";

    private final Connection c;

    public ElementSetRepository(Connection c) {
        this.c = c;
    }

    /**
     * Stores the element sets that are new (object + epoch not yet stored) and creates or refreshes
     * their space objects from the newest set of each object in {@code sets}.
     */
    public ImportResult importAll(Collection<ElementSet> sets, Instant importedAt) {
        Map<Integer, ElementSet> newestPerObject = new LinkedHashMap<>();
        for (ElementSet e : sets) {
            newestPerObject.merge(e.noradId(), e, (a, b) -> b.epoch().isAfter(a.epoch()) ? b : a);
        }
        List<SpaceObjectRow> objects = new ArrayList<>(newestPerObject.size());
        for (ElementSet e : newestPerObject.values()) {
            objects.add(new SpaceObjectRow(e.noradId(), e.name(), e.internationalDesignator(), e.objectType(), null,
                    importedAt));
        }
        new SpaceObjectRepository(c).upsertAll(objects);
        int[] counts = Jdbc.batch(c, "Storing element sets", INSERT_IF_NEW, sets, 1000,
                (ps, e) -> bindInsert(ps, e, importedAt));
        int stored = 0;
        for (int n : counts) {
            stored += n > 0 ? 1 : 0;
        }
        return new ImportResult(stored, sets.size() - stored, newestPerObject.size());
    }

    /** All element sets of one object, oldest first. */
    public List<ElementSet> history(int noradId) {
        return Jdbc.list(c, "Reading element-set history of " + noradId, HISTORY, ps -> ps.setInt(1, noradId),
                ElementSetRepository::map);
    }

    public Optional<ElementSet> latest(int noradId) {
        return Jdbc.one(c, "Reading latest element set of " + noradId, LATEST, ps -> ps.setInt(1, noradId),
                ElementSetRepository::map);
    }

    /** The newest element set of every object, by catalog number. */
    public List<ElementSet> latestOfEveryObject() {
        return Jdbc.list(c, "Reading the latest catalog", LATEST_ALL, Jdbc.NO_PARAMETERS, ElementSetRepository::map);
    }

    public long count() {
        return Jdbc.count(c, "Counting element sets", COUNT, Jdbc.NO_PARAMETERS);
    }

    private static void bindInsert(PreparedStatement ps, ElementSet e, Instant importedAt) throws SQLException {
        ps.setInt(1, e.noradId());
        Jdbc.setInstant(ps, 2, e.epoch());
        ps.setString(3, e.name());
        ps.setString(4, e.internationalDesignator());
        ps.setString(5, String.valueOf(e.classification()));
        ps.setDouble(6, e.meanMotionRadPerS());
        ps.setDouble(7, e.eccentricity());
        ps.setDouble(8, e.inclinationRad());
        ps.setDouble(9, e.raanRad());
        ps.setDouble(10, e.argOfPerigeeRad());
        ps.setDouble(11, e.meanAnomalyRad());
        ps.setDouble(12, e.bStarPerEarthRadius());
        ps.setDouble(13, e.meanMotionDotRadPerS2());
        ps.setDouble(14, e.meanMotionDdotRadPerS3());
        ps.setInt(15, e.elementSetNumber());
        ps.setInt(16, e.revolutionNumberAtEpoch());
        ps.setInt(17, e.ephemerisType());
        ps.setString(18, e.objectType().name());
        ps.setString(19, e.source());
        Jdbc.setInstant(ps, 20, importedAt);
    }

    private static ElementSet map(ResultSet rs) throws SQLException {
        return new ElementSet(
                rs.getInt("norad_id"),
                rs.getString("name"),
                rs.getString("intl_designator"),
                rs.getString("classification").charAt(0),
                Jdbc.instant(rs, "epoch"),
                rs.getDouble("mean_motion_rad_s"),
                rs.getDouble("eccentricity"),
                rs.getDouble("inclination_rad"),
                rs.getDouble("raan_rad"),
                rs.getDouble("arg_perigee_rad"),
                rs.getDouble("mean_anomaly_rad"),
                rs.getDouble("bstar_per_earth_radius"),
                rs.getDouble("mean_motion_dot_rad_s2"),
                rs.getDouble("mean_motion_ddot_rad_s3"),
                rs.getInt("element_set_number"),
                rs.getInt("rev_at_epoch"),
                rs.getInt("ephemeris_type"),
                ObjectType.valueOf(rs.getString("object_type")),
                rs.getString("source"));
    }
}
