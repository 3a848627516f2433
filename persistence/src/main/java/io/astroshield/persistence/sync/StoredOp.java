package io.astroshield.persistence.sync;

import java.time.Instant;

/** An outbox op with its sequence number (the per-device order) and delivery state. */
public record StoredOp(long seq, OutboxOp op, OutboxStatus status, int attempts, Instant nextAttemptAt,
                       String lastError, Instant resolvedAt) {
}
