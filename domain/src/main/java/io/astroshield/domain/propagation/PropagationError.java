package io.astroshield.domain.propagation;

import java.util.Objects;

/**
 * Why a propagation produced no state.
 *
 * @param code   the SGP4 error code (1..6, see {@link Sgp4Error}), or {@link #OUTSIDE_EPHEMERIS_SPAN},
 *               or {@link #NO_FINITE_STATE}
 * @param reason a sentence a person can act on
 */
public record PropagationError(int code, String reason) {

    /** The time is outside the span of the ephemeris (interpolation never extrapolates). */
    public static final int OUTSIDE_EPHEMERIS_SPAN = 100;
    /** Orekit raised an exception or returned a non-finite state where SGP4 reports no error. */
    public static final int NO_FINITE_STATE = 101;

    public PropagationError {
        Objects.requireNonNull(reason, "reason");
        if (!(code >= 1 && code <= 6) && code != OUTSIDE_EPHEMERIS_SPAN && code != NO_FINITE_STATE) {
            throw new IllegalArgumentException("code: " + code);
        }
    }

    /** True for the SGP4 conditions 1..6. */
    public boolean isSgp4() {
        return code >= 1 && code <= 6;
    }

    /** The SGP4 condition; only when {@link #isSgp4()}. */
    public Sgp4Error sgp4Error() {
        return Sgp4Error.ofCode(code);
    }

    /** An SGP4 error at {@code tsinceMin} minutes from the element-set epoch. */
    static PropagationError sgp4(int code, double tsinceMin) {
        Sgp4Error e = Sgp4Error.ofCode(code);
        return new PropagationError(code, String.format(java.util.Locale.ROOT,
                "SGP4 error %d: %s at %.3f min from epoch", code, e.description(), tsinceMin));
    }
}
