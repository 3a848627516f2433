package io.astroshield.domain.risk;

/** Where the covariance behind a probability of collision came from. */
public enum CovarianceSource {
    /** Both covariances were read from a CCSDS conjunction data message. */
    FROM_CDM,
    /** The caller supplied both states with their covariances (orbit determination, OEM, ...). */
    FROM_STATES,
    /**
     * No covariance was available (TLE-only screening); the documented default was assumed:
     * 1-sigma 100 m radial, 300 m in-track, 100 m cross-track per object (see {@link DefaultCovariance}).
     */
    DEFAULT_ASSUMED,
    /** No covariance at all: no probability was computed from one (e.g. a screening row without Pc). */
    NONE
}
