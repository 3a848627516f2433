package io.astroshield.persistence;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.persistence.alarms.AlarmOccurrenceRow;
import io.astroshield.persistence.alarms.AlarmRepository;
import io.astroshield.persistence.alarms.AlarmSeverity;
import io.astroshield.persistence.alarms.AlarmState;
import io.astroshield.persistence.alarms.AuditEntry;
import io.astroshield.persistence.alarms.AuditRepository;
import io.astroshield.persistence.catalog.ElementSetRepository;
import io.astroshield.persistence.cdm.CdmObjectRow;
import io.astroshield.persistence.cdm.CdmRepository;
import io.astroshield.persistence.cdm.CdmRow;
import io.astroshield.persistence.screening.ConjunctionEventRepository;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.RunOutcome;
import io.astroshield.persistence.screening.RunParameters;
import io.astroshield.persistence.screening.RunStatus;
import io.astroshield.persistence.screening.ScreeningRunRepository;

import io.astroshield.persistence.sync.OutboxOp;
import io.astroshield.persistence.sync.OutboxRepository;
import io.astroshield.persistence.sync.SyncCursorRepository;
import io.astroshield.persistence.workspace.NoteRepository;
import io.astroshield.persistence.workspace.NoteRow;
import io.astroshield.persistence.workspace.NoteSubject;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The rows written into stores of earlier schema versions (V1: catalog and CDMs, V2: + screening,
 * V3: + alarms and audit, V4: + notes and sync), so a migration test can check they are all still there after the
 * store is brought to the current schema. Also the content of the kept copy
 * {@code legacy/store-v4.sql}.
 */
final class LegacySample {

    static final Instant IMPORTED = Instant.parse("2022-01-23T10:00:00Z");

    static final ElementSet ISS = new ElementSet(25544, "ISS (ZARYA)", "98067A", 'U',
            Instant.parse("2022-01-22T21:57:10.220352Z"), 0.0011263, 0.0006703, 0.9013, 4.24, 1.56, 4.73, 3.4e-5,
            1.2e-12, 0, 999, 32345, 0, ObjectType.PAYLOAD, "full_catalog_2022-01-22.3le:1");

    static final ElementSet OLD_VANGUARD = new ElementSet(5, "VANGUARD 1", "58002B", 'U',
            Instant.parse("1958-03-17T12:00:00Z"), 0.00125, 0.19, 0.5974, 1.0, 2.0, 3.0, 2.8e-4, 0, 0, 1, 0, 0,
            ObjectType.PAYLOAD, "history.tle:2");

    static final CdmRow CDM = new CdmRow("CDM-2022-0001", "CSpOC", Instant.parse("2022-01-22T18:00:00Z"),
            Instant.parse("2022-01-24T04:12:09.113Z"), 412.5, 14_123.0,
            new CdmObjectRow("25544", "ISS (ZARYA)", 25544, List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0),
                    Collections.nCopies(21, 0.5)),
            new CdmObjectRow("48274", "CZ-5B R/B – débris", 48274, null, null), 10.0, 2.3e-5, "FOSTER-1992", "KVN",
            "CCSDS_CDM_VERS = 1.0\nMESSAGE_ID = CDM-2022-0001\n", "cdm/0001.cdm");

    static final ConjunctionObservation FIRST = new ConjunctionObservation(25544, 48274,
            Instant.parse("2022-01-24T04:12:09.113Z"), 412.5, 14_123.0, -20.1, 400.2, 95.3, EncounterKind.SHORT, 0.6,
            1.9, null, null, 3.1e-4, "DEFAULT_SOCRATES");

    static final ConjunctionObservation SECOND = new ConjunctionObservation(25544, 48274,
            Instant.parse("2022-01-24T04:12:10.000Z"), 380.0, 14_120.0, -18.0, 370.0, 90.0, EncounterKind.SHORT, 0.2,
            1.5, 2.3e-5, "PATERA_2005", null, "CDM");

    static final NoteRow NOTE = new NoteRow(NoteSubject.EVENT, "1", "Zoë Ångström", IMPORTED, IMPORTED,
            "Owner/operator says: no manoeuvre planned.");

    static final OutboxOp OP = new OutboxOp("console-1", "op-0001", "ALARM_ACK", "{\"occurrence\":1}", IMPORTED);

    private LegacySample() {
    }

    /** Writes the rows of every table that schema version {@code version} has. */
    static void write(Connection c, int version) {
        new ElementSetRepository(c).importAll(List.of(ISS, OLD_VANGUARD), IMPORTED);
        long cdmId = new CdmRepository(c).save(CDM, IMPORTED).id();
        if (version < 2) {
            return;
        }
        ScreeningRunRepository runs = new ScreeningRunRepository(c);
        long runId = runs.start(IMPORTED, new RunParameters(Instant.parse("2022-01-23T00:00:00Z"), Duration.ofDays(3),
                5000, List.of(25544), DataOrigin.OFFLINE));
        runs.finish(runId, new RunOutcome(IMPORTED.plusSeconds(40), RunStatus.COMPLETED, 23_939, 1_234L, 1, 10.0, 5.0,
                20.0, 40.0, null));
        ConjunctionEventRepository events = new ConjunctionEventRepository(c);
        long eventId = events.record(List.of(FIRST), runId, null, IMPORTED.plusSeconds(40)).get(0).eventId();
        events.record(List.of(SECOND), null, cdmId, IMPORTED.plusSeconds(3600));
        if (version < 3) {
            return;
        }
        long occurrence = new AlarmRepository(c).raise(new AlarmOccurrenceRow(null, eventId, "25544 vs 48274",
                DataOrigin.LIVE, AlarmState.UNACK_ACTIVE, AlarmSeverity.WARNING, null, false, IMPORTED, IMPORTED, null,
                null, null, null, null, null));
        new AuditRepository(c).append(new AuditEntry(IMPORTED, null, "Zoë Ångström", "operator", "console-1",
                DataOrigin.LIVE, "RAISE", occurrence, null, "25544 vs 48274", null));
        if (version < 4) {
            return;
        }
        new NoteRepository(c).add(NOTE);
        new OutboxRepository(c).enqueue(OP);
        new SyncCursorRepository(c).save("catalog", "1234", IMPORTED);
    }
}
