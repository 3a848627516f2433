package io.astroshield.sync.server;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Retention of {@code applied_op}, the (device id, op id) dedup records. A record must outlive any retry of its op:
 * an op re-sent after its record was pruned would take effect again, so the retention is far longer than a
 * client's retry horizon (default 90 days, {@code --op-dedup-retention}).
 */
final class AppliedOpLog {
    private final DataSource db;

    AppliedOpLog(DataSource db) {
        this.db = db;
    }

    /** Deletes the records of ops processed before {@code cutoff}; returns how many. */
    int pruneBefore(Instant cutoff) {
        return Transactions.inTransaction(db, "pruning op dedup records", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM applied_op WHERE processed_at < ?")) {
                SpacecraftRepository.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }
}
