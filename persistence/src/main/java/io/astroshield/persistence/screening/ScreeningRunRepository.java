package io.astroshield.persistence.screening;

import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Screening runs (tables {@code screening_run}, {@code screening_run_primary}). */
public final class ScreeningRunRepository {

    private static final String INSERT = """
            INSERT INTO screening_run (started_at, window_start, window_duration_s, threshold_m, mode, origin, status)
            VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')
            """;

    private static final String INSERT_PRIMARY = "INSERT INTO screening_run_primary (run_id, norad_id) VALUES (?, ?)";

    private static final String FINISH = """
            UPDATE screening_run SET finished_at = ?, status = ?, catalog_size = ?, candidate_pairs = ?,
                   event_count = ?, propagation_s = ?, broad_phase_s = ?, narrow_phase_s = ?, total_s = ?, message = ?
            WHERE id = ? AND status = 'RUNNING'
            """;

    private static final String SELECT = """
            SELECT id, started_at, finished_at, window_start, window_duration_s, threshold_m, origin, catalog_size,
                   candidate_pairs, event_count, propagation_s, broad_phase_s, narrow_phase_s, total_s, status, message
            FROM screening_run
            """;

    private static final String PRIMARIES = "SELECT norad_id FROM screening_run_primary WHERE run_id = ? ORDER BY norad_id";

    private final Connection c;

    public ScreeningRunRepository(Connection c) {
        this.c = c;
    }

    /** Records a run that starts now and returns its id. */
    public long start(Instant startedAt, RunParameters p) {
        long id = Jdbc.insert(c, "Storing a screening run", INSERT, ps -> {
            Jdbc.setInstant(ps, 1, startedAt);
            Jdbc.setInstant(ps, 2, p.windowStart());
            ps.setDouble(3, p.windowDuration().toNanos() / 1e9);
            ps.setDouble(4, p.thresholdM());
            ps.setString(5, p.allVsAll() ? "ALL_VS_ALL" : "PRIMARIES");
            ps.setString(6, p.origin().name());
        });
        Jdbc.batch(c, "Storing the primaries of screening run " + id, INSERT_PRIMARY, p.primaries(), 1000,
                (ps, norad) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, norad);
                });
        return id;
    }

    /** Records how a running run ended; a run can end once. */
    public void finish(long runId, RunOutcome o) {
        int n = Jdbc.update(c, "Finishing screening run " + runId, FINISH, ps -> {
            Jdbc.setInstant(ps, 1, o.finishedAt());
            ps.setString(2, o.status().name());
            Jdbc.setInteger(ps, 3, o.catalogSize());
            Jdbc.setLong(ps, 4, o.candidatePairs());
            Jdbc.setInteger(ps, 5, o.eventCount());
            Jdbc.setDouble(ps, 6, o.propagationS());
            Jdbc.setDouble(ps, 7, o.broadPhaseS());
            Jdbc.setDouble(ps, 8, o.narrowPhaseS());
            Jdbc.setDouble(ps, 9, o.totalS());
            ps.setString(10, o.message());
            ps.setLong(11, runId);
        });
        if (n != 1) {
            throw new StoreException(StoreError.CONFLICT, "Screening run " + runId + " does not exist or has ended");
        }
    }

    public Optional<StoredRun> find(long runId) {
        return Jdbc.one(c, "Reading screening run " + runId, SELECT + "WHERE id = ?", ps -> ps.setLong(1, runId),
                this::map);
    }

    /** The most recent runs first. */
    public List<StoredRun> recent(int limit) {
        return Jdbc.list(c, "Listing screening runs", SELECT + "ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY",
                ps -> ps.setInt(1, limit), this::map);
    }

    private StoredRun map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Integer> primaries = Jdbc.list(c, "Reading the primaries of screening run " + id, PRIMARIES,
                ps -> ps.setLong(1, id), r -> r.getInt(1));
        double durationS = rs.getDouble("window_duration_s");
        RunParameters p = new RunParameters(Jdbc.instant(rs, "window_start"),
                Duration.ofNanos(Math.round(durationS * 1e9)), rs.getDouble("threshold_m"), primaries,
                DataOrigin.valueOf(rs.getString("origin")));
        RunStatus status = RunStatus.valueOf(rs.getString("status"));
        RunOutcome outcome = status == RunStatus.RUNNING ? null : new RunOutcome(Jdbc.instant(rs, "finished_at"),
                status, Jdbc.nullableInt(rs, "catalog_size"), Jdbc.nullableLong(rs, "candidate_pairs"),
                Jdbc.nullableInt(rs, "event_count"), Jdbc.nullableDouble(rs, "propagation_s"),
                Jdbc.nullableDouble(rs, "broad_phase_s"), Jdbc.nullableDouble(rs, "narrow_phase_s"),
                Jdbc.nullableDouble(rs, "total_s"), rs.getString("message"));
        return new StoredRun(id, Jdbc.instant(rs, "started_at"), p, status, outcome);
    }
}
