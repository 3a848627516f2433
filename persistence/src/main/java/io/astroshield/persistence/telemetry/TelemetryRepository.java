package io.astroshield.persistence.telemetry;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Spacecraft, their telemetry points, limit sets (history kept) and samples (tables
 * {@code spacecraft}, {@code telemetry_point}, {@code limit_set}, {@code telemetry_sample}).
 */
public final class TelemetryRepository {

    private static final String UPSERT_SPACECRAFT = """
            MERGE INTO spacecraft (spacecraft_id, name, norad_id, mission, created_at) KEY (spacecraft_id)
            VALUES (?, ?, ?, ?, ?)
            """;

    private static final String SPACECRAFT = """
            SELECT spacecraft_id, name, norad_id, mission, created_at FROM spacecraft ORDER BY spacecraft_id
            """;

    private static final String UPSERT_POINT = """
            MERGE INTO telemetry_point (spacecraft_id, point_name, unit, description) KEY (spacecraft_id, point_name)
            VALUES (?, ?, ?, ?)
            """;

    private static final String POINTS = """
            SELECT spacecraft_id, point_name, unit, description FROM telemetry_point
            WHERE spacecraft_id = ? ORDER BY point_name
            """;

    private static final String INSERT_LIMITS = """
            INSERT INTO limit_set (spacecraft_id, point_name, valid_from, watch_low, watch_high, warning_low,
                                   warning_high, distress_low, distress_high, critical_low, critical_high,
                                   severe_low, severe_high, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String LIMIT_COLUMNS = """
            SELECT spacecraft_id, point_name, valid_from, watch_low, watch_high, warning_low, warning_high,
                   distress_low, distress_high, critical_low, critical_high, severe_low, severe_high,
                   changed_by, changed_at
            FROM limit_set
            """;

    /** The limit set in force at a time: the latest one valid from that time or earlier. */
    private static final String LIMITS_AT = LIMIT_COLUMNS + """
            WHERE spacecraft_id = ? AND point_name = ? AND valid_from <= ?
            ORDER BY valid_from DESC, id DESC FETCH FIRST 1 ROW ONLY
            """;

    private static final String LIMIT_HISTORY = LIMIT_COLUMNS + """
            WHERE spacecraft_id = ? AND point_name = ? ORDER BY valid_from, id
            """;

    /** A sample received twice (same point and time) is stored once, with the later value. */
    private static final String UPSERT_SAMPLE = """
            MERGE INTO telemetry_sample (spacecraft_id, point_name, sample_time, sample_value, quality, received_at)
                KEY (spacecraft_id, point_name, sample_time)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private static final String SAMPLES = """
            SELECT spacecraft_id, point_name, sample_time, sample_value, quality, received_at
            FROM telemetry_sample
            WHERE spacecraft_id = ? AND point_name = ? AND sample_time >= ? AND sample_time < ?
            ORDER BY sample_time
            """;

    private final Connection c;

    public TelemetryRepository(Connection c) {
        this.c = c;
    }

    public void saveSpacecraft(SpacecraftRow s) {
        Jdbc.update(c, "Storing spacecraft " + s.spacecraftId(), UPSERT_SPACECRAFT, ps -> {
            ps.setString(1, s.spacecraftId());
            ps.setString(2, s.name());
            Jdbc.setInteger(ps, 3, s.noradId());
            ps.setString(4, s.mission());
            Jdbc.setInstant(ps, 5, s.createdAt());
        });
    }

    public List<SpacecraftRow> spacecraft() {
        return Jdbc.list(c, "Reading spacecraft", SPACECRAFT, Jdbc.NO_PARAMETERS, rs -> new SpacecraftRow(
                rs.getString("spacecraft_id"), rs.getString("name"), Jdbc.nullableInt(rs, "norad_id"),
                rs.getString("mission"), Jdbc.instant(rs, "created_at")));
    }

    public void savePoint(TelemetryPointRow p) {
        Jdbc.update(c, "Storing telemetry point " + p.pointName(), UPSERT_POINT, ps -> {
            ps.setString(1, p.spacecraftId());
            ps.setString(2, p.pointName());
            ps.setString(3, p.unit());
            ps.setString(4, p.description());
        });
    }

    public List<TelemetryPointRow> points(String spacecraftId) {
        return Jdbc.list(c, "Reading telemetry points of " + spacecraftId, POINTS, ps -> ps.setString(1, spacecraftId),
                rs -> new TelemetryPointRow(rs.getString("spacecraft_id"), rs.getString("point_name"),
                        rs.getString("unit"), rs.getString("description")));
    }

    /** Adds a limit set; earlier ones stay as history. Returns its id. */
    public long addLimitSet(LimitSetRow l) {
        return Jdbc.insert(c, "Storing limits of " + l.spacecraftId() + "/" + l.pointName(), INSERT_LIMITS, ps -> {
            ps.setString(1, l.spacecraftId());
            ps.setString(2, l.pointName());
            Jdbc.setInstant(ps, 3, l.validFrom());
            bindRange(ps, 4, l.watch());
            bindRange(ps, 6, l.warning());
            bindRange(ps, 8, l.distress());
            bindRange(ps, 10, l.critical());
            bindRange(ps, 12, l.severe());
            ps.setString(14, l.changedBy());
            Jdbc.setInstant(ps, 15, l.changedAt());
        });
    }

    public Optional<LimitSetRow> limitsAt(String spacecraftId, String pointName, Instant t) {
        return Jdbc.one(c, "Reading limits of " + spacecraftId + "/" + pointName, LIMITS_AT, ps -> {
            ps.setString(1, spacecraftId);
            ps.setString(2, pointName);
            Jdbc.setInstant(ps, 3, t);
        }, TelemetryRepository::mapLimits);
    }

    public List<LimitSetRow> limitHistory(String spacecraftId, String pointName) {
        return Jdbc.list(c, "Reading limit history of " + spacecraftId + "/" + pointName, LIMIT_HISTORY, ps -> {
            ps.setString(1, spacecraftId);
            ps.setString(2, pointName);
        }, TelemetryRepository::mapLimits);
    }

    public void appendSamples(Collection<TelemetrySampleRow> samples) {
        Jdbc.batch(c, "Storing telemetry samples", UPSERT_SAMPLE, samples, 1000, (ps, s) -> {
            ps.setString(1, s.spacecraftId());
            ps.setString(2, s.pointName());
            Jdbc.setInstant(ps, 3, s.sampleTime());
            ps.setDouble(4, s.value());
            ps.setString(5, s.quality().name());
            Jdbc.setInstant(ps, 6, s.receivedAt());
        });
    }

    /** Samples of one point with time in [from, to), oldest first. */
    public List<TelemetrySampleRow> samples(String spacecraftId, String pointName, Instant from, Instant to) {
        return Jdbc.list(c, "Reading telemetry of " + spacecraftId + "/" + pointName, SAMPLES, ps -> {
            ps.setString(1, spacecraftId);
            ps.setString(2, pointName);
            Jdbc.setInstant(ps, 3, from);
            Jdbc.setInstant(ps, 4, to);
        }, rs -> new TelemetrySampleRow(rs.getString("spacecraft_id"), rs.getString("point_name"),
                Jdbc.instant(rs, "sample_time"), rs.getDouble("sample_value"),
                SampleQuality.valueOf(rs.getString("quality")), Jdbc.instant(rs, "received_at")));
    }

    private static void bindRange(PreparedStatement ps, int first, LimitRange r) throws SQLException {
        Jdbc.setDouble(ps, first, r.low());
        Jdbc.setDouble(ps, first + 1, r.high());
    }

    private static LimitRange range(ResultSet rs, String severity) throws SQLException {
        return new LimitRange(Jdbc.nullableDouble(rs, severity + "_low"), Jdbc.nullableDouble(rs, severity + "_high"));
    }

    private static LimitSetRow mapLimits(ResultSet rs) throws SQLException {
        return new LimitSetRow(rs.getString("spacecraft_id"), rs.getString("point_name"),
                Jdbc.instant(rs, "valid_from"), range(rs, "watch"), range(rs, "warning"), range(rs, "distress"),
                range(rs, "critical"), range(rs, "severe"), rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"));
    }
}
