package io.astroshield.sync.protocol;

import java.util.List;

/**
 * {@code GET /sync/v1/snapshot}: every synced entity as of change-log position {@code cursor}; a client stores
 * them with the cursor and continues with {@code /sync/v1/changes?cursor=}.
 */
public record Snapshot(long cursor, List<Spacecraft> spacecraft, List<Conjunction> conjunctions,
                       List<ConjunctionNote> conjunctionNotes, List<ConjunctionDisposition> conjunctionDispositions) {
    public Snapshot {
        spacecraft = List.copyOf(spacecraft);
        conjunctions = List.copyOf(conjunctions);
        conjunctionNotes = conjunctionNotes == null ? List.of() : List.copyOf(conjunctionNotes);
        conjunctionDispositions = conjunctionDispositions == null ? List.of() : List.copyOf(conjunctionDispositions);
    }
}
