package io.astroshield.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times and durations as the CLI reads and writes them (DESIGN.md, entry points). */
public final class CliTime {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)([smhd])");
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CliTime() {
    }

    /** ISO-8601; a time without a zone is UTC; a date alone is its midnight UTC. */
    public static Instant parseInstant(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not zoned: try local forms below
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not a local date-time either
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("not an ISO-8601 time: '" + text + "' (e.g. 2022-01-22T00:00:00Z)");
        }
    }

    /** {@code 90m}, {@code 12h}, {@code 7d}, {@code 30s} or ISO-8601 ({@code PT36H}, {@code P7D}). */
    public static Duration parseDuration(String text) {
        String t = text.trim();
        Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
        Duration d;
        if (m.matches()) {
            double value = Double.parseDouble(m.group(1));
            double seconds = value * switch (m.group(2)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> 86_400;
            };
            d = Duration.ofNanos(Math.round(seconds * 1e9));
        } else {
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 90m, 12h, 7d, PT36H, P7D)");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive: '" + text + "'");
        }
        return d;
    }

    /** UTC to the millisecond with {@code Z}. */
    public static String format(Instant t) {
        return io.astroshield.app.workstation.Formats.utcMillis(t);
    }
}
