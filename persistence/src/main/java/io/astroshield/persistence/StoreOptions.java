package io.astroshield.persistence;

import java.util.Objects;

/**
 * How to open a store.
 *
 * @param durability what a reported commit survives
 * @param autoServer let a second process (the CLI while the window is open) use the store through
 *                   this one (H2 auto-server mode, a TCP server on a random port guarded by the
 *                   store's own credentials); when false a second process gets {@link StoreError#LOCKED}
 * @param key        encryption key for an encrypted store, or {@code null} for a plain one
 * @param poolSize   maximum number of pooled connections (1..32)
 */
public record StoreOptions(Durability durability, boolean autoServer, StoreKey key, int poolSize) {

    public StoreOptions {
        Objects.requireNonNull(durability, "durability");
        if (poolSize < 1 || poolSize > 32) {
            throw new IllegalArgumentException("poolSize: " + poolSize);
        }
    }

    /** Power-loss durable, shareable with a second process, not encrypted, 4 connections. */
    public static StoreOptions defaults() {
        return new StoreOptions(Durability.POWER_LOSS, true, null, 4);
    }

    public StoreOptions withDurability(Durability newDurability) {
        return new StoreOptions(newDurability, autoServer, key, poolSize);
    }

    public StoreOptions withAutoServer(boolean newAutoServer) {
        return new StoreOptions(durability, newAutoServer, key, poolSize);
    }

    public StoreOptions withKey(StoreKey newKey) {
        return new StoreOptions(durability, autoServer, newKey, poolSize);
    }

    public StoreOptions withPoolSize(int newPoolSize) {
        return new StoreOptions(durability, autoServer, key, newPoolSize);
    }

    public boolean encrypted() {
        return key != null;
    }
}
