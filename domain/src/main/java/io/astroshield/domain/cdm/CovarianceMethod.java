package io.astroshield.domain.cdm;

/** How the covariance of an object was obtained (CCSDS 508.0-B-1 COVARIANCE_METHOD). */
public enum CovarianceMethod {
    /** From the orbit determination. */
    CALCULATED,
    /** A default value, not from an orbit determination (e.g. a documented TLE-only default). */
    DEFAULT
}
