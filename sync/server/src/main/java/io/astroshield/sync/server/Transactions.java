package io.astroshield.sync.server;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs work in one database transaction: commit when it returns, roll back when it throws. It also counts the write
 * transactions of this JVM, begun and ended, so that {@link ReadCache} can tell whether any committed since an
 * answer was read: every write of the server's data goes through {@link #inTransaction}.
 */
final class Transactions {
    // JVM-wide, not per server: a second server in the same JVM (tests) only makes cached answers expire sooner
    private static final AtomicLong BEGUN = new AtomicLong();
    private static final AtomicLong ENDED = new AtomicLong();

    /** Work on a connection whose transaction the caller owns. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Read-only work on one consistent snapshot of the database (REPEATABLE READ), always rolled back. */
    static <T> T inSnapshot(DataSource db, String doing, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(doing, e);
        }
    }

    /**
     * The number of write transactions ended so far when none is open, else -1. Two equal answers bracketing a
     * read mean that no write transaction began or ended in between: the read saw every committed write and none
     * was in flight.
     */
    static long settledWrites() {
        // ended first: BEGUN >= ENDED always and both only grow, so equal reads in this order mean both held that
        // value at the moment between them
        long ended = ENDED.get();
        return BEGUN.get() == ended ? ended : -1;
    }

    static <T> T inTransaction(DataSource db, String doing, Work<T> work) {
        BEGUN.incrementAndGet();
        try {
            return inTransactionCounted(db, doing, work);
        } finally {
            // after the commit (or rollback) returned: from here on readers see the write
            ENDED.incrementAndGet();
        }
    }

    private static <T> T inTransactionCounted(DataSource db, String doing, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(doing, e);
        }
    }
}
