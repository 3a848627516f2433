package io.astroshield.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.TelemetryData;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.astroshield.sync.server.SpacecraftRepository.instant;
import static io.astroshield.sync.server.SpacecraftRepository.setInstant;

/** The {@code telemetry} table: the published {@code TelemetryData}, metrics kept as the JSON object they are. */
final class TelemetryRepository {
    static final Set<String> SUBSYSTEMS = Set.of("power", "thermal", "attitude", "communications");
    /**
     * The list's {@code meta.total} counts at most this many samples: a spacecraft sampled every 10 s has over 3
     * million in 90 days, and counting them all on every poll would cost more than the page itself.
     */
    static final long MAX_TOTAL = 10_000;

    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() { };
    private static final String COLUMNS = "id, spacecraft_id, subsystem, sampled_at, metrics::text AS metrics";

    /** The published list filters of one spacecraft; null means not filtered. */
    record Filter(long spacecraftId, Instant startTime, Instant endTime, String subsystem) {
    }

    private final DataSource db;
    private final ObjectMapper json;

    TelemetryRepository(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One page, newest first (so that page 1 holds the current values), and the total up to {@link #MAX_TOTAL}. */
    Page<TelemetryData> list(Filter f, int page, int limit) {
        StringBuilder where = new StringBuilder(" WHERE spacecraft_id = ?");
        List<Object> args = new ArrayList<>(List.of(f.spacecraftId()));
        if (f.startTime() != null) {
            where.append(" AND sampled_at >= ?");
            args.add(f.startTime());
        }
        if (f.endTime() != null) {
            where.append(" AND sampled_at <= ?");
            args.add(f.endTime());
        }
        if (f.subsystem() != null) {
            where.append(" AND subsystem = ?");
            args.add(f.subsystem());
        }
        try (Connection c = db.getConnection()) {
            return PagedQuery.run(c, "telemetry", COLUMNS, where.toString(), args, "sampled_at DESC, id DESC", page,
                    limit, this::read, MAX_TOTAL);
        } catch (SQLException e) {
            throw new DatabaseException("listing telemetry of spacecraft " + f.spacecraftId(), e);
        }
    }

    /**
     * Inserts one sample within the caller's transaction; empty when this spacecraft already has a sample of this
     * subsystem at this time (a repeated write changes nothing).
     */
    Optional<TelemetryData> insert(Connection c, long spacecraftId, String subsystem, Instant at,
                                   Map<String, Double> metrics) throws SQLException {
        String sql = "INSERT INTO telemetry (spacecraft_id, subsystem, sampled_at, metrics) VALUES (?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (spacecraft_id, subsystem, sampled_at) DO NOTHING RETURNING " + COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, spacecraftId);
            ps.setString(2, subsystem);
            setInstant(ps, 3, at);
            ps.setString(4, json.writeValueAsString(metrics));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write telemetry metrics as JSON", e);
        }
    }

    /**
     * Of the newest samples of every (spacecraft, subsystem), up to {@code limit} with an id above {@code afterId},
     * by id, as the caller's transaction sees them.
     */
    List<TelemetryData> latestPage(Connection c, long afterId, int limit) throws SQLException {
        List<TelemetryData> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (SELECT DISTINCT ON (spacecraft_id, subsystem) "
                + COLUMNS + " FROM telemetry ORDER BY spacecraft_id, subsystem, sampled_at DESC) newest "
                + "WHERE id > ? ORDER BY id LIMIT ?")) {
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

    /**
     * Deletes the samples taken before {@code cutoff}; returns how many. Clients keep what they downloaded (the
     * change log never carried deletions of telemetry).
     */
    int pruneBefore(Instant cutoff) {
        return Transactions.inTransaction(db, "pruning telemetry", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM telemetry WHERE sampled_at < ?")) {
                setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    private TelemetryData read(ResultSet rs) throws SQLException {
        try {
            return new TelemetryData(rs.getLong("id"), rs.getLong("spacecraft_id"), instant(rs, "sampled_at"),
                    rs.getString("subsystem"), json.readValue(rs.getString("metrics"), METRICS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored telemetry metrics are not a JSON object of numbers", e);
        }
    }
}
