package io.astroshield.domain.alarms;

import java.util.List;

/**
 * The port through which the alarm engine keeps its state; the persistence module implements
 * it on H2, {@link InMemoryAlarmStore} in memory. It is also the audit sink: audit events
 * reach it only inside a change set, together with the state they explain.
 *
 * <p>Contract: {@link #commit} writes the whole change set or nothing (one transaction),
 * so an occurrence is never stored without its audit event or its outbox command. When it
 * throws, the store is as before and the engine reloads itself from {@link #load()}.
 * The engine commits state changes, not every value update: a restart shows the value of the
 * last transition until the next sample arrives.
 */
public interface AlarmStore {

    void commit(AlarmChangeSet changes);

    /** The state to rebuild the engine from; a restart is exactly this. */
    StoredAlarms load();

    /** Audit events with a sequence above {@code afterSequence}, oldest first, at most {@code limit}. */
    List<AuditEvent> audit(long afterSequence, int limit);

    /** Every recorded update of one conjunction event, oldest first. */
    List<ConjunctionTrendPoint> trend(String eventId);
}
