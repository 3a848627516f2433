package io.astroshield.domain.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an {@link ElementSet} as TLE lines with checksums, the inverse of {@link TleReader}:
 * a set read from a TLE and written again reads back equal. Values are rounded to the TLE's
 * column precision (angles 1e-4 deg, mean motion 1e-8 rev/day, epoch 1e-8 day = 864 us).
 * Element set numbers above 9999 and revolution numbers above 99999 wrap, as TLE producers do.
 */
public final class TleWriter {

    private static final Pattern COSPAR = Pattern.compile("(\\d{2})(\\d{2})-(\\d{3})([A-Z]{1,3})");
    private static final long NANOS_PER_FRACTION_UNIT = 864_000L; // 1e-8 day in ns

    private TleWriter() {
    }

    /** The two TLE lines (69 columns each, no line terminator). */
    public static List<String> format(ElementSet set) {
        Objects.requireNonNull(set, "set");
        return List.of(line1(set), line2(set));
    }

    /** A title line "0 NAME" (Space-Track 3LE style) then the two lines; no title when the set has no name. */
    public static List<String> formatWithTitle(ElementSet set) {
        List<String> lines = new ArrayList<>(3);
        if (set.name() != null && !set.name().isBlank()) {
            lines.add("0 " + set.name().strip());
        }
        lines.addAll(format(set));
        return List.copyOf(lines);
    }

    private static String line1(ElementSet set) {
        StringBuilder sb = new StringBuilder(TleReader.LINE_LENGTH);
        sb.append("1 ").append(CatalogNumber.encode(set.noradId()));
        sb.append(set.classification() == ' ' ? 'U' : set.classification()).append(' ');
        sb.append(pad(tleDesignator(set.internationalDesignator()), 8)).append(' ');
        sb.append(epoch(set.epoch())).append(' ');
        double nDotHalf = set.meanMotionDotRadPerS2() / TleReader.REV_PER_DAY2_TO_RAD_PER_S2 / 2;
        sb.append(nDot(nDotHalf)).append(' ');
        double nDdotSixth = set.meanMotionDdotRadPerS3() / TleReader.REV_PER_DAY3_TO_RAD_PER_S3 / 6;
        sb.append(impliedDecimal(nDdotSixth, "mean motion second derivative")).append(' ');
        sb.append(impliedDecimal(set.bStarPerEarthRadius(), "B*")).append(' ');
        sb.append(Math.floorMod(set.ephemerisType(), 10)).append(' ');
        sb.append(String.format(Locale.ROOT, "%4d", Math.floorMod(set.elementSetNumber(), 10_000)));
        return withChecksum(sb);
    }

    private static String line2(ElementSet set) {
        StringBuilder sb = new StringBuilder(TleReader.LINE_LENGTH);
        sb.append("2 ").append(CatalogNumber.encode(set.noradId())).append(' ');
        sb.append(angle(set.inclinationRad())).append(' ');
        sb.append(angle(set.raanRad())).append(' ');
        long ecc = Math.round(set.eccentricity() * 1e7);
        if (ecc > 9_999_999) {
            throw new IllegalArgumentException("eccentricity " + set.eccentricity() + " rounds to 1 in seven digits");
        }
        sb.append(String.format(Locale.ROOT, "%07d", ecc)).append(' ');
        sb.append(angle(set.argOfPerigeeRad())).append(' ');
        sb.append(angle(set.meanAnomalyRad())).append(' ');
        double revPerDay = set.meanMotionRadPerS() / TleReader.REV_PER_DAY_TO_RAD_PER_S;
        String mm = String.format(Locale.ROOT, "%11.8f", revPerDay);
        if (mm.length() != 11) {
            throw new IllegalArgumentException("mean motion " + revPerDay + " rev/day does not fit columns 53-63");
        }
        sb.append(mm);
        sb.append(String.format(Locale.ROOT, "%5d", Math.floorMod(set.revolutionNumberAtEpoch(), 100_000)));
        return withChecksum(sb);
    }

    private static String withChecksum(StringBuilder sb) {
        if (sb.length() != TleReader.LINE_LENGTH - 1) {
            throw new IllegalStateException("TLE line body has " + sb.length() + " columns: " + sb);
        }
        return sb.append(TleReader.checksum(sb)).toString();
    }

    /** Degrees in 8 columns with 4 decimals, normalised to [0, 360). */
    private static String angle(double rad) {
        double deg = Math.toDegrees(rad);
        String text = String.format(Locale.ROOT, "%8.4f", deg);
        if (deg < 0 || text.length() != 8) {
            deg = ((deg % 360) + 360) % 360;
            text = String.format(Locale.ROOT, "%8.4f", deg);
            if (text.equals("360.0000")) {
                text = "  0.0000";
            }
        }
        return text;
    }

    /** yyddd.dddddddd in UTC, rounded half-even to 1e-8 day. */
    private static String epoch(Instant epoch) {
        ZonedDateTime start = epoch.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        long nanosOfDay = (epoch.getEpochSecond() - start.toEpochSecond()) * 1_000_000_000L + epoch.getNano();
        long units = BigDecimal.valueOf(nanosOfDay).divide(BigDecimal.valueOf(NANOS_PER_FRACTION_UNIT), 0,
                RoundingMode.HALF_EVEN).longValueExact();
        if (units >= 100_000_000L) {
            start = start.plusDays(1);
            units -= 100_000_000L;
        }
        int year = start.getYear();
        if (year < 1957 || year > 2056) {
            throw new IllegalArgumentException("epoch " + epoch + " is outside the TLE years 1957-2056");
        }
        return String.format(Locale.ROOT, "%02d%03d.%08d", year % 100, start.getDayOfYear(), units);
    }

    /** Columns 34-43: sign or blank, then ".dddddddd" (rev/day^2, already halved). */
    private static String nDot(double value) {
        String digits = String.format(Locale.ROOT, "%.8f", Math.abs(value));
        if (!digits.startsWith("0.")) {
            throw new IllegalArgumentException("mean motion derivative " + value + " rev/day^2 does not fit columns 34-43");
        }
        boolean negative = value < 0 && !digits.equals("0.00000000");
        return (negative ? "-" : " ") + digits.substring(1);
    }

    /** " 12345-3" = 0.12345e-3: sign or blank, five mantissa digits, exponent sign and digit. */
    static String impliedDecimal(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value);
        }
        BigDecimal rounded = value == 0 ? BigDecimal.ZERO
                : new BigDecimal(Double.toString(Math.abs(value))).round(new MathContext(5, RoundingMode.HALF_EVEN));
        if (rounded.signum() == 0) {
            return " 00000+0";
        }
        // rounded = unscaled * 10^-scale; as 0.mmmmm * 10^exp the exponent is precision - scale.
        BigDecimal stripped = rounded.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale();
        BigDecimal mantissa = stripped.movePointLeft(exponent).movePointRight(5);
        if (exponent < -9) {
            return " 00000+0"; // below the field's resolution (1e-14): written as zero
        }
        if (exponent > 9) {
            throw new IllegalArgumentException(name + " " + value + " does not fit the implied-decimal field");
        }
        return (value < 0 ? "-" : " ") + String.format(Locale.ROOT, "%05d", mantissa.intValueExact())
                + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** "1998-067A" (COSPAR) becomes "98067A"; a TLE-form designator is kept; anything longer is dropped. */
    static String tleDesignator(String designator) {
        if (designator == null) {
            return "";
        }
        String text = designator.strip();
        Matcher m = COSPAR.matcher(text);
        if (m.matches()) {
            return m.group(2) + m.group(3) + m.group(4);
        }
        return text.length() <= 8 ? text : "";
    }

    private static String pad(String text, int width) {
        StringBuilder sb = new StringBuilder(text);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
