package io.astroshield.persistence;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The purge behind {@link Store#purge}. Each kind is removed in slices of {@link #SLICE} rows, one
 * transaction per slice, so a purge of millions of rows never holds one huge transaction and an
 * interrupted purge has removed whole slices only (running it again finishes it).
 */
final class Retention {

    private static final int SLICE = 10_000;

    /** Old element sets, but never an object's newest one. */
    private static final String PURGE_ELEMENT_SETS = """
            DELETE FROM element_set e
            WHERE e.epoch < ?
              AND e.epoch < (SELECT MAX(x.epoch) FROM element_set x WHERE x.norad_id = e.norad_id)
            FETCH FIRST 10000 ROWS ONLY
            """;

    private static final String PURGE_TELEMETRY = """
            DELETE FROM telemetry_sample WHERE sample_time < ?
            FETCH FIRST 10000 ROWS ONLY
            """;

    /** Closed, past events none of whose alarms still needs anything (all occurrences CLEARED). */
    private static final String PURGEABLE_EVENTS = """
            SELECT u.event_id FROM conjunction_event_update u
            WHERE u.tca_hour <= ? AND u.tca < ? AND u.is_latest AND u.closed_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM alarm_occurrence o WHERE o.event_id = u.event_id AND o.state <> 'CLEARED')
            FETCH FIRST 10000 ROWS ONLY
            """;

    private static final String PURGE_EVENT_ALARMS =
            "DELETE FROM alarm_occurrence WHERE event_id = ANY(?) AND state = 'CLEARED'";

    private static final String PURGE_EVENTS = "DELETE FROM conjunction_event_update WHERE event_id = ANY(?)";

    /** Only ops the server has answered; PENDING and PARKED stay. */
    private static final String PURGE_OUTBOX = """
            DELETE FROM sync_outbox
            WHERE status IN ('APPLIED', 'DUPLICATE', 'REJECTED') AND resolved_at < ?
            FETCH FIRST 10000 ROWS ONLY
            """;

    PurgeReport purge(Store store, RetentionPolicy policy, Instant now) {
        long elementSets = policy.elementSets() == null ? 0
                : deleteInSlices(store, "Purging old element sets", PURGE_ELEMENT_SETS, now.minus(policy.elementSets()));
        long telemetry = policy.telemetry() == null ? 0
                : deleteInSlices(store, "Purging old telemetry", PURGE_TELEMETRY, now.minus(policy.telemetry()));
        long[] events = policy.closedEvents() == null ? new long[3]
                : purgeEvents(store, now.minus(policy.closedEvents()));
        long outbox = policy.syncedOutbox() == null ? 0
                : deleteInSlices(store, "Purging answered sync ops", PURGE_OUTBOX, now.minus(policy.syncedOutbox()));
        return new PurgeReport(elementSets, telemetry, events[0], events[1], events[2], outbox);
    }

    private static long deleteInSlices(Store store, String what, String sql, Instant cutoff) {
        long total = 0;
        while (true) {
            int n = store.write(tx -> Jdbc.update(tx.connection(), what, sql, ps -> Jdbc.setInstant(ps, 1, cutoff)));
            total += n;
            if (n < SLICE) {
                return total;
            }
        }
    }

    /** Returns {events, updates, alarm occurrences} removed. */
    private static long[] purgeEvents(Store store, Instant cutoff) {
        long[] totals = new long[3];
        while (true) {
            int slice = store.write(tx -> {
                Connection c = tx.connection();
                List<Long> ids = Jdbc.list(c, "Finding purgeable conjunction events", PURGEABLE_EVENTS, ps -> {
                    ps.setInt(1, Math.toIntExact(Math.floorDiv(cutoff.getEpochSecond(), 3600L)));
                    Jdbc.setInstant(ps, 2, cutoff);
                }, rs -> rs.getLong(1));
                if (ids.isEmpty()) {
                    return 0;
                }
                Object[] idArray = ids.toArray();
                totals[2] += Jdbc.update(c, "Purging alarms of old events", PURGE_EVENT_ALARMS,
                        ps -> ps.setObject(1, idArray));
                totals[1] += Jdbc.update(c, "Purging old events and their updates", PURGE_EVENTS,
                        ps -> ps.setObject(1, idArray));
                totals[0] += ids.size();
                return ids.size();
            });
            if (slice < SLICE) {
                return totals;
            }
        }
    }
}
