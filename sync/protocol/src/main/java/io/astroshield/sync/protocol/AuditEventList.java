package io.astroshield.sync.protocol;

import java.util.List;

/** {@code GET /admin/v1/audit}: the newest audit records first. */
public record AuditEventList(List<AuditEvent> data) {
    public AuditEventList {
        data = List.copyOf(data);
    }
}
