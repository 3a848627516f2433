package io.astroshield.sync.protocol;

import java.util.List;

/**
 * {@code GET /sync/v1/snapshot}: every synced entity as of change-log position {@code cursor}; a client stores
 * them with the cursor and continues with {@code /sync/v1/changes?cursor=}.
 */
public record Snapshot(long cursor, List<Spacecraft> spacecraft, List<Conjunction> conjunctions) {
    public Snapshot {
        spacecraft = List.copyOf(spacecraft);
        conjunctions = List.copyOf(conjunctions);
    }
}
