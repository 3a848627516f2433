package io.astroshield.persistence;

import io.astroshield.persistence.alarms.AlarmEngineRepository;
import io.astroshield.persistence.alarms.AlarmRepository;
import io.astroshield.persistence.alarms.AuditEventRepository;
import io.astroshield.persistence.alarms.AuditRepository;
import io.astroshield.persistence.catalog.ElementSetRepository;
import io.astroshield.persistence.catalog.EphemerisRepository;
import io.astroshield.persistence.catalog.SpaceObjectRepository;
import io.astroshield.persistence.cdm.CdmRepository;
import io.astroshield.persistence.screening.ConjunctionEventRepository;
import io.astroshield.persistence.screening.ScreeningRunRepository;
import io.astroshield.persistence.sync.MirrorRepository;
import io.astroshield.persistence.sync.OutboxRepository;
import io.astroshield.persistence.sync.SyncCursorRepository;
import io.astroshield.persistence.telemetry.TelemetryRepository;
import io.astroshield.persistence.workspace.LayoutRepository;
import io.astroshield.persistence.workspace.NoteRepository;
import io.astroshield.persistence.workspace.SettingRepository;

import java.sql.Connection;

/**
 * One open transaction of a {@link Store}: every repository it hands out works inside it, so
 * changes made through several of them commit or roll back together (a change and its outbox
 * row, a page of downloaded changes and its cursor). Valid only inside the
 * {@link Store#write}/{@link Store#read} call that created it.
 */
public final class Tx {

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    public SpaceObjectRepository spaceObjects() {
        return new SpaceObjectRepository(connection);
    }

    public ElementSetRepository elementSets() {
        return new ElementSetRepository(connection);
    }

    public EphemerisRepository ephemerides() {
        return new EphemerisRepository(connection);
    }

    public CdmRepository cdms() {
        return new CdmRepository(connection);
    }

    public ScreeningRunRepository screeningRuns() {
        return new ScreeningRunRepository(connection);
    }

    public ConjunctionEventRepository conjunctionEvents() {
        return new ConjunctionEventRepository(connection);
    }

    public TelemetryRepository telemetry() {
        return new TelemetryRepository(connection);
    }

    public AlarmRepository alarms() {
        return new AlarmRepository(connection);
    }

    public AuditRepository audit() {
        return new AuditRepository(connection);
    }

    /** The alarm engine's occurrences, conjunction tracks and trend, limit sets and counters. */
    public AlarmEngineRepository alarmEngine() {
        return new AlarmEngineRepository(connection);
    }

    /** The alarm engine's events in the append-only audit. */
    public AuditEventRepository auditEvents() {
        return new AuditEventRepository(connection);
    }

    public NoteRepository notes() {
        return new NoteRepository(connection);
    }

    public SettingRepository settings() {
        return new SettingRepository(connection);
    }

    public LayoutRepository layouts() {
        return new LayoutRepository(connection);
    }

    public OutboxRepository outbox() {
        return new OutboxRepository(connection);
    }

    public SyncCursorRepository syncCursors() {
        return new SyncCursorRepository(connection);
    }

    /** Server data as downloaded by the sync client. */
    public MirrorRepository syncMirror() {
        return new MirrorRepository(connection);
    }
}
