package io.astroshield.domain;

/** What went wrong, as a key; {@link DomainException#getMessage()} says where and why. */
public enum DomainError {
    /** An input file or record could not be read at all. */
    UNREADABLE_INPUT,
    /** Reference data (leap seconds, EOP) is missing, malformed or out of date. */
    REFERENCE_DATA,
    /** A propagation could not produce a state (decayed, out-of-range elements, ...). */
    PROPAGATION,
    /** A screening request or run could not complete. */
    SCREENING,
    /** A probability of collision could not be computed from the given inputs. */
    RISK,
    /** The caller cancelled a long task. */
    CANCELLED,
    /** A value given by the caller is outside what the operation accepts. */
    INVALID_ARGUMENT
}
