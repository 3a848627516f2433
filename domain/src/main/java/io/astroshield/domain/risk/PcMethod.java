package io.astroshield.domain.risk;

/** The 2D short-term-encounter methods, all computed by Orekit's {@code org.orekit.ssa} package. */
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
     * Alfriend et al. (1999) maximum probability: the Pc maximised over a scale factor applied to
     * the covariance, geometry and covariance shape kept. A bound, not a probability estimate.
     */
    ALFRIEND_1999_MAX(true, true);

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
