package io.astroshield.persistence.alarms;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refuses UPDATE and DELETE on {@code audit_record} (installed by migration V3), so the audit
 * stays append-only even for SQL typed by hand or a future repository mistake.
 */
public final class AuditAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_record is append-only: records cannot be changed or deleted", "45000");
    }
}
