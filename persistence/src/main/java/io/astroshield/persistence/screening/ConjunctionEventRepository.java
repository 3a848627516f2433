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
 * Conjunction events and their update history (table {@code conjunction_event_update}, one row
 * per update; view {@code conjunction_event}, one row per event).
 * <p>
 * An observation belongs to an existing event when the event has the same primary and secondary
 * and its latest TCA is within {@link #SAME_EVENT} of the observation's TCA (the closest such
 * event when there are several); otherwise it starts a new event. Either way it is stored as one
 * more row, which becomes the event's latest: the rows of an event are its Pc and miss trend.
 */
public final class ConjunctionEventRepository {

    /** Two reports of the same pair with TCAs this close are the same event (DESIGN.md, alarm model). */
    public static final Duration SAME_EVENT = Duration.ofMinutes(5);

    /** Observations are matched in TCA order, this many at a time, each slice with one range query. */
    private static final int SLICE = 5_000;

    /** Above this many TCA hours, {@link #topByPc} sorts the window instead of merging per-hour tops. */
    private static final int MAX_HOURS_MERGED = 7 * 24;

    private static final String UPDATE_COLUMNS = """
            id, event_id, update_number, primary_norad, secondary_norad, run_id, cdm_id, first_recorded_at,
            recorded_at, closed_at, tca, miss_distance_m, relative_speed_mps, radial_m, in_track_m, cross_track_m,
            encounter, primary_age_d, secondary_age_d, pc, pc_method, pc_max, covariance_source""";

    /** Latest rows that could match a slice of observations: TCA within the slice's range +- 5 min. */
    private static final String CANDIDATES = """
            SELECT id, event_id, update_number, primary_norad, secondary_norad, tca, first_recorded_at
            FROM conjunction_event_update
            WHERE tca_hour BETWEEN ? AND ? AND is_latest AND tca BETWEEN ? AND ?
            """;

    private static final String NEXT_IDS = "SELECT NEXT VALUE FOR conjunction_event_id_seq FROM SYSTEM_RANGE(1, ?)";

    private static final String SUPERSEDE = "UPDATE conjunction_event_update SET is_latest = FALSE WHERE id = ?";

    private static final String INSERT = """
            INSERT INTO conjunction_event_update (event_id, update_number, is_latest, primary_norad, secondary_norad,
                                                  run_id, cdm_id, first_recorded_at, recorded_at, closed_at, tca,
                                                  tca_hour, miss_distance_m, relative_speed_mps, radial_m, in_track_m,
                                                  cross_track_m, encounter, primary_age_d, secondary_age_d, pc,
                                                  pc_method, pc_max, covariance_source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String FIND = "SELECT " + UPDATE_COLUMNS + """

            FROM conjunction_event_update WHERE event_id = ? AND is_latest
            """;

    /**
     * The ids of the highest-Pc latest rows of one TCA hour. Ordering by the index's columns (the
     * first two are fixed by the WHERE clause) lets H2 read the index in order and stop after
     * {@code limit} entries; ties in Pc come in row-id order, the index's own. Only the id and Pc
     * are selected, so an hour wholly inside the window needs no table rows at all.
     */
    private static final String TOP_IDS_OF_HOUR = """
            (SELECT id, pc FROM conjunction_event_update USE INDEX (conjunction_event_update_hour_pc)
             WHERE tca_hour = ? AND is_latest = TRUE AND pc IS NOT NULL
             ORDER BY tca_hour, is_latest, pc DESC
             FETCH FIRST ? ROWS ONLY)""";

    /** The same for an hour the window cuts: its rows are also checked against the window. */
    private static final String TOP_IDS_OF_CUT_HOUR = """
            (SELECT id, pc FROM conjunction_event_update USE INDEX (conjunction_event_update_hour_pc)
             WHERE tca_hour = ? AND is_latest = TRUE AND pc IS NOT NULL AND tca >= ? AND tca < ?
             ORDER BY tca_hour, is_latest, pc DESC
             FETCH FIRST ? ROWS ONLY)""";

    private static final String ROWS_BY_ID = "SELECT " + UPDATE_COLUMNS + """

            FROM conjunction_event_update WHERE id = ANY(?)
            """;

    /** For windows too long to merge per hour: sort the window's latest rows by Pc. */
    private static final String TOP_OF_WINDOW = "SELECT " + UPDATE_COLUMNS + """

            FROM conjunction_event_update
            WHERE tca_hour BETWEEN ? AND ? AND is_latest AND pc IS NOT NULL AND tca >= ? AND tca < ?
            ORDER BY pc DESC, id
            FETCH FIRST ? ROWS ONLY
            """;

    private static final String IN_WINDOW = "SELECT " + UPDATE_COLUMNS + """

            FROM conjunction_event_update
            WHERE tca_hour BETWEEN ? AND ? AND is_latest AND tca >= ? AND tca < ?
            ORDER BY tca, primary_norad, secondary_norad
            """;

    private static final String FOR_PAIR = "SELECT " + UPDATE_COLUMNS + """

            FROM conjunction_event_update
            WHERE tca_hour BETWEEN ? AND ? AND is_latest AND tca >= ? AND tca < ?
              AND primary_norad = ? AND secondary_norad = ?
            ORDER BY tca
            """;

    /** The event's updates in the order they were recorded: its Pc and miss trend. */
    private static final String TREND = "SELECT " + UPDATE_COLUMNS + """

            FROM conjunction_event_update
            WHERE event_id = ?
            ORDER BY update_number
            """;

    private static final String COUNT_UPDATES_OF_RUN = "SELECT COUNT(*) FROM conjunction_event_update WHERE run_id = ?";

    private static final String CLOSE = """
            UPDATE conjunction_event_update SET closed_at = ?
            WHERE event_id = ? AND is_latest AND closed_at IS NULL
            """;

    private static final String CLOSE_PAST = """
            UPDATE conjunction_event_update SET closed_at = ?
            WHERE tca_hour <= ? AND tca < ? AND is_latest AND closed_at IS NULL
            """;

    private static final String COUNT = "SELECT COUNT(*) FROM conjunction_event_update WHERE is_latest";

    private final Connection c;

    public ConjunctionEventRepository(Connection c) {
        this.c = c;
    }

    /**
     * Files each observation under its event (an existing one or a new one), stores it as an update
     * and refreshes the event. Returns, per observation in the given order, the event it went to.
     *
     * Two processes recording updates of the same event at the same moment cannot both succeed: the
     * unique (event_id, update_number) makes the later commit fail with {@code StoreError.CONFLICT};
     * the caller retries, and the retry files its observations after the winner's.
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
        int[] numberOf = new int[n];
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
                    slot = new Slot(0, 0, 0, o.tca(), recordedAt);
                    slots.add(slot);
                }
                if (slot.added == 0) {
                    touched.add(slot);
                }
                slot.tca = o.tca();
                slot.added++;
                slot.lastIndex = i;
                slotOf[i] = slot;
                numberOf[i] = slot.storedNumber + slot.added;
            }
        }
        assignIds(touched);
        List<Long> superseded = new ArrayList<>();
        for (Slot s : touched) {
            if (s.latestRowId != 0) {
                superseded.add(s.latestRowId);
            }
        }
        Jdbc.batch(c, "Marking superseded conjunction event updates", SUPERSEDE, superseded, 1000,
                (ps, rowId) -> ps.setLong(1, rowId));
        Jdbc.batch(c, "Storing conjunction event updates", INSERT, Arrays.asList(order), 1000, (ps, i) -> {
            Slot s = slotOf[i];
            bindInsert(ps, s.eventId, numberOf[i], s.lastIndex == i, runId, cdmId, s.firstRecordedAt, recordedAt,
                    observations.get(i));
        });

        List<RecordedUpdate> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new RecordedUpdate(slotOf[i].eventId, slotOf[i].storedNumber == 0));
        }
        return result;
    }

    public Optional<StoredEvent> find(long eventId) {
        return Jdbc.one(c, "Reading conjunction event " + eventId, FIND, ps -> ps.setLong(1, eventId),
                ConjunctionEventRepository::mapEvent);
    }

    /**
     * The {@code limit} events with the highest latest Pc whose latest TCA is in [from, to), highest
     * first; equal Pc in the order their latest update was recorded. Merges the top {@code limit} of
     * each TCA hour of the window (one ordered index range each, ids only), then reads those rows.
     */
    public List<StoredEvent> topByPc(Instant from, Instant to, int limit) {
        if (!from.isBefore(to) || limit <= 0) {
            return List.of();
        }
        int firstHour = tcaHour(from);
        int lastHour = tcaHour(to.minusNanos(1));
        int hours = lastHour - firstHour + 1;
        if (hours > MAX_HOURS_MERGED) {
            return Jdbc.list(c, "Reading the highest-Pc conjunction events", TOP_OF_WINDOW, ps -> {
                bindWindow(ps, 1, from, to);
                ps.setInt(5, limit);
            }, ConjunctionEventRepository::mapEvent);
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM (");
        boolean[] cut = new boolean[hours];
        for (int h = 0; h < hours; h++) {
            Instant hourStart = Instant.ofEpochSecond((firstHour + h) * 3600L);
            cut[h] = hourStart.isBefore(from) || hourStart.plusSeconds(3600).isAfter(to);
            sql.append(h == 0 ? "" : "\nUNION ALL\n").append(cut[h] ? TOP_IDS_OF_CUT_HOUR : TOP_IDS_OF_HOUR);
        }
        sql.append("\n) ORDER BY pc DESC, id FETCH FIRST ? ROWS ONLY");
        List<Long> ids = Jdbc.list(c, "Finding the highest-Pc conjunction events", sql.toString(), ps -> {
            int p = 1;
            for (int h = 0; h < hours; h++) {
                ps.setInt(p++, firstHour + h);
                if (cut[h]) {
                    Jdbc.setInstant(ps, p++, from);
                    Jdbc.setInstant(ps, p++, to);
                }
                ps.setInt(p++, limit);
            }
            ps.setInt(p, limit);
        }, rs -> rs.getLong(1));
        Map<Long, StoredEvent> byRow = new HashMap<>();
        Object[] idArray = ids.toArray();
        Jdbc.list(c, "Reading the highest-Pc conjunction events", ROWS_BY_ID, ps -> ps.setObject(1, idArray), rs -> {
            byRow.put(rs.getLong("id"), mapEvent(rs));
            return null;
        });
        List<StoredEvent> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            result.add(byRow.get(id));
        }
        return result;
    }

    /** Events whose latest TCA is in [from, to), by TCA, then primary, then secondary. */
    public List<StoredEvent> inWindow(Instant from, Instant to) {
        return Jdbc.list(c, "Reading conjunction events by TCA", IN_WINDOW, ps -> bindWindow(ps, 1, from, to),
                ConjunctionEventRepository::mapEvent);
    }

    /** Events of one pair whose latest TCA is in [from, to), by TCA (a scan of the window's TCA index range). */
    public List<StoredEvent> forPair(int primaryNorad, int secondaryNorad, Instant from, Instant to) {
        return Jdbc.list(c, "Reading conjunction events of " + primaryNorad + "/" + secondaryNorad, FOR_PAIR, ps -> {
            bindWindow(ps, 1, from, to);
            ps.setInt(5, primaryNorad);
            ps.setInt(6, secondaryNorad);
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
            ps.setInt(2, tcaHour(tcaBefore));
            Jdbc.setInstant(ps, 3, tcaBefore);
        });
    }

    public long count() {
        return Jdbc.count(c, "Counting conjunction events", COUNT, Jdbc.NO_PARAMETERS);
    }

    // ---- matching -------------------------------------------------------------------------------

    /** An event as the matching sees it: stored ({@code storedNumber > 0}) or new in this call. */
    private static final class Slot {
        long eventId;
        final long latestRowId;
        final int storedNumber;
        final Instant firstRecordedAt;
        Instant tca;
        int added;
        int lastIndex;

        Slot(long eventId, long latestRowId, int storedNumber, Instant tca, Instant firstRecordedAt) {
            this.eventId = eventId;
            this.latestRowId = latestRowId;
            this.storedNumber = storedNumber;
            this.tca = tca;
            this.firstRecordedAt = firstRecordedAt;
        }
    }

    /** tca_hour BETWEEN ? AND ? AND tca >= ? AND tca < ?, from {@code first} on. */
    private static void bindWindow(PreparedStatement ps, int first, Instant from, Instant to) throws SQLException {
        ps.setInt(first, tcaHour(from));
        ps.setInt(first + 1, tcaHour(to));
        Jdbc.setInstant(ps, first + 2, from);
        Jdbc.setInstant(ps, first + 3, to);
    }

    /** Hours since 1970-01-01T00:00Z, rounded down: the partition of the Pc index. */
    static int tcaHour(Instant t) {
        return Math.toIntExact(Math.floorDiv(t.getEpochSecond(), 3600L));
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
            ps.setInt(1, tcaHour(lo));
            ps.setInt(2, tcaHour(hi));
            Jdbc.setInstant(ps, 3, lo);
            Jdbc.setInstant(ps, 4, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long eventId = rs.getLong("event_id");
                    if (known.add(eventId)) {
                        byPair.computeIfAbsent(pairKey(rs.getInt("primary_norad"), rs.getInt("secondary_norad")),
                                key -> new ArrayList<>(1)).add(new Slot(eventId, rs.getLong("id"),
                                rs.getInt("update_number"), Jdbc.instant(rs, "tca"),
                                Jdbc.instant(rs, "first_recorded_at")));
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
            fresh += s.storedNumber == 0 ? 1 : 0;
        }
        if (fresh == 0) {
            return;
        }
        int count = fresh;
        List<Long> ids = Jdbc.list(c, "Numbering new conjunction events", NEXT_IDS, ps -> ps.setInt(1, count),
                rs -> rs.getLong(1));
        int k = 0;
        for (Slot s : touched) {
            if (s.storedNumber == 0) {
                s.eventId = ids.get(k++);
            }
        }
    }

    private static void bindInsert(PreparedStatement ps, long eventId, int number, boolean latest, Long runId,
                                   Long cdmId, Instant firstRecordedAt, Instant recordedAt, ConjunctionObservation o)
            throws SQLException {
        ps.setLong(1, eventId);
        ps.setInt(2, number);
        ps.setBoolean(3, latest);
        ps.setInt(4, o.primaryNorad());
        ps.setInt(5, o.secondaryNorad());
        Jdbc.setLong(ps, 6, runId);
        Jdbc.setLong(ps, 7, cdmId);
        Jdbc.setInstant(ps, 8, firstRecordedAt);
        Jdbc.setInstant(ps, 9, recordedAt);
        Jdbc.setInstant(ps, 10, o.tca());
        ps.setInt(11, tcaHour(o.tca()));
        ps.setDouble(12, o.missDistanceM());
        ps.setDouble(13, o.relativeSpeedMps());
        ps.setDouble(14, o.radialM());
        ps.setDouble(15, o.inTrackM());
        ps.setDouble(16, o.crossTrackM());
        ps.setString(17, o.encounter().name());
        Jdbc.setDouble(ps, 18, o.primaryAgeDays());
        Jdbc.setDouble(ps, 19, o.secondaryAgeDays());
        Jdbc.setDouble(ps, 20, o.pc());
        ps.setString(21, o.pcMethod());
        Jdbc.setDouble(ps, 22, o.pcMax());
        ps.setString(23, o.covarianceSource());
    }

    private static ConjunctionObservation observation(ResultSet rs) throws SQLException {
        return new ConjunctionObservation(rs.getInt("primary_norad"), rs.getInt("secondary_norad"),
                Jdbc.instant(rs, "tca"), rs.getDouble("miss_distance_m"), rs.getDouble("relative_speed_mps"),
                rs.getDouble("radial_m"), rs.getDouble("in_track_m"), rs.getDouble("cross_track_m"),
                EncounterKind.valueOf(rs.getString("encounter")), Jdbc.nullableDouble(rs, "primary_age_d"),
                Jdbc.nullableDouble(rs, "secondary_age_d"), Jdbc.nullableDouble(rs, "pc"), rs.getString("pc_method"),
                Jdbc.nullableDouble(rs, "pc_max"), rs.getString("covariance_source"));
    }

    /** An event from its latest row. */
    private static StoredEvent mapEvent(ResultSet rs) throws SQLException {
        Instant closedAt = Jdbc.instant(rs, "closed_at");
        return new StoredEvent(rs.getLong("event_id"), rs.getInt("primary_norad"), rs.getInt("secondary_norad"),
                closedAt == null ? EventStatus.OPEN : EventStatus.CLOSED, Jdbc.instant(rs, "first_recorded_at"),
                Jdbc.instant(rs, "recorded_at"), closedAt, rs.getInt("update_number"), Jdbc.instant(rs, "tca"),
                rs.getDouble("miss_distance_m"), rs.getDouble("relative_speed_mps"), Jdbc.nullableDouble(rs, "pc"),
                Jdbc.nullableDouble(rs, "pc_max"), rs.getString("pc_method"),
                EncounterKind.valueOf(rs.getString("encounter")), observation(rs));
    }

    private static StoredUpdate mapUpdate(ResultSet rs) throws SQLException {
        return new StoredUpdate(rs.getLong("id"), rs.getLong("event_id"), Jdbc.nullableLong(rs, "run_id"),
                Jdbc.nullableLong(rs, "cdm_id"), Jdbc.instant(rs, "recorded_at"), observation(rs));
    }
}
