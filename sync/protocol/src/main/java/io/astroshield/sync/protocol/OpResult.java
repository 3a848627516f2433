package io.astroshield.sync.protocol;

/**
 * What became of one op: {@code APPLIED} (took effect now), {@code DUPLICATE} (this device id and op id were
 * processed before; nothing happened now), {@code REJECTED} (refused for a business or permission reason, given in
 * {@code reason}; final, retrying yields DUPLICATE).
 */
public record OpResult(String opId, Status status, String reason) {
    public enum Status { APPLIED, DUPLICATE, REJECTED }
}
