package io.astroshield.sync.client;

import java.time.Duration;
import java.util.Objects;

/** Why a call to the server did not succeed, classified by what the client should do about it. */
public final class SyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, and so what to do. */
    public enum Kind {
        /** No answer, a timeout, a 5xx or a garbled answer: the server may or may not have acted; retry later. */
        TRANSIENT,
        /** 429: wait {@link #retryAfter()} before the next call. */
        RATE_LIMITED,
        /** The server refused the credentials or the token even after signing in again. */
        UNAUTHORIZED,
        /** 409 on the change log: the cursor is older than the server keeps; start again from a snapshot. */
        CURSOR_EXPIRED,
        /** An answer this client does not understand (another 4xx): retrying the same request will not help. */
        NOT_UNDERSTOOD
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final boolean requestSent;

    SyncException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        this(kind, status, message, retryAfter, cause, true);
    }

    private SyncException(Kind kind, int status, String message, Duration retryAfter, Throwable cause,
                          boolean requestSent) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.retryAfter = retryAfter;
        this.requestSent = requestSent;
    }

    static SyncException transientFailure(String message, Throwable cause) {
        return new SyncException(Kind.TRANSIENT, 0, message, null, cause);
    }

    /** The same failure, known to have happened before the request itself left (no connection, no sign-in). */
    SyncException beforeSending() {
        return new SyncException(kind, status, getMessage(), retryAfter, getCause(), false);
    }

    /**
     * False when the request certainly never reached the server (it could not connect, or signing in failed
     * first): being offline is not a failure of the ops in that request, so it does not count towards parking them.
     */
    public boolean requestSent() {
        return requestSent;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** For {@link Kind#RATE_LIMITED}: how long the server asked to wait; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
