package io.astroshield.persistence.sync;

/**
 * Where an outbox op stands: PENDING and PARKED have not reached the server (never purged);
 * APPLIED, DUPLICATE and REJECTED are the server's answers.
 */
public enum OutboxStatus {
    PENDING, PARKED, APPLIED, DUPLICATE, REJECTED;

    public boolean synced() {
        return this == APPLIED || this == DUPLICATE || this == REJECTED;
    }
}
