package io.astroshield.domain.screening;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag a UI or CLI sets to stop a long task; the task checks it between units of work (about a millisecond of
 * work each). Each check first runs the owner's {@code betweenUnits} hook: a window passes one that holds the task
 * back while its drawing thread is behind, since on a small machine both compete for the same cores.
 */
public final class Cancellation {

    private static final Runnable NOTHING = () -> { };

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Runnable betweenUnits;

    public Cancellation() {
        this(NOTHING);
    }

    /** @param betweenUnits runs on the working thread at every check; it may block briefly, never throw */
    public Cancellation(Runnable betweenUnits) {
        this.betweenUnits = betweenUnits;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        betweenUnits.run();
        return cancelled.get();
    }

    /** Throws {@link DomainError#CANCELLED} when cancelled. */
    public void check() {
        if (isCancelled()) {
            throw new DomainException(DomainError.CANCELLED, "cancelled by the user");
        }
    }
}
