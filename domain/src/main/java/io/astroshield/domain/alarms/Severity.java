package io.astroshield.domain.alarms;

/**
 * How bad an active alarm is, lowest first (the Yamcs/XTCE levels DESIGN.md names).
 * Shown with icon and text, never colour alone; data staleness is {@link Quality}, not a severity.
 */
public enum Severity {
    WATCH, WARNING, DISTRESS, CRITICAL, SEVERE;

    /** True when this severity ranks above {@code other}; everything ranks above "no severity" (null). */
    public boolean isAbove(Severity other) {
        return other == null || compareTo(other) > 0;
    }

    /** The higher of two severities, either of which may be null (no severity). */
    public static Severity max(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
