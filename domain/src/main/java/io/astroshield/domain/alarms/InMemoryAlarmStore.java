package io.astroshield.domain.alarms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The store port in memory: for tests, demos and offline sessions without a database. It
 * checks what the H2 implementation's constraints will check (audit sequence and op id
 * strictly increasing), before changing anything, so a rejected commit changes nothing.
 */
public final class InMemoryAlarmStore implements AlarmStore {

    private final Map<UUID, AlarmOccurrence> occurrences = new LinkedHashMap<>();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final List<AlarmCommand> outbox = new ArrayList<>();
    private final Map<String, ConjunctionTrack> tracks = new LinkedHashMap<>();
    private final Map<String, List<ConjunctionTrendPoint>> trend = new LinkedHashMap<>();
    private final Map<String, TelemetryLimitSet> telemetryLimitSets = new LinkedHashMap<>();
    private final Map<String, ConjunctionLimitSet> conjunctionLimitSets = new LinkedHashMap<>();
    private String activeTelemetryLimitSet;
    private long commits;

    @Override
    public synchronized void commit(AlarmChangeSet changes) {
        long lastSequence = lastAuditSequence();
        for (AuditEvent e : changes.audit()) {
            if (e.sequence() <= lastSequence) {
                throw new IllegalStateException("audit sequence " + e.sequence() + " not above " + lastSequence);
            }
            lastSequence = e.sequence();
        }
        long lastOp = lastOpId();
        for (AlarmCommand c : changes.outbox()) {
            if (c.opId() <= lastOp) {
                throw new IllegalStateException("op id " + c.opId() + " not above " + lastOp);
            }
            lastOp = c.opId();
        }
        changes.occurrences().forEach(o -> occurrences.put(o.id(), o));
        audit.addAll(changes.audit());
        outbox.addAll(changes.outbox());
        changes.tracks().forEach(t -> tracks.put(t.eventId(), t));
        changes.trend().forEach(p -> trend.computeIfAbsent(p.eventId(), k -> new ArrayList<>()).add(p));
        changes.telemetryLimitSets().forEach(s -> telemetryLimitSets.put(s.name(), s));
        changes.conjunctionLimitSets().forEach(s -> conjunctionLimitSets.put(s.name(), s));
        if (changes.activeTelemetryLimitSet() != null) {
            activeTelemetryLimitSet = changes.activeTelemetryLimitSet();
        }
        commits++;
    }

    @Override
    public synchronized StoredAlarms load() {
        return new StoredAlarms(
                occurrences.values().stream().filter(o -> !o.cleared()).toList(),
                tracks.values().stream().filter(t -> !t.closed()).toList(),
                List.copyOf(telemetryLimitSets.values()), List.copyOf(conjunctionLimitSets.values()),
                activeTelemetryLimitSet, lastAuditSequence(), lastOpId());
    }

    @Override
    public synchronized List<AuditEvent> audit(long afterSequence, int limit) {
        return audit.stream().filter(e -> e.sequence() > afterSequence).limit(limit).toList();
    }

    @Override
    public synchronized List<ConjunctionTrendPoint> trend(String eventId) {
        return List.copyOf(trend.getOrDefault(eventId, List.of()));
    }

    /** Every occurrence ever stored, cleared ones included, in first-stored order. */
    public synchronized List<AlarmOccurrence> occurrences() {
        return List.copyOf(occurrences.values());
    }

    /** The whole audit, oldest first. */
    public synchronized List<AuditEvent> audit() {
        return List.copyOf(audit);
    }

    /** The outbox, oldest first (nothing here sends it; the sync client does). */
    public synchronized List<AlarmCommand> outbox() {
        return List.copyOf(outbox);
    }

    /** Number of commits applied; a commit of an empty change set never reaches the store. */
    public synchronized long commits() {
        return commits;
    }

    private long lastAuditSequence() {
        return audit.isEmpty() ? 0 : audit.get(audit.size() - 1).sequence();
    }

    private long lastOpId() {
        return outbox.isEmpty() ? 0 : outbox.get(outbox.size() - 1).opId();
    }
}
