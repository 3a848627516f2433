package io.astroshield.sync.protocol;

import java.util.List;

/**
 * {@code GET /sync/v1/snapshot}: the synced entities as of change-log position {@code cursor} (telemetry: the
 * newest sample of each spacecraft's subsystems); a client stores them and continues with
 * {@code /sync/v1/changes?cursor=}. Asked with {@code limit}, the snapshot comes in pages (spacecraft, conjunctions,
 * conjunction notes, conjunction dispositions, shared alarms, telemetry, each by id): {@code next} (absent on the last page) asks
 * for the following one, and the client continues the change log from the FIRST page's {@code cursor}, which
 * replays whatever changed while it paged (changes are whole-entity upserts).
 */
public record Snapshot(long cursor, List<Spacecraft> spacecraft, List<Conjunction> conjunctions,
                       List<TelemetryData> telemetry, List<ConjunctionNote> conjunctionNotes,
                       List<ConjunctionDisposition> conjunctionDispositions, List<AlarmRecord> alarms,
                       String next) {
    public Snapshot {
        spacecraft = List.copyOf(spacecraft);
        conjunctions = List.copyOf(conjunctions);
        telemetry = telemetry == null ? List.of() : List.copyOf(telemetry);
        conjunctionNotes = conjunctionNotes == null ? List.of() : List.copyOf(conjunctionNotes);
        conjunctionDispositions = conjunctionDispositions == null ? List.of() : List.copyOf(conjunctionDispositions);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }
}
