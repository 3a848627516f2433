package io.astroshield.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.Tx;
import io.astroshield.persistence.sync.MirrorRow;
import io.astroshield.sync.protocol.AlarmRecord;
import io.astroshield.sync.protocol.Change;
import io.astroshield.sync.protocol.ChangesPage;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionDisposition;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.TelemetryData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings the local copy of server data ({@code sync_mirror}) up to the server's change log: each page of changes
 * is applied in one H2 transaction together with the cursor after it, so that a crash or an error anywhere leaves
 * data and cursor as they were before the page. A 409 (cursor older than the server keeps) is answered by a
 * snapshot, read in pages and stored whole with its first page's cursor in one transaction, after which paging
 * goes on from there: no gap. Every entity the log carries is kept, telemetry included (download-only reference
 * data: new samples arrive as upserts; a snapshot brings only each subsystem's newest sample).
 */
final class Downloader {
    /** The cursor's scope in {@code sync_cursor}: the server's one change log. */
    static final String SCOPE = "server.change_log";
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    /** Called inside the page's transaction after each change is written (a test hook; throwing aborts the page). */
    @FunctionalInterface
    interface ChangeHook {
        void applied(Change change);
    }

    private final Store store;
    private final ServerApi api;
    private final ObjectMapper json;
    private final Clock clock;
    private final int pageSize;
    private final ChangeHook hook;

    Downloader(Store store, ServerApi api, ObjectMapper json, Clock clock, int pageSize, ChangeHook hook) {
        this.store = store;
        this.api = api;
        this.json = json;
        this.clock = clock;
        this.pageSize = pageSize;
        this.hook = hook;
    }

    /** The stored cursor, 0 before the first download. */
    long cursor() {
        return store.read(tx -> cursor(tx));
    }

    /** Pulls until the log has no more; returns how many changes were applied (a snapshot counts its rows). */
    long pull() {
        long applied = 0;
        long cursor = cursor();
        while (true) {
            ChangesPage page;
            try {
                page = api.changes(cursor, pageSize);
            } catch (SyncException e) {
                if (e.kind() != SyncException.Kind.CURSOR_EXPIRED) {
                    throw e;
                }
                LOG.info("the server no longer keeps changes after cursor {}; loading a snapshot", cursor);
                Snapshot snapshot = snapshot();
                applied += storeSnapshot(snapshot);
                cursor = snapshot.cursor();
                continue;
            }
            if (page.nextCursor() < cursor) {
                throw SyncException.transientFailure("the server's change log went back from " + cursor + " to "
                        + page.nextCursor(), null);
            }
            if (!page.changes().isEmpty() || page.nextCursor() != cursor) {
                storePage(page, cursor);
                applied += page.changes().size();
            }
            cursor = page.nextCursor();
            if (!page.hasMore()) {
                return applied;
            }
        }
    }

    private void storePage(ChangesPage page, long expectedCursor) {
        Instant now = clock.instant();
        store.write(tx -> {
            // a second puller (the live stream's and the loop's) may have stored this page already
            if (cursor(tx) != expectedCursor) {
                return null;
            }
            for (Change change : page.changes()) {
                if ("DELETE".equals(change.op())) {
                    tx.syncMirror().delete(change.entity(), change.entityId());
                } else {
                    tx.syncMirror().upsert(new MirrorRow(change.entity(), change.entityId(),
                            change.payload().toString(), change.seq(), change.changedAt(), now));
                }
                hook.applied(change);
            }
            tx.syncCursors().save(SCOPE, Long.toString(page.nextCursor()), now);
            return null;
        });
    }

    /**
     * The whole snapshot, page after page, with the FIRST page's cursor: each page is read in its own server
     * snapshot, so the later pages may already hold changes made after that cursor, and the change log from it
     * replays them (whole-entity upserts and deletes) to the same end state; a later cursor could skip changes to
     * entities the earlier pages held.
     */
    private Snapshot snapshot() {
        Snapshot first = api.snapshotPage(null, pageSize);
        List<Spacecraft> spacecraft = new ArrayList<>(first.spacecraft());
        List<Conjunction> conjunctions = new ArrayList<>(first.conjunctions());
        List<TelemetryData> telemetry = new ArrayList<>(first.telemetry());
        List<ConjunctionNote> notes = new ArrayList<>(first.conjunctionNotes());
        List<ConjunctionDisposition> dispositions = new ArrayList<>(first.conjunctionDispositions());
        List<AlarmRecord> alarms = new ArrayList<>(first.alarms());
        for (String next = first.next(); next != null; ) {
            Snapshot page = api.snapshotPage(next, pageSize);
            spacecraft.addAll(page.spacecraft());
            conjunctions.addAll(page.conjunctions());
            telemetry.addAll(page.telemetry());
            notes.addAll(page.conjunctionNotes());
            dispositions.addAll(page.conjunctionDispositions());
            alarms.addAll(page.alarms());
            next = page.next();
        }
        return new Snapshot(first.cursor(), spacecraft, conjunctions, telemetry, notes, dispositions, alarms, null);
    }

    /** Replaces the whole mirror by the snapshot, with its cursor, in one transaction. */
    private long storeSnapshot(Snapshot s) {
        Instant now = clock.instant();
        return store.write(tx -> {
            tx.syncMirror().clear();
            long rows = 0;
            for (Spacecraft sc : s.spacecraft()) {
                put(tx, "spacecraft", sc.id(), sc, s.cursor(), sc.lastUpdated(), now);
                rows++;
            }
            for (Conjunction c : s.conjunctions()) {
                put(tx, "conjunction", c.id(), c, s.cursor(), c.updatedAt(), now);
                rows++;
            }
            for (ConjunctionNote n : s.conjunctionNotes()) {
                put(tx, "conjunction_note", n.id(), n, s.cursor(), n.createdAt(), now);
                rows++;
            }
            for (ConjunctionDisposition d : s.conjunctionDispositions()) {
                put(tx, "conjunction_disposition", d.conjunctionId(), d, s.cursor(), d.updatedAt(), now);
                rows++;
            }
            for (AlarmRecord a : s.alarms()) {
                put(tx, SharedAlarms.ENTITY, a.id(), a, s.cursor(), a.lastActionAt(), now);
                rows++;
            }
            for (TelemetryData t : s.telemetry()) {
                put(tx, "telemetry", t.id(), t, s.cursor(), t.timestamp(), now);
                rows++;
            }
            tx.syncCursors().save(SCOPE, Long.toString(s.cursor()), now);
            return rows;
        });
    }

    private void put(Tx tx, String entity, long id, Object value, long seq, Instant changedAt, Instant now) {
        try {
            tx.syncMirror().upsert(new MirrorRow(entity, id, json.writeValueAsString(value), seq, changedAt, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a downloaded " + entity + " as JSON", e);
        }
    }

    private static long cursor(Tx tx) {
        Optional<String> stored = tx.syncCursors().get(SCOPE);
        return stored.map(Long::parseLong).orElse(0L);
    }
}
