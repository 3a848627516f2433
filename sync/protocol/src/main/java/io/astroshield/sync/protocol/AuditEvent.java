package io.astroshield.sync.protocol;

import java.time.Instant;

/** One audit record: who ({@code username}, {@code role}; absent when unknown) did or tried {@code action}. */
public record AuditEvent(long id, Instant at, String requestId, String username, String role, String action,
                         int status, String detail) {
}
