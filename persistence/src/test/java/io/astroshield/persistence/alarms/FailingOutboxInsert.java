package io.astroshield.persistence.alarms;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Installed by a test as a BEFORE INSERT trigger on {@code sync_outbox}: it looks, from inside the
 * transaction, at what the same commit has already written (acknowledged occurrences and
 * ACKNOWLEDGED audit records), then refuses the outbox row, as a full disk would at that moment.
 */
public final class FailingOutboxInsert implements Trigger {

    static volatile int fired;
    static volatile long acknowledgedOccurrencesSeen;
    static volatile long acknowledgedAuditSeen;

    static void reset() {
        fired = 0;
        acknowledgedOccurrencesSeen = -1;
        acknowledgedAuditSeen = -1;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        fired++;
        acknowledgedOccurrencesSeen = count(conn, "SELECT COUNT(*) FROM alarm_occurrence WHERE state = 'ACK_ACTIVE'");
        acknowledgedAuditSeen = count(conn, "SELECT COUNT(*) FROM audit_record WHERE action = 'ACKNOWLEDGED'");
        throw new SQLException("sync_outbox insert refused by the test", "45000");
    }

    private static long count(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
