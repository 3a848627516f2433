package io.astroshield.persistence.cdm;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Conjunction data messages (table {@code cdm}); one row per originator and message id. */
public final class CdmRepository {

    private static final String COLUMNS = """
            id, message_id, originator, creation_date, tca, miss_distance_m, relative_speed_mps,
            object1_designator, object1_name, object1_norad, object1_state, object1_cov_rtn,
            object2_designator, object2_name, object2_norad, object2_state, object2_cov_rtn,
            hbr_m, pc, pc_method, format, raw_text, source, imported_at""";

    private static final String INSERT = """
            INSERT INTO cdm (message_id, originator, creation_date, tca, miss_distance_m, relative_speed_mps,
                             object1_designator, object1_name, object1_norad, object1_state, object1_cov_rtn,
                             object2_designator, object2_name, object2_norad, object2_state, object2_cov_rtn,
                             hbr_m, pc, pc_method, format, raw_text, source, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String ID_BY_MESSAGE = "SELECT id FROM cdm WHERE originator = ? AND message_id = ?";

    private static final String FIND = "SELECT " + COLUMNS + " FROM cdm WHERE id = ?";

    private static final String FOR_PAIR = "SELECT " + COLUMNS + """

            FROM cdm
            WHERE (object1_norad = ? AND object2_norad = ?) OR (object1_norad = ? AND object2_norad = ?)
            ORDER BY creation_date, id
            """;

    private static final String IN_TCA_WINDOW = "SELECT " + COLUMNS + """

            FROM cdm WHERE tca >= ? AND tca < ? ORDER BY tca, id
            """;

    private final Connection c;

    public CdmRepository(Connection c) {
        this.c = c;
    }

    /** The outcome of {@link #save}: the message's id, and whether it was new. */
    public record SaveResult(long id, boolean created) {
    }

    /** Stores a CDM unless the same originator's message id is stored already. */
    public SaveResult save(CdmRow cdm, Instant importedAt) {
        Optional<Long> existing = Jdbc.one(c, "Looking up CDM " + cdm.messageId(), ID_BY_MESSAGE, ps -> {
            ps.setString(1, cdm.originator());
            ps.setString(2, cdm.messageId());
        }, rs -> rs.getLong(1));
        if (existing.isPresent()) {
            return new SaveResult(existing.get(), false);
        }
        long id = Jdbc.insert(c, "Storing CDM " + cdm.messageId(), INSERT, ps -> bind(ps, cdm, importedAt));
        return new SaveResult(id, true);
    }

    public Optional<StoredCdm> find(long id) {
        return Jdbc.one(c, "Reading CDM " + id, FIND, ps -> ps.setLong(1, id), CdmRepository::map);
    }

    /** Every CDM about two objects, in either order, oldest first. */
    public List<StoredCdm> forPair(int noradA, int noradB) {
        return Jdbc.list(c, "Reading CDMs of " + noradA + "/" + noradB, FOR_PAIR, ps -> {
            ps.setInt(1, noradA);
            ps.setInt(2, noradB);
            ps.setInt(3, noradB);
            ps.setInt(4, noradA);
        }, CdmRepository::map);
    }

    /** CDMs whose TCA is in [from, to), by TCA. */
    public List<StoredCdm> inTcaWindow(Instant from, Instant to) {
        return Jdbc.list(c, "Reading CDMs by TCA", IN_TCA_WINDOW, ps -> {
            Jdbc.setInstant(ps, 1, from);
            Jdbc.setInstant(ps, 2, to);
        }, CdmRepository::map);
    }

    private static void bind(PreparedStatement ps, CdmRow m, Instant importedAt) throws SQLException {
        ps.setString(1, m.messageId());
        ps.setString(2, m.originator());
        Jdbc.setInstant(ps, 3, m.creationDate());
        Jdbc.setInstant(ps, 4, m.tca());
        ps.setDouble(5, m.missDistanceM());
        Jdbc.setDouble(ps, 6, m.relativeSpeedMps());
        bindObject(ps, 7, m.object1());
        bindObject(ps, 12, m.object2());
        Jdbc.setDouble(ps, 17, m.hbrM());
        Jdbc.setDouble(ps, 18, m.pc());
        ps.setString(19, m.pcMethod());
        ps.setString(20, m.format());
        ps.setString(21, m.rawText());
        ps.setString(22, m.source());
        Jdbc.setInstant(ps, 23, importedAt);
    }

    private static void bindObject(PreparedStatement ps, int first, CdmObjectRow o) throws SQLException {
        ps.setString(first, o.designator());
        ps.setString(first + 1, o.name());
        Jdbc.setInteger(ps, first + 2, o.noradId());
        Jdbc.setDoubles(ps, first + 3, toArray(o.state()));
        Jdbc.setDoubles(ps, first + 4, toArray(o.covarianceRtn()));
    }

    private static double[] toArray(List<Double> values) {
        if (values == null) {
            return null;
        }
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    private static List<Double> toList(double[] values) {
        if (values == null) {
            return null;
        }
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static CdmObjectRow mapObject(ResultSet rs, String prefix) throws SQLException {
        return new CdmObjectRow(rs.getString(prefix + "_designator"), rs.getString(prefix + "_name"),
                Jdbc.nullableInt(rs, prefix + "_norad"), toList(Jdbc.doubles(rs, prefix + "_state")),
                toList(Jdbc.doubles(rs, prefix + "_cov_rtn")));
    }

    private static StoredCdm map(ResultSet rs) throws SQLException {
        CdmRow row = new CdmRow(rs.getString("message_id"), rs.getString("originator"),
                Jdbc.instant(rs, "creation_date"), Jdbc.instant(rs, "tca"), rs.getDouble("miss_distance_m"),
                Jdbc.nullableDouble(rs, "relative_speed_mps"), mapObject(rs, "object1"), mapObject(rs, "object2"),
                Jdbc.nullableDouble(rs, "hbr_m"), Jdbc.nullableDouble(rs, "pc"), rs.getString("pc_method"),
                rs.getString("format"), rs.getString("raw_text"), rs.getString("source"));
        return new StoredCdm(rs.getLong("id"), Jdbc.instant(rs, "imported_at"), row);
    }
}
