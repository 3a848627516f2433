package io.astroshield.domain.propagation;

/**
 * The error conditions of SGP4/SDP4, with the codes of Vallado et al. 2006, "Revisiting
 * Spacetrack Report #3" (AIAA 2006-6753). Orekit's {@code TLEPropagator} raises none of them
 * (it returns positions, or NaN, where SGP4 reports an error), so this project detects them
 * itself: {@link Sgp4Batch} on its hot path, {@link OrekitSgp4} around the Orekit call.
 */
public enum Sgp4Error {

    /** Mean eccentricity at t is not in [-0.001, 1) or the mean semi-major axis is below 0.95 earth radii. */
    MEAN_ELEMENTS(1, "mean elements out of range (mean eccentricity outside -0.001..1 or semi-major axis below 0.95 earth radii)"),
    /** Mean motion at t is not positive (deep-space resonance drove it through zero). */
    NEGATIVE_MEAN_MOTION(2, "mean motion is not positive"),
    /** Eccentricity after the lunar-solar periodics is outside 0..1 (deep space only). */
    PERTURBED_ELEMENTS(3, "perturbed eccentricity outside 0..1"),
    /** The semi-latus rectum after the long-period periodics is negative. */
    NEGATIVE_SEMI_LATUS_RECTUM(4, "semi-latus rectum is negative"),
    /**
     * Epoch elements with perigee below the surface. Reported by the 1980 and early 2006 codes;
     * Vallado's current code and this project do not raise it, because the decay test (6) covers
     * such objects while they still fly (satellite 28872 of the verification set is sub-orbital at
     * epoch yet has 50 minutes of valid positions). Kept so that codes read from other tools map.
     */
    SUB_ORBITAL_EPOCH(5, "epoch elements are sub-orbital"),
    /** The satellite is inside the Earth: radius below one earth radius (6378.135 km). */
    DECAYED(6, "satellite decayed (radius below one earth radius)");

    private final int code;
    private final String description;

    Sgp4Error(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The SGP4 error code, 1..6. */
    public int code() {
        return code;
    }

    /** A short sentence naming the condition. */
    public String description() {
        return description;
    }

    /** The error with that SGP4 code. */
    public static Sgp4Error ofCode(int code) {
        for (Sgp4Error e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("not an SGP4 error code: " + code);
    }
}
