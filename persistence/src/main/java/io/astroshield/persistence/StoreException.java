package io.astroshield.persistence;

import java.util.Objects;

/**
 * The one unchecked exception the persistence module throws. JDBC and I/O failures are
 * wrapped once, where they happen, with what was being done; the {@link StoreError} key lets
 * the caller choose what a person sees.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final StoreError error;

    public StoreException(StoreError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public StoreException(StoreError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public StoreError error() {
        return error;
    }
}
