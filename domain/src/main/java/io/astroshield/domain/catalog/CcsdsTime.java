package io.astroshield.domain.catalog;

import io.astroshield.domain.time.ReferenceData;
import org.orekit.errors.OrekitException;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.DateComponents;
import org.orekit.time.TimeComponents;
import org.orekit.time.TimeOffset;
import org.orekit.time.TimeScale;
import org.orekit.time.TimeScales;
import org.orekit.utils.IERSConventions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CCSDS ASCII times ("YYYY-MM-DDThh:mm:ss[.d...][Z]" and "YYYY-DDDThh:mm:ss[.d...][Z]", CCSDS
 * 502.0-B-3 section 7.5.10) in a message's TIME_SYSTEM, converted to UTC {@link Instant}s.
 * UTC is converted directly and exactly (fractions rounded half-even to the nanosecond); other
 * time systems go through the project's Orekit time scales.
 */
final class CcsdsTime {

    private static final Pattern CALENDAR = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{0,18})?Z?");
    private static final Pattern ORDINAL = Pattern.compile(
            "(\\d{4})-(\\d{3})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{0,18})?Z?");

    private CcsdsTime() {
    }

    /**
     * @param text       the time as written
     * @param timeSystem TIME_SYSTEM value (UTC, TAI, TT, GPS, TDB, TCB, TCG, GST, BDT, QZSST, IRNSST, UT1 with EOP)
     * @throws IllegalArgumentException with a reason a person can act on
     */
    static Instant parse(String text, String timeSystem, ReferenceData reference) {
        String t = text.strip();
        int year;
        LocalDate date;
        int hour;
        int minute;
        int second;
        String fraction;
        Matcher m = CALENDAR.matcher(t);
        try {
            if (m.matches()) {
                year = Integer.parseInt(m.group(1));
                date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                hour = Integer.parseInt(m.group(4));
                minute = Integer.parseInt(m.group(5));
                second = Integer.parseInt(m.group(6));
                fraction = m.group(7);
            } else {
                m = ORDINAL.matcher(t);
                if (!m.matches()) {
                    throw new IllegalArgumentException("'" + Values.abbreviate(t)
                            + "' is not a CCSDS time (YYYY-MM-DDThh:mm:ss.d or YYYY-DDDThh:mm:ss.d)");
                }
                year = Integer.parseInt(m.group(1));
                date = LocalDate.ofYearDay(year, Integer.parseInt(m.group(2)));
                hour = Integer.parseInt(m.group(3));
                minute = Integer.parseInt(m.group(4));
                second = Integer.parseInt(m.group(5));
                fraction = m.group(6);
            }
        } catch (DateTimeException ex) {
            throw new IllegalArgumentException("'" + Values.abbreviate(t) + "' is not a valid date: " + ex.getMessage());
        }
        if (hour > 23 || minute > 59 || second > 60) {
            throw new IllegalArgumentException("'" + Values.abbreviate(t) + "' has a time of day out of range");
        }
        String system = timeSystem == null ? "UTC" : timeSystem.strip().toUpperCase(Locale.ROOT);
        if (system.equals("UTC") && second < 60) {
            long nanos = fractionToNanos(fraction);
            return date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC).plusNanos(nanos);
        }
        TimeScale scale = scale(system, reference);
        String seconds = second + (fraction == null || fraction.equals(".") ? "" : fraction);
        try {
            AbsoluteDate absolute = new AbsoluteDate(
                    new DateComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()),
                    new TimeComponents(hour, minute, TimeOffset.parse(seconds)), scale);
            return reference.toInstant(absolute);
        } catch (OrekitException | IllegalArgumentException | ArithmeticException ex) {
            throw new IllegalArgumentException("'" + Values.abbreviate(t) + "' cannot be placed in " + system + ": "
                    + ex.getMessage());
        }
    }

    /** Nanoseconds of ".ddd..." rounded half-even; a fraction that rounds up to 1 s gives 1e9. */
    private static long fractionToNanos(String fraction) {
        if (fraction == null || fraction.length() <= 1) {
            return 0;
        }
        String digits = fraction.substring(1);
        if (digits.length() <= 9) {
            long value = Long.parseLong(digits);
            for (int k = digits.length(); k < 9; k++) {
                value *= 10;
            }
            return value;
        }
        long nanos = Long.parseLong(digits.substring(0, 9));
        String rest = digits.substring(9);
        int cmp = compareToHalf(rest);
        if (cmp > 0 || (cmp == 0 && (nanos & 1) == 1)) {
            nanos++;
        }
        return nanos;
    }

    /** Compares 0.rest with 0.5. */
    private static int compareToHalf(String rest) {
        char first = rest.charAt(0);
        if (first != '5') {
            return first > '5' ? 1 : -1;
        }
        for (int k = 1; k < rest.length(); k++) {
            if (rest.charAt(k) != '0') {
                return 1;
            }
        }
        return 0;
    }

    /** The Orekit time scale for a CCSDS TIME_SYSTEM value. */
    static TimeScale scale(String system, ReferenceData reference) {
        TimeScales scales = reference.context().getTimeScales();
        return switch (system) {
            case "UTC" -> reference.utc();
            case "TAI" -> scales.getTAI();
            case "TT" -> scales.getTT();
            case "GPS" -> scales.getGPS();
            case "TDB" -> scales.getTDB();
            case "TCB" -> scales.getTCB();
            case "TCG" -> scales.getTCG();
            case "GST" -> scales.getGST();
            case "BDT" -> scales.getBDT();
            case "QZSST" -> scales.getQZSS();
            case "IRNSST" -> scales.getNavIC();
            case "GLONASST" -> scales.getGLONASS();
            case "UT1" -> {
                if (!reference.hasEop()) {
                    throw new IllegalArgumentException("TIME_SYSTEM UT1 needs IERS EOP data, and none is loaded");
                }
                yield scales.getUT1(IERSConventions.IERS_2010, true);
            }
            default -> throw new IllegalArgumentException("TIME_SYSTEM '" + Values.abbreviate(system)
                    + "' is not supported (UTC, TAI, TT, GPS, TDB, TCB, TCG, GST, BDT, QZSST, IRNSST, GLONASST, UT1)");
        };
    }

    /** True when the TIME_SYSTEM value is one {@link #scale} accepts (UT1 only with EOP). */
    static void requireSupported(String system, ReferenceData reference) {
        scale(system.strip().toUpperCase(Locale.ROOT), reference);
    }
}
