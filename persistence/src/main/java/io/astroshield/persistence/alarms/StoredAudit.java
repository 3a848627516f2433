package io.astroshield.persistence.alarms;

import java.time.Instant;

/** An audit record with its id and, once the server has it, the server's receipt time (else null). */
public record StoredAudit(long id, AuditEntry entry, Instant serverReceiptTime) {
}
