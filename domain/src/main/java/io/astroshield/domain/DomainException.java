package io.astroshield.domain;

import java.util.Objects;

/**
 * The one unchecked exception the domain throws. Its {@link DomainError} key lets the
 * caller decide what a person sees; the message carries the specifics (file, field, value).
 */
public final class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DomainError error;

    public DomainException(DomainError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public DomainException(DomainError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public DomainError error() {
        return error;
    }
}
