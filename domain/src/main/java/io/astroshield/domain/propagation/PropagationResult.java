package io.astroshield.domain.propagation;

import io.astroshield.domain.frames.CartesianState;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one propagation: a TEME state or the reason there is none, and the age of the
 * orbit data it came from.
 *
 * @param time               the instant propagated to (UTC)
 * @param state              the TEME state, or null when {@code error} is set
 * @param error              why there is no state, or null when {@code state} is set
 * @param elementSetAgeDays  {@code time} minus the element-set epoch, days (negative before epoch);
 *                           NaN for an ephemeris, which has no element set
 */
public record PropagationResult(Instant time, CartesianState state, PropagationError error, double elementSetAgeDays) {

    public PropagationResult {
        Objects.requireNonNull(time, "time");
        if ((state == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of state and error must be given");
        }
    }

    public static PropagationResult ofState(Instant time, CartesianState state, double ageDays) {
        return new PropagationResult(time, Objects.requireNonNull(state, "state"), null, ageDays);
    }

    public static PropagationResult ofError(Instant time, PropagationError error, double ageDays) {
        return new PropagationResult(time, null, Objects.requireNonNull(error, "error"), ageDays);
    }

    public boolean isValid() {
        return state != null;
    }
}
