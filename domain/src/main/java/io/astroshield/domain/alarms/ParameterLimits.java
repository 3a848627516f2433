package io.astroshield.domain.alarms;

import java.util.Locale;

/**
 * Yellow and red limits of one telemetry parameter, in its SI unit. A value above a high
 * limit or below a low limit violates it; a value on the limit does not. NaN means "no such
 * limit". Yellow raises {@link #YELLOW}, red raises {@link #RED}.
 */
public record ParameterLimits(double redLow, double yellowLow, double yellowHigh, double redHigh) {

    /** Severity of a yellow-limit violation (Yamcs and XTCE call the yellow band "warning"). */
    public static final Severity YELLOW = Severity.WARNING;
    /** Severity of a red-limit violation (the "critical" band). */
    public static final Severity RED = Severity.CRITICAL;

    public ParameterLimits {
        double[] ordered = {redLow, yellowLow, yellowHigh, redHigh};
        double previous = Double.NEGATIVE_INFINITY;
        for (double limit : ordered) {
            if (Double.isInfinite(limit)) {
                throw new IllegalArgumentException("limits are finite or NaN (absent): " + limit);
            }
            if (!Double.isNaN(limit)) {
                if (limit < previous) {
                    throw new IllegalArgumentException("limits must be ordered redLow <= yellowLow <= yellowHigh <= redHigh: "
                            + text(redLow) + ", " + text(yellowLow) + ", " + text(yellowHigh) + ", " + text(redHigh));
                }
                previous = limit;
            }
        }
    }

    /**
     * The severity of {@code value}, with the deadband applied to the level the parameter was
     * already in: once a limit is violated, the value must come back inside it by
     * {@code deadband} before the violation ends. This keeps a noisy value near a limit from
     * chattering.
     *
     * @param previous severity of the previous check, null if it was within limits
     */
    public Severity check(double value, Severity previous, double deadband) {
        if (violates(value, redLow, redHigh, previous == RED ? deadband : 0)) {
            return RED;
        }
        if (violates(value, yellowLow, yellowHigh, previous != null ? deadband : 0)) {
            return YELLOW;
        }
        return null;
    }

    private static boolean violates(double value, double low, double high, double deadband) {
        return (!Double.isNaN(high) && value > high - deadband) || (!Double.isNaN(low) && value < low + deadband);
    }

    @Override
    public String toString() {
        return "red<" + text(redLow) + " yellow<" + text(yellowLow) + " yellow>" + text(yellowHigh)
                + " red>" + text(redHigh);
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%s", v);
    }
}
