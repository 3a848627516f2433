package io.astroshield.domain.risk;

/** The axes an {@link ObjectCovariance} is expressed in. */
public enum CovarianceFrame {
    /** The encounter's inertial frame (x, y, z[, vx, vy, vz]). */
    INERTIAL,
    /**
     * The object's own radial / transverse (in-track) / normal (cross-track) frame at TCA: radial
     * along the position, normal along r × v, transverse completing the right-handed set. For 6x6
     * matrices the axes are taken frozen at TCA (no frame-rotation terms in the velocity block),
     * the convention Orekit applies to CDM RTN covariances ({@code LOFType.QSW_INERTIAL}).
     */
    RTN
}
