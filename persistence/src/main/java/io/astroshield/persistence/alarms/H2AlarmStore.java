package io.astroshield.persistence.alarms;

import io.astroshield.domain.alarms.AlarmChangeSet;
import io.astroshield.domain.alarms.AlarmCommand;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmStore;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.ConjunctionTrendPoint;
import io.astroshield.domain.alarms.StoredAlarms;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.sync.OutboxOp;
import io.astroshield.persistence.sync.OutboxRepository;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The alarm engine's store port ({@link AlarmStore}) on the workstation's H2 store. Each
 * {@link #commit} is one {@link Store#write} transaction: occurrences upserted by id into
 * {@code alarm_occurrence}, audit events appended to {@code audit_record} (INSERT only; the table
 * refuses UPDATE and DELETE), operator commands queued in {@code sync_outbox}, conjunction tracks
 * upserted with their trend points appended, limit sets replaced by name, and the device's audit
 * sequence and op id advanced. It is durable when it returns (the store's {@link
 * io.astroshield.persistence.Durability}); when it throws, nothing of the change set is stored.
 *
 * <p>One store per device: the audit sequence and op ids are this device's, and a change set
 * carrying another device's events, or a sequence or op id not above the last one stored, is
 * refused ({@link StoreError#INVALID_ARGUMENT}, {@link StoreError#CONFLICT}) before anything is
 * written. Thread-safe: it holds no state of its own.
 *
 * <p>Values come back exactly (NaN included, instants to the nanosecond), with one exception: H2
 * keeps a single zero, so a value of -0.0 comes back as 0.0.
 */
public final class H2AlarmStore implements AlarmStore {

    private final Store store;
    private final String deviceId;

    public H2AlarmStore(Store store, String deviceId) {
        this.store = Objects.requireNonNull(store, "store");
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
        this.deviceId = deviceId;
    }

    public String deviceId() {
        return deviceId;
    }

    @Override
    public void commit(AlarmChangeSet changes) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            return;
        }
        checkDevice(changes);
        // mapped before the transaction starts: a change set the rows refuse never opens one
        List<EngineOccurrenceRow> occurrences = changes.occurrences().stream().map(AlarmRows::row).toList();
        List<AuditEventRow> audit = changes.audit().stream().map(AlarmRows::row).toList();
        List<OutboxOp> outbox = changes.outbox().stream().map(AlarmRows::outboxOp).toList();
        List<ConjunctionTrackRow> tracks = changes.tracks().stream().map(AlarmRows::row).toList();
        List<TrendPointRow> trend = changes.trend().stream().map(AlarmRows::row).toList();
        List<TelemetryLimitSetRow> telemetrySets = changes.telemetryLimitSets().stream().map(AlarmRows::row).toList();
        List<ConjunctionLimitSetRow> conjunctionSets =
                changes.conjunctionLimitSets().stream().map(AlarmRows::row).toList();
        store.write(tx -> {
            AlarmEngineRepository engine = tx.alarmEngine();
            EngineState before = engine.lockState(deviceId);
            EngineState after = advance(before, changes);
            engine.upsertOccurrences(occurrences);
            tx.auditEvents().append(audit);
            OutboxRepository queue = tx.outbox();
            for (OutboxOp op : outbox) {
                queue.enqueue(op);
            }
            engine.upsertTracks(tracks);
            engine.appendTrend(trend);
            telemetrySets.forEach(engine::saveTelemetryLimitSet);
            conjunctionSets.forEach(engine::saveConjunctionLimitSet);
            if (!after.equals(before)) {
                engine.saveState(deviceId, after);
            }
            return null;
        });
    }

    @Override
    public StoredAlarms load() {
        return store.read(tx -> {
            AlarmEngineRepository engine = tx.alarmEngine();
            EngineState state = engine.state(deviceId);
            return new StoredAlarms(
                    engine.openOccurrences().stream().map(AlarmRows::occurrence).toList(),
                    engine.openTracks().stream().map(AlarmRows::track).toList(),
                    engine.telemetryLimitSets().stream().map(AlarmRows::limitSet).toList(),
                    engine.conjunctionLimitSets().stream().map(AlarmRows::limitSet).toList(),
                    state.activeTelemetryLimitSet(), state.lastAuditSequence(), state.lastOpId());
        });
    }

    @Override
    public List<AuditEvent> audit(long afterSequence, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: " + limit);
        }
        return store.read(tx -> tx.auditEvents().after(deviceId, afterSequence, limit).stream()
                .map(AlarmRows::event).toList());
    }

    /** The audit history of one occurrence, oldest first. */
    public List<AuditEvent> audit(UUID occurrenceId) {
        return store.read(tx -> tx.auditEvents().forOccurrence(occurrenceId).stream().map(AlarmRows::event).toList());
    }

    @Override
    public List<ConjunctionTrendPoint> trend(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return store.read(tx -> tx.alarmEngine().trend(eventId).stream().map(AlarmRows::trendPoint).toList());
    }

    /** Every occurrence the engine stored, cleared ones included, oldest trigger first. */
    public List<AlarmOccurrence> occurrences() {
        return store.read(tx -> tx.alarmEngine().occurrences().stream().map(AlarmRows::occurrence).toList());
    }

    /** One occurrence as last stored, cleared or not. */
    public Optional<AlarmOccurrence> occurrence(UUID id) {
        Objects.requireNonNull(id, "id");
        return store.read(tx -> tx.alarmEngine().occurrence(id).map(AlarmRows::occurrence));
    }

    private void checkDevice(AlarmChangeSet changes) {
        for (AuditEvent e : changes.audit()) {
            if (!e.deviceId().equals(deviceId)) {
                throw new StoreException(StoreError.INVALID_ARGUMENT, "Audit event " + e.sequence() + " of device "
                        + e.deviceId() + " given to the alarm store of device " + deviceId);
            }
        }
        for (AlarmCommand c : changes.outbox()) {
            if (!c.deviceId().equals(deviceId)) {
                throw new StoreException(StoreError.INVALID_ARGUMENT, "Command " + c.opId() + " of device "
                        + c.deviceId() + " given to the alarm store of device " + deviceId);
            }
        }
    }

    /** The counters after the change set; refuses a sequence or op id that does not rise above the stored one. */
    private EngineState advance(EngineState before, AlarmChangeSet changes) {
        long sequence = before.lastAuditSequence();
        for (AuditEvent e : changes.audit()) {
            if (e.sequence() <= sequence) {
                throw new StoreException(StoreError.CONFLICT, "Audit sequence " + e.sequence() + " of device "
                        + deviceId + " is not above " + sequence + ", already stored: is another alarm engine "
                        + "writing as this device?");
            }
            sequence = e.sequence();
        }
        long opId = before.lastOpId();
        for (AlarmCommand c : changes.outbox()) {
            if (c.opId() <= opId) {
                throw new StoreException(StoreError.CONFLICT, "Op id " + c.opId() + " of device " + deviceId
                        + " is not above " + opId + ", already stored: is another alarm engine writing as this device?");
            }
            opId = c.opId();
        }
        String active = changes.activeTelemetryLimitSet() != null ? changes.activeTelemetryLimitSet()
                : before.activeTelemetryLimitSet();
        return new EngineState(sequence, opId, active);
    }
}
