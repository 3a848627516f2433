package io.astroshield.persistence.screening;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conjunction events and their update history (tables {@code conjunction_event},
 * {@code conjunction_event_update}).
 * <p>
 * An observation belongs to an existing event when the event has the same primary and secondary
 * and its latest TCA is within {@link #SAME_EVENT} of the observation's TCA (the closest such
 * event when there are several); otherwise it starts a new event. Either way it is stored as one
 * more update row, and the event row takes its values: the update rows of an event are its Pc and
 * miss-distance trend.
 */
public final class ConjunctionEventRepository {

    /** Two reports of the same pair with TCAs this close are the same event (DESIGN.md, alarm model). */
    public static final Duration SAME_EVENT = Duration.ofMinutes(5);

    /** Observations are matched in TCA order, this many at a time, each slice with one range query. */
    private static final int SLICE = 5_000;

    private static final String EVENT_COLUMNS = """
            id, primary_norad, secondary_norad, status, first_recorded_at, last_recorded_at, closed_at, update_count,
            tca, miss_distance_m, relative_speed_mps, pc, pc_max, pc_method, encounter""";

    /** Events that could match a slice of observations: latest TCA within the slice's range +- 5 min. */
    private static final String CANDIDATES = """
            SELECT id, primary_norad, secondary_norad, tca
            FROM conjunction_event
            WHERE tca BETWEEN ? AND ?
            """;

    private static final String NEXT_IDS = "SELECT NEXT VALUE FOR conjunction_event_id_seq FROM SYSTEM_RANGE(1, ?)";

    private static final String INSERT_EVENT = """
            INSERT INTO conjunction_event (id, primary_norad, secondary_norad, status, first_recorded_at,
                                           last_recorded_at, closed_at, update_count, tca, miss_distance_m,
                                           relative_speed_mps, pc, pc_max, pc_method, encounter)
            VALUES (?, ?, ?, 'OPEN', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** A new report reopens a closed event. */
    private static final String UPDATE_EVENT = """
            UPDATE conjunction_event
            SET status = 'OPEN', closed_at = NULL, last_recorded_at = ?, update_count = update_count + ?,
                tca = ?, miss_distance_m = ?, relative_speed_mps = ?, pc = ?, pc_max = ?, pc_method = ?, encounter = ?
            WHERE id = ?
            """;

    private static final String INSERT_UPDATE = """
            INSERT INTO conjunction_event_update (event_id, run_id, cdm_id, recorded_at, tca, miss_distance_m,
                                                  relative_speed_mps, radial_m, in_track_m, cross_track_m, encounter,
                                                  primary_age_d, secondary_age_d, pc, pc_method, pc_max,
                                                  covariance_source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String FIND = "SELECT " + EVENT_COLUMNS + " FROM conjunction_event WHERE id = ?";

    /**
     * Highest Pc first among events whose latest TCA is in [from, to). The index on (pc DESC, tca)
     * gives the rows in the wanted order, so the scan stops after {@code limit} rows in the window.
     */
    private static final String TOP_BY_PC = "SELECT " + EVENT_COLUMNS + """

            FROM conjunction_event USE INDEX (conjunction_event_pc)
            WHERE tca >= ? AND tca < ? AND pc IS NOT NULL
            ORDER BY pc DESC, tca
            FETCH FIRST ? ROWS ONLY
            """;

    private static final String IN_WINDOW = "SELECT " + EVENT_COLUMNS + """

            FROM conjunction_event
            WHERE tca >= ? AND tca < ?
            ORDER BY tca, primary_norad, secondary_norad
            """;

    private static final String FOR_PAIR = "SELECT " + EVENT_COLUMNS + """

            FROM conjunction_event
            WHERE primary_norad = ? AND secondary_norad = ?
            ORDER BY tca
            """;

    /** The event's updates in the order they were recorded: its Pc and miss trend. */
    private static final String TREND = """
            SELECT u.id, u.event_id, u.run_id, u.cdm_id, u.recorded_at, u.tca, u.miss_distance_m,
                   u.relative_speed_mps, u.radial_m, u.in_track_m, u.cross_track_m, u.encounter, u.primary_age_d,
                   u.secondary_age_d, u.pc, u.pc_method, u.pc_max, u.covariance_source,
                   e.primary_norad, e.secondary_norad
            FROM conjunction_event_update u JOIN conjunction_event e ON e.id = u.event_id
            WHERE u.event_id = ?
            ORDER BY u.id
            """;

    private static final String COUNT_UPDATES_OF_RUN = "SELECT COUNT(*) FROM conjunction_event_update WHERE run_id = ?";

    private static final String CLOSE = """
            UPDATE conjunction_event SET status = 'CLOSED', closed_at = ?
            WHERE id = ? AND status = 'OPEN'
            """;

    private static final String CLOSE_PAST = """
            UPDATE conjunction_event SET status = 'CLOSED', closed_at = ?
            WHERE status = 'OPEN' AND tca < ?
            """;

    private static final String COUNT = "SELECT COUNT(*) FROM conjunction_event";

    private final Connection c;

    public ConjunctionEventRepository(Connection c) {
        this.c = c;
    }

    /**
     * Files each observation under its event (an existing one or a new one), stores it as an update
     * and refreshes the event. Returns, per observation in the given order, the event it went to.
     *
     * @param runId      the screening run that produced the observations, or null
     * @param cdmId      the CDM they came from, or null
     * @param recordedAt when they were recorded
     */
    public List<RecordedUpdate> record(List<ConjunctionObservation> observations, Long runId, Long cdmId,
                                       Instant recordedAt) {
        int n = observations.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> observations.get(i).tca()));

        Map<Long, List<Slot>> byPair = new HashMap<>();
        Set<Long> known = new HashSet<>();
        Slot[] slotOf = new Slot[n];
        List<Slot> touched = new ArrayList<>();
        for (int from = 0; from < n; from += SLICE) {
            int to = Math.min(n, from + SLICE);
            Instant lo = observations.get(order[from]).tca().minus(SAME_EVENT);
            Instant hi = observations.get(order[to - 1]).tca().plus(SAME_EVENT);
            loadCandidates(lo, hi, byPair, known);
            for (int k = from; k < to; k++) {
                int i = order[k];
                ConjunctionObservation o = observations.get(i);
                List<Slot> slots = byPair.computeIfAbsent(pairKey(o.primaryNorad(), o.secondaryNorad()),
                        key -> new ArrayList<>(1));
                Slot slot = closest(slots, o.tca());
                if (slot == null) {
                    slot = new Slot(0, o.tca(), true);
                    slots.add(slot);
                }
                if (slot.updates == 0) {
                    touched.add(slot);
                }
                slot.tca = o.tca();
                slot.latest = o;
                slot.updates++;
                slotOf[i] = slot;
            }
        }
        assignIds(touched);
        writeEvents(touched, recordedAt);
        Jdbc.batch(c, "Storing conjunction event updates", INSERT_UPDATE, Arrays.asList(order), 1000,
                (ps, i) -> bindUpdate(ps, slotOf[i].id, runId, cdmId, recordedAt, observations.get(i)));

        List<RecordedUpdate> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new RecordedUpdate(slotOf[i].id, slotOf[i].isNew));
        }
        return result;
    }

    public Optional<StoredEvent> find(long eventId) {
        return Jdbc.one(c, "Reading conjunction event " + eventId, FIND, ps -> ps.setLong(1, eventId),
                ConjunctionEventRepository::mapEvent);
    }

    /** The {@code limit} events with the highest latest Pc whose latest TCA is in [from, to). */
    public List<StoredEvent> topByPc(Instant from, Instant to, int limit) {
        return Jdbc.list(c, "Reading the highest-Pc conjunction events", TOP_BY_PC, ps -> {
            Jdbc.setInstant(ps, 1, from);
            Jdbc.setInstant(ps, 2, to);
            ps.setInt(3, limit);
        }, ConjunctionEventRepository::mapEvent);
    }

    /** Events whose latest TCA is in [from, to), by TCA, then primary, then secondary. */
    public List<StoredEvent> inWindow(Instant from, Instant to) {
        return Jdbc.list(c, "Reading conjunction events by TCA", IN_WINDOW, ps -> {
            Jdbc.setInstant(ps, 1, from);
            Jdbc.setInstant(ps, 2, to);
        }, ConjunctionEventRepository::mapEvent);
    }

    public List<StoredEvent> forPair(int primaryNorad, int secondaryNorad) {
        return Jdbc.list(c, "Reading conjunction events of " + primaryNorad + "/" + secondaryNorad, FOR_PAIR, ps -> {
            ps.setInt(1, primaryNorad);
            ps.setInt(2, secondaryNorad);
        }, ConjunctionEventRepository::mapEvent);
    }

    /** The updates of one event in recording order: its Pc and miss-distance trend. */
    public List<StoredUpdate> trend(long eventId) {
        return Jdbc.list(c, "Reading the trend of conjunction event " + eventId, TREND, ps -> ps.setLong(1, eventId),
                ConjunctionEventRepository::mapUpdate);
    }

    public long countUpdatesOfRun(long runId) {
        return Jdbc.count(c, "Counting updates of screening run " + runId, COUNT_UPDATES_OF_RUN,
                ps -> ps.setLong(1, runId));
    }

    /** Closes an open event; returns false when it was not open. */
    public boolean close(long eventId, Instant at) {
        return Jdbc.update(c, "Closing conjunction event " + eventId, CLOSE, ps -> {
            Jdbc.setInstant(ps, 1, at);
            ps.setLong(2, eventId);
        }) == 1;
    }

    /** Closes every open event whose latest TCA is before {@code tcaBefore}; returns how many. */
    public int closePast(Instant tcaBefore, Instant at) {
        return Jdbc.update(c, "Closing past conjunction events", CLOSE_PAST, ps -> {
            Jdbc.setInstant(ps, 1, at);
            Jdbc.setInstant(ps, 2, tcaBefore);
        });
    }

    public long count() {
        return Jdbc.count(c, "Counting conjunction events", COUNT, Jdbc.NO_PARAMETERS);
    }

    // ---- matching -------------------------------------------------------------------------------

    /** An event as the matching sees it: stored ({@code id > 0}) or new in this call. */
    private static final class Slot {
        long id;
        Instant tca;
        final boolean isNew;
        int updates;
        ConjunctionObservation latest;

        Slot(long id, Instant tca, boolean isNew) {
            this.id = id;
            this.tca = tca;
            this.isNew = isNew;
        }
    }

    private static long pairKey(int primary, int secondary) {
        return ((long) primary << 32) | (secondary & 0xffffffffL);
    }

    private static Slot closest(List<Slot> slots, Instant tca) {
        Slot best = null;
        Duration bestDistance = SAME_EVENT;
        for (Slot s : slots) {
            // Duration, not nanoseconds: TCAs centuries apart overflow a long of nanoseconds
            Duration d = Duration.between(s.tca, tca).abs();
            if (d.compareTo(bestDistance) <= 0) {
                best = s;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Adds the stored events of the range that this call has not seen yet. */
    private void loadCandidates(Instant lo, Instant hi, Map<Long, List<Slot>> byPair, Set<Long> known) {
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            Jdbc.setInstant(ps, 1, lo);
            Jdbc.setInstant(ps, 2, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (known.add(id)) {
                        byPair.computeIfAbsent(pairKey(rs.getInt(2), rs.getInt(3)), key -> new ArrayList<>(1))
                                .add(new Slot(id, Jdbc.instant(rs, "tca"), false));
                    }
                }
            }
        } catch (SQLException e) {
            throw Jdbc.wrap("Looking up conjunction events near the new observations", e);
        }
    }

    private void assignIds(List<Slot> touched) {
        int fresh = 0;
        for (Slot s : touched) {
            fresh += s.isNew ? 1 : 0;
        }
        if (fresh == 0) {
            return;
        }
        int count = fresh;
        List<Long> ids = Jdbc.list(c, "Numbering new conjunction events", NEXT_IDS, ps -> ps.setInt(1, count),
                rs -> rs.getLong(1));
        int k = 0;
        for (Slot s : touched) {
            if (s.isNew) {
                s.id = ids.get(k++);
            }
        }
    }

    private void writeEvents(List<Slot> touched, Instant recordedAt) {
        List<Slot> inserts = new ArrayList<>();
        List<Slot> updates = new ArrayList<>();
        for (Slot s : touched) {
            (s.isNew ? inserts : updates).add(s);
        }
        Jdbc.batch(c, "Storing new conjunction events", INSERT_EVENT, inserts, 1000, (ps, s) -> {
            ConjunctionObservation o = s.latest;
            ps.setLong(1, s.id);
            ps.setInt(2, o.primaryNorad());
            ps.setInt(3, o.secondaryNorad());
            Jdbc.setInstant(ps, 4, recordedAt);
            Jdbc.setInstant(ps, 5, recordedAt);
            ps.setInt(6, s.updates);
            bindLatest(ps, 7, o);
        });
        Jdbc.batch(c, "Updating conjunction events", UPDATE_EVENT, updates, 1000, (ps, s) -> {
            Jdbc.setInstant(ps, 1, recordedAt);
            ps.setInt(2, s.updates);
            bindLatest(ps, 3, s.latest);
            ps.setLong(10, s.id);
        });
    }

    /** tca, miss, speed, pc, pc_max, pc_method, encounter from {@code first} on. */
    private static void bindLatest(PreparedStatement ps, int first, ConjunctionObservation o) throws SQLException {
        Jdbc.setInstant(ps, first, o.tca());
        ps.setDouble(first + 1, o.missDistanceM());
        ps.setDouble(first + 2, o.relativeSpeedMps());
        Jdbc.setDouble(ps, first + 3, o.pc());
        Jdbc.setDouble(ps, first + 4, o.pcMax());
        ps.setString(first + 5, o.pcMethod());
        ps.setString(first + 6, o.encounter().name());
    }

    private static void bindUpdate(PreparedStatement ps, long eventId, Long runId, Long cdmId, Instant recordedAt,
                                   ConjunctionObservation o) throws SQLException {
        ps.setLong(1, eventId);
        Jdbc.setLong(ps, 2, runId);
        Jdbc.setLong(ps, 3, cdmId);
        Jdbc.setInstant(ps, 4, recordedAt);
        Jdbc.setInstant(ps, 5, o.tca());
        ps.setDouble(6, o.missDistanceM());
        ps.setDouble(7, o.relativeSpeedMps());
        ps.setDouble(8, o.radialM());
        ps.setDouble(9, o.inTrackM());
        ps.setDouble(10, o.crossTrackM());
        ps.setString(11, o.encounter().name());
        Jdbc.setDouble(ps, 12, o.primaryAgeDays());
        Jdbc.setDouble(ps, 13, o.secondaryAgeDays());
        Jdbc.setDouble(ps, 14, o.pc());
        ps.setString(15, o.pcMethod());
        Jdbc.setDouble(ps, 16, o.pcMax());
        ps.setString(17, o.covarianceSource());
    }

    private static StoredEvent mapEvent(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("id"), rs.getInt("primary_norad"), rs.getInt("secondary_norad"),
                EventStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "first_recorded_at"),
                Jdbc.instant(rs, "last_recorded_at"), Jdbc.instant(rs, "closed_at"), rs.getInt("update_count"),
                Jdbc.instant(rs, "tca"), rs.getDouble("miss_distance_m"), rs.getDouble("relative_speed_mps"),
                Jdbc.nullableDouble(rs, "pc"), Jdbc.nullableDouble(rs, "pc_max"), rs.getString("pc_method"),
                EncounterKind.valueOf(rs.getString("encounter")));
    }

    private static StoredUpdate mapUpdate(ResultSet rs) throws SQLException {
        ConjunctionObservation o = new ConjunctionObservation(rs.getInt("primary_norad"),
                rs.getInt("secondary_norad"), Jdbc.instant(rs, "tca"), rs.getDouble("miss_distance_m"),
                rs.getDouble("relative_speed_mps"), rs.getDouble("radial_m"), rs.getDouble("in_track_m"),
                rs.getDouble("cross_track_m"), EncounterKind.valueOf(rs.getString("encounter")),
                Jdbc.nullableDouble(rs, "primary_age_d"), Jdbc.nullableDouble(rs, "secondary_age_d"),
                Jdbc.nullableDouble(rs, "pc"), rs.getString("pc_method"), Jdbc.nullableDouble(rs, "pc_max"),
                rs.getString("covariance_source"));
        return new StoredUpdate(rs.getLong("id"), rs.getLong("event_id"), Jdbc.nullableLong(rs, "run_id"),
                Jdbc.nullableLong(rs, "cdm_id"), Jdbc.instant(rs, "recorded_at"), o);
    }
}
