package io.astroshield.app.workstation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the window prints numbers: UTC with Z, km and degrees at the edge with their unit next to them. */
public final class Formats {

    private static final DateTimeFormatter UTC_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_S = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_MIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String utcMillis(Instant t) {
        return t == null ? "" : UTC_MS.format(t);
    }

    public static String utcSeconds(Instant t) {
        return t == null ? "" : UTC_S.format(t);
    }

    public static String utcMinutes(Instant t) {
        return t == null ? "" : UTC_MIN.format(t);
    }

    public static String km(double metres) {
        return String.format(Locale.ROOT, "%.3f km", metres / 1000);
    }

    public static String kmPerS(double mps) {
        return String.format(Locale.ROOT, "%.3f km/s", mps / 1000);
    }

    public static String pc(Double pc) {
        return pc == null ? "—" : pc == 0 ? "0" : String.format(Locale.ROOT, "%.2e", pc);
    }

    public static String days(Double d) {
        return d == null ? "—" : String.format(Locale.ROOT, "%.1f d", d);
    }

    /** "3 h 12 min", "-2 min" (past), for time to TCA and data age. */
    public static String duration(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        String text;
        if (a.toDays() >= 2) {
            text = a.toDays() + " d " + a.toHoursPart() + " h";
        } else if (a.toHours() >= 1) {
            text = a.toHours() + " h " + a.toMinutesPart() + " min";
        } else if (a.toMinutes() >= 1) {
            text = a.toMinutes() + " min";
        } else {
            text = a.toSeconds() + " s";
        }
        return negative ? "-" + text : text;
    }
}
