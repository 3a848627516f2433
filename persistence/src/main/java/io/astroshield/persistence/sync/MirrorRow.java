package io.astroshield.persistence.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * One server entity as downloaded: {@code payload} is its JSON in the published shape, {@code changeSeq} the
 * server change-log position that wrote it, {@code changedAt} when the server changed it (null if unknown).
 */
public record MirrorRow(String entity, long entityId, String payload, long changeSeq, Instant changedAt,
                        Instant receivedAt) {
    public MirrorRow {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
