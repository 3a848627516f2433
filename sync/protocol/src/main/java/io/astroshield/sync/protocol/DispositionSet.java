package io.astroshield.sync.protocol;

/**
 * Payload of the sync op {@code conjunction.disposition}: set the disposition if it is still at
 * {@code expected_version} (0: none set yet); otherwise the op is REJECTED as a stale version.
 */
public record DispositionSet(Long conjunctionId, String disposition, Long expectedVersion) {
}
