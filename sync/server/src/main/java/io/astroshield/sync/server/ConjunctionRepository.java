package io.astroshield.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionCreate;
import io.astroshield.sync.protocol.ConjunctionObject;
import io.astroshield.sync.protocol.StateVector;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.astroshield.sync.server.SpacecraftRepository.dbl;
import static io.astroshield.sync.server.SpacecraftRepository.instant;
import static io.astroshield.sync.server.SpacecraftRepository.setDouble;
import static io.astroshield.sync.server.SpacecraftRepository.setInstant;

/** The {@code conjunction} table. Filters are combined from fixed SQL fragments; values are bound parameters. */
public final class ConjunctionRepository {
    private static final TypeReference<List<List<Double>>> MATRIX = new TypeReference<>() { };
    private static final String COLUMNS = "id, primary_spacecraft_id, primary_name, primary_norad_id, "
            + "primary_state::text AS primary_state, secondary_spacecraft_id, secondary_name, secondary_norad_id, "
            + "secondary_state::text AS secondary_state, tca, miss_distance_km, collision_probability, "
            + "relative_velocity_kms, covariance_primary::text AS covariance_primary, "
            + "covariance_secondary::text AS covariance_secondary, created_at, updated_at";

    /** The published list filters; null means not filtered. */
    public record Filter(Long spacecraftId, Instant startTime, Instant endTime, Double minProbability) {
    }

    private final DataSource db;
    private final ObjectMapper json;

    public ConjunctionRepository(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public Page<Conjunction> list(Filter f, int page, int limit) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (f.spacecraftId() != null) {
            where.append(" AND (primary_spacecraft_id = ? OR secondary_spacecraft_id = ?)");
            args.add(f.spacecraftId());
            args.add(f.spacecraftId());
        }
        if (f.startTime() != null) {
            where.append(" AND tca >= ?");
            args.add(f.startTime());
        }
        if (f.endTime() != null) {
            where.append(" AND tca <= ?");
            args.add(f.endTime());
        }
        if (f.minProbability() != null) {
            where.append(" AND collision_probability >= ?");
            args.add(f.minProbability());
        }
        try (Connection c = db.getConnection()) {
            return PagedQuery.run(c, "conjunction", COLUMNS, where.toString(), args, "tca, id", page, limit,
                    this::read);
        } catch (SQLException e) {
            throw new DatabaseException("listing conjunctions", e);
        }
    }

    /** Up to {@code limit} conjunctions with an id above {@code afterId}, by id, as the caller's transaction sees them. */
    public List<Conjunction> page(Connection c, long afterId, int limit) throws SQLException {
        List<Conjunction> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM conjunction WHERE id > ? ORDER BY id LIMIT ?")) {
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

    public Optional<Conjunction> find(long id) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM conjunction WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading conjunction " + id, e);
        }
    }

    /** Inserts, within the caller's transaction, a validated request whose object ids name existing spacecraft. */
    public Conjunction create(Connection c, ConjunctionCreate in, Instant now) {
        String sql = "INSERT INTO conjunction (primary_spacecraft_id, primary_name, primary_norad_id, primary_state, "
                + "secondary_spacecraft_id, secondary_name, secondary_norad_id, secondary_state, tca, "
                + "miss_distance_km, collision_probability, relative_velocity_kms, covariance_primary, "
                + "covariance_secondary, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) RETURNING id";
        ConjunctionObject p = in.primaryObject();
        ConjunctionObject s = in.secondaryObject();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, p.id());
            ps.setString(2, p.name());
            setInt(ps, 3, p.noradId());
            ps.setString(4, toJson(p.stateVector()));
            if (s.id() == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, s.id());
            }
            ps.setString(6, s.name());
            setInt(ps, 7, s.noradId());
            ps.setString(8, toJson(s.stateVector()));
            setInstant(ps, 9, in.tca());
            ps.setDouble(10, in.missDistance());
            setDouble(ps, 11, in.collisionProbability());
            setDouble(ps, 12, in.relativeVelocity());
            ps.setString(13, toJson(in.covariancePrimary()));
            ps.setString(14, toJson(in.covarianceSecondary()));
            setInstant(ps, 15, now);
            setInstant(ps, 16, now);
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            return new Conjunction(id, p, s, in.tca(), in.missDistance(), in.collisionProbability(),
                    in.relativeVelocity(), in.covariancePrimary(), in.covarianceSecondary(), now, now);
        } catch (SQLException e) {
            throw new DatabaseException("creating a conjunction", e);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private Conjunction read(ResultSet rs) throws SQLException {
        Long secondaryId = rs.getLong("secondary_spacecraft_id");
        if (rs.wasNull()) {
            secondaryId = null;
        }
        ConjunctionObject primary = new ConjunctionObject(rs.getLong("primary_spacecraft_id"),
                rs.getString("primary_name"), integer(rs, "primary_norad_id"),
                fromJson(rs.getString("primary_state"), StateVector.class));
        ConjunctionObject secondary = new ConjunctionObject(secondaryId, rs.getString("secondary_name"),
                integer(rs, "secondary_norad_id"), fromJson(rs.getString("secondary_state"), StateVector.class));
        return new Conjunction(rs.getLong("id"), primary, secondary, instant(rs, "tca"),
                rs.getDouble("miss_distance_km"), dbl(rs, "collision_probability"), dbl(rs, "relative_velocity_kms"),
                matrix(rs.getString("covariance_primary")), matrix(rs.getString("covariance_secondary")),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T fromJson(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    private List<List<Double>> matrix(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MATRIX);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored covariance is not readable", e);
        }
    }
}
