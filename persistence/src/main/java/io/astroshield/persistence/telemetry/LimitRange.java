package io.astroshield.persistence.telemetry;

/** Low and high limit of one severity, in the point's unit; either may be absent (null). */
public record LimitRange(Double low, Double high) {

    public static final LimitRange NONE = new LimitRange(null, null);

    public LimitRange {
        if (low != null && high != null && low > high) {
            throw new IllegalArgumentException("low " + low + " > high " + high);
        }
    }
}
