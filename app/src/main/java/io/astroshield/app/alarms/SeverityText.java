package io.astroshield.app.alarms;

import io.astroshield.domain.alarms.Severity;

import java.util.Locale;

/** Severity as icon + text, never colour alone (the style class adds colour for those who see it). */
public final class SeverityText {

    private SeverityText() {
    }

    public static String of(Severity s) {
        if (s == null) {
            return "";
        }
        String icon = switch (s) {
            case WATCH -> "◇";
            case WARNING -> "△";
            case DISTRESS -> "▲";
            case CRITICAL -> "⬢";
            case SEVERE -> "✖";
        };
        return icon + " " + s.name();
    }

    public static String styleClass(Severity s) {
        return "severity-" + s.name().toLowerCase(Locale.ROOT);
    }
}
