package io.astroshield.domain.screening;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag a UI or CLI sets to stop a long task; the task checks it between units of work. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link DomainError#CANCELLED} when cancelled. */
    public void check() {
        if (cancelled.get()) {
            throw new DomainException(DomainError.CANCELLED, "cancelled by the user");
        }
    }
}
