package io.astroshield.persistence.sync;

import java.time.Instant;
import java.util.Objects;

/** A local change that must reach the server: (device id, op id) make it unique; payload is JSON. */
public record OutboxOp(String deviceId, String opId, String opType, String payload, Instant createdAt) {
    public OutboxOp {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(opId, "opId");
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
