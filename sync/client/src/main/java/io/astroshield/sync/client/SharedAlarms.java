package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmSource;
import io.astroshield.domain.alarms.ConjunctionTrack;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.RemoteStamp;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.SharedAlarm;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.MirrorRow;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.sync.protocol.AlarmRecord;
import io.astroshield.sync.protocol.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The console's half of shared alarm state (issue 5): the alarm records the server's state machine keeps arrive
 * in the change log (entity {@value #ENTITY}) and sit in {@code sync_mirror}; {@link #apply} brings the local alarm
 * engine's open live occurrences to them, as remote transitions ({@link AlarmEngine#applyShared}). Each occurrence
 * is matched to its record by the rule the server uses ({@link AlarmRecord#episodeFor}): same definition and
 * subject, or for a conjunction alarm same pair with the track's latest TCA within 5 minutes. Occurrences with an
 * alarm op of this console the server has not answered yet are left alone until it has, so a record that does not
 * know that op yet never undoes it; once answered (applied, or rejected because another console was first) the
 * record decides. Call it after a completed sync ({@link SyncClient#addSyncListener}), on the engine's thread; one
 * instance per store and engine, confined to that thread (it keeps the records it parsed: a sync that brought no
 * alarm change parses none, docs/benchmarks.md "Shared alarm state").
 */
public final class SharedAlarms {
    /** The change-log entity of a shared alarm record. */
    public static final String ENTITY = "alarm";
    /** The outbox op types of alarm commands (persistence {@code AlarmRows}). */
    private static final String OP_PREFIX = "ALARM_";
    private static final ObjectMapper JSON = Json.newMapper();

    private final Store store;
    /** The records parsed so far by id, with the change-log position of the copy they were parsed from. */
    private Map<Long, Parsed> parsed = new HashMap<>();

    private record Parsed(long changeSeq, AlarmRecord record) {
    }

    public SharedAlarms(Store store) {
        this.store = store;
    }

    /** Applies the downloaded records to {@code engine}, whose store this is; returns how many occurrences changed. */
    public int apply(AlarmEngine engine) {
        List<AlarmRecord> records = downloaded();
        if (records.isEmpty()) {
            return 0;
        }
        return engine.applyShared(match(engine, records, unanswered(store)));
    }

    /** The shared alarm records as last downloaded, by id; only rows the last call did not see are parsed. */
    List<AlarmRecord> downloaded() {
        List<MirrorRow> rows = store.read(tx -> tx.syncMirror().all(ENTITY));
        Map<Long, Parsed> now = new HashMap<>(rows.size() * 2);
        List<AlarmRecord> records = new ArrayList<>(rows.size());
        for (MirrorRow r : rows) {
            Parsed p = parsed.get(r.entityId());
            if (p == null || p.changeSeq() != r.changeSeq()) {
                try {
                    p = new Parsed(r.changeSeq(), JSON.readValue(r.payload(), AlarmRecord.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("downloaded alarm " + r.entityId() + " is not an AlarmRecord", e);
                }
            }
            now.put(r.entityId(), p);
            records.add(p.record());
        }
        parsed = now;
        return records;
    }

    /** Occurrences with an alarm op the server has not answered yet (pending or parked). */
    static Set<UUID> unanswered(Store store) {
        Set<UUID> busy = new HashSet<>();
        List<StoredOp> ops = store.read(tx -> {
            List<StoredOp> waiting = new ArrayList<>(tx.outbox().parked());
            waiting.addAll(tx.outbox().pending(Integer.MAX_VALUE));
            return waiting;
        });
        for (StoredOp op : ops) {
            if (!op.op().opType().startsWith(OP_PREFIX)) {
                continue;
            }
            try {
                JsonNode id = JSON.readTree(op.op().payload()).path("occurrenceId");
                if (id.isTextual()) {
                    busy.add(UUID.fromString(id.asText()));
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("alarm op " + op.op().opId() + " has no readable occurrence", e);
            }
        }
        return busy;
    }

    /** Each open live occurrence that is not {@code busy} and has a record: that record, as the domain's value. */
    static Map<UUID, SharedAlarm> match(AlarmEngine engine, List<AlarmRecord> records, Set<UUID> busy) {
        Map<String, List<AlarmRecord>> byKey = new HashMap<>();
        for (AlarmRecord r : records) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>(1)).add(r);
        }
        Map<UUID, SharedAlarm> matched = new LinkedHashMap<>();
        for (AlarmOccurrence o : engine.openOccurrences()) {
            if (o.key().origin() != DataOrigin.LIVE || busy.contains(o.id())) {
                continue;
            }
            String definition = o.key().definitionId();
            List<AlarmRecord> sameKey;
            if (o.source() == AlarmSource.CONJUNCTION) {
                Optional<ConjunctionTrack> track = engine.conjunctions().track(o.key().subject());
                if (track.isEmpty()) {
                    continue;
                }
                ConjunctionTrack t = track.get();
                sameKey = byKey.getOrDefault(AlarmRecord.conjunctionKey(definition, t.primaryId(), t.secondaryId()),
                        List.of()).stream()
                        .filter(r -> r.sameEvent(definition, t.primaryId(), t.secondaryId(), t.latestTca())).toList();
            } else {
                sameKey = byKey.getOrDefault(AlarmRecord.telemetryKey(definition, o.key().subject()), List.of())
                        .stream().filter(r -> !r.conjunction()).toList();
            }
            AlarmRecord.episodeFor(sameKey, o.triggeredAt()).ifPresent(r -> matched.put(o.id(), domain(r)));
        }
        return matched;
    }

    static SharedAlarm domain(AlarmRecord r) {
        return new SharedAlarm(r.id(), stamp(r.acknowledged()), severity(r.ackSeverity()), r.ackComment(),
                stamp(r.shelved()), r.shelveReason(), r.shelvedUntil(), stamp(r.unshelved()), stamp(r.assigned()),
                r.assignee(), stamp(r.reset()));
    }

    private static RemoteStamp stamp(AlarmRecord.Stamp s) {
        return s == null ? null : new RemoteStamp(s.user(), Role.valueOf(s.role().toUpperCase(Locale.ROOT)), s.device(),
                s.deviceTime(), s.serverTime());
    }

    private static Severity severity(String s) {
        return s == null ? null : Severity.valueOf(s);
    }
}
