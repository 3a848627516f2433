package io.astroshield.domain.risk;

/**
 * The 2D short-term-encounter methods: Orekit's {@code org.orekit.ssa} package, the project's search
 * for the maximum over covariance scale, and NASA CARA's PcCircle quadrature for cross-checks.
 */
public enum PcMethod {
    /** Patera (2005), 1D contour integral: the default and the reference value. */
    PATERA_2005(false, false),
    /** Serra, Arzelier et al. (LAAS, 2015), convergent series with error bounds. */
    LAAS_2015(false, false),
    /** Alfano (2005), Simpson-rule series over the hard-body disc. */
    ALFANO_2005(false, false),
    /** Chan (1997): the hard-body disc replaced by an equal-area ellipse; an approximation only. */
    CHAN_1997(true, false),
    /**
     * Alfriend et al. (1999) maximum probability, Orekit's closed form R² / (e d² sigmaX sigmaY):
     * the Pc maximised over a scale factor k applied to the covariance (k²C) in the small-HBR
     * limit. Outside that limit it can fall below the Pc itself (CARA's Alfano case 4: 0.022
     * against 0.049), hence approximate; {@link #MAXIMUM_OVER_SCALE} is the exact maximum.
     */
    ALFRIEND_1999_MAX(true, true),
    /**
     * The maximum over k of the {@link #PATERA_2005} Pc for the covariance k²C, geometry and
     * covariance shape kept, searched around Alfriend's closed-form optimum k² = d²/2. A bound
     * for when the covariance size is unknown, not a probability estimate.
     */
    MAXIMUM_OVER_SCALE(false, true),
    /**
     * The 2D Pc by the fixed-order quadrature of NASA CARA's {@code PcCircle} (default
     * EstimationMode 64: 64-point Gauss-Chebyshev along the covariance's major axis, erf across):
     * reproduces CARA's published numbers to 1e-14, for cross-checking against CARA's operational
     * tool. Its quadrature error grows with HBR / sigma_minor (2.8e-4 at 160 on CARA's HBR sweep);
     * {@link #PATERA_2005} stays the reference value. See {@code CaraPcCircle}.
     */
    CARA_PC_CIRCLE_64(false, false);

    private final boolean approximate;
    private final boolean maximum;

    PcMethod(boolean approximate, boolean maximum) {
        this.approximate = approximate;
        this.maximum = maximum;
    }

    /** True when the method does not evaluate the 2D Pc integral exactly and must be labelled so. */
    public boolean approximate() {
        return approximate;
    }

    /** True when the value is a maximum over covariance scale rather than a Pc for the given covariance. */
    public boolean maximum() {
        return maximum;
    }
}
