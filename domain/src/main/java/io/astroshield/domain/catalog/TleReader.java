package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads two-line element sets, with or without a title line (2LE and 3LE; a title may carry
 * Space-Track's "0 " prefix). Every bad record becomes an error {@link Diagnostic} naming the
 * line, and the good records around it are kept.
 *
 * <p>Column rules follow the NORAD TLE format (CelesTrak "FAQs: Two-Line Element Set Format"):
 * lines of at least 69 columns (trailing blanks and CR tolerated), line numbers '1' and '2' in
 * column 1, the same catalog number in columns 3-7 of both lines (blank-padded or Alpha-5), a
 * modulo-10 checksum in column 69 over columns 1-68 where digits count their value and '-'
 * counts 1.
 *
 * <p>Units: TLE rev/day become rad/s, degrees become radians, the n-dot field (n-dot / 2 in
 * rev/day^2) becomes n-dot in rad/s^2, the n-ddot field (n-ddot / 6 in rev/day^3) becomes
 * n-ddot in rad/s^3, and B* stays in 1/earth radii. The epoch is exact to the nanosecond.
 */
public final class TleReader {

    /** Columns of a TLE line (column 69 is the checksum). */
    public static final int LINE_LENGTH = 69;

    static final double SECONDS_PER_DAY = 86_400.0;
    static final double REV_PER_DAY_TO_RAD_PER_S = 2 * Math.PI / SECONDS_PER_DAY;
    static final double REV_PER_DAY2_TO_RAD_PER_S2 = 2 * Math.PI / (SECONDS_PER_DAY * SECONDS_PER_DAY);
    static final double REV_PER_DAY3_TO_RAD_PER_S3 = 2 * Math.PI / (SECONDS_PER_DAY * SECONDS_PER_DAY * SECONDS_PER_DAY);
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private TleReader() {
    }

    /** Reads a TLE/3LE file (UTF-8 or ASCII); an unreadable file is one error at line 0. */
    public static ReadResult<ElementSet> read(Path file) {
        return Inputs.readFile(file, TleReader::read);
    }

    /**
     * Reads TLE/3LE text.
     *
     * @param sourceName file name or label used in diagnostics and {@link ElementSet#source()}
     */
    public static ReadResult<ElementSet> read(String sourceName, String text) {
        return Inputs.parseText(sourceName, text, TleReader::parse);
    }

    private static ReadResult<ElementSet> parse(String source, String text) {
        String[] lines = Inputs.lines(text);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = Inputs.stripTrailing(lines[i]);
        }
        List<ElementSet> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String title = null;
        int titleLine = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank()) {
                i++;
                continue;
            }
            if (isNumbered(line, '1')) {
                if (i + 1 < lines.length && isNumbered(lines[i + 1], '2')) {
                    int first = title != null ? titleLine : lineNo;
                    try {
                        records.add(parseRecord(title, line, lines[i + 1], lineNo, source + ":" + first));
                    } catch (BadField bad) {
                        diagnostics.add(Diagnostic.error(source, bad.line, bad.field, bad.getMessage()));
                    }
                    i += 2;
                } else {
                    diagnostics.add(Diagnostic.error(source, lineNo, null,
                            "TLE line 1 is not followed by a line 2 (a line starting with '2 ')"));
                    i++;
                }
                title = null;
                continue;
            }
            if (isNumbered(line, '2')) {
                diagnostics.add(Diagnostic.error(source, lineNo, null, "TLE line 2 without a line 1 before it"));
                title = null;
                i++;
                continue;
            }
            if (title != null) {
                diagnostics.add(Diagnostic.error(source, titleLine, null,
                        "title line '" + abbreviate(title) + "' is not followed by TLE lines 1 and 2"));
            }
            title = titleText(line);
            titleLine = lineNo;
            i++;
        }
        if (title != null) {
            diagnostics.add(Diagnostic.error(source, titleLine, null,
                    "title line '" + abbreviate(title) + "' is not followed by TLE lines 1 and 2"));
        }
        return ReadResult.of(records, diagnostics);
    }

    private static boolean isNumbered(String line, char number) {
        return !line.isEmpty() && line.charAt(0) == number && (line.length() == 1 || line.charAt(1) == ' ');
    }

    /** A 3LE title without Space-Track's "0 " prefix. */
    private static String titleText(String line) {
        String name = line.length() >= 2 && line.charAt(0) == '0' && line.charAt(1) == ' ' ? line.substring(2) : line;
        return name.strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static ElementSet parseRecord(String title, String line1, String line2, int lineNo1, String recordSource)
            throws BadField {
        int lineNo2 = lineNo1 + 1;
        checkLine(line1, lineNo1);
        checkLine(line2, lineNo2);

        int norad1 = catalogNumber(line1, lineNo1);
        int norad2 = catalogNumber(line2, lineNo2);
        if (norad1 != norad2) {
            throw new BadField(lineNo2, "catalog number", "catalog number " + norad2
                    + " on line 2 differs from " + norad1 + " on line 1");
        }

        char classification = line1.charAt(7);
        if (classification == ' ') {
            classification = 'U';
        } else if (classification != 'U' && classification != 'C' && classification != 'S') {
            throw new BadField(lineNo1, "classification", "classification in column 8 is '" + classification
                    + "', expected U, C or S");
        }
        String designator = line1.substring(9, 17).strip();
        Instant epoch = epoch(line1.substring(18, 32), lineNo1);
        double nDotHalfRevPerDay2 = decimal(line1.substring(33, 43), lineNo1, "mean motion derivative", 34);
        double nDdotSixthRevPerDay3 = impliedDecimal(line1.substring(44, 52), lineNo1, "mean motion second derivative", 45);
        double bStar = impliedDecimal(line1.substring(53, 61), lineNo1, "B*", 54);
        int ephemerisType = blankOrDigits(line1.substring(62, 63), lineNo1, "ephemeris type", 63);
        int elementSetNumber = blankOrDigits(line1.substring(64, 68), lineNo1, "element set number", 65);

        double inclinationDeg = decimal(line2.substring(8, 16), lineNo2, "inclination", 9);
        double raanDeg = decimal(line2.substring(17, 25), lineNo2, "right ascension of the ascending node", 18);
        double eccentricity = eccentricity(line2.substring(26, 33), lineNo2);
        double argPerigeeDeg = decimal(line2.substring(34, 42), lineNo2, "argument of perigee", 35);
        double meanAnomalyDeg = decimal(line2.substring(43, 51), lineNo2, "mean anomaly", 44);
        double meanMotionRevPerDay = decimal(line2.substring(52, 63), lineNo2, "mean motion", 53);
        int revolutions = blankOrDigits(line2.substring(63, 68), lineNo2, "revolution number", 64);

        String name = title == null || title.isEmpty() ? null : title;
        try {
            return new ElementSet(norad1, name, designator.isEmpty() ? null : designator, classification, epoch,
                    meanMotionRevPerDay * REV_PER_DAY_TO_RAD_PER_S,
                    eccentricity,
                    Math.toRadians(inclinationDeg),
                    Math.toRadians(raanDeg),
                    Math.toRadians(argPerigeeDeg),
                    Math.toRadians(meanAnomalyDeg),
                    bStar,
                    2 * nDotHalfRevPerDay2 * REV_PER_DAY2_TO_RAD_PER_S2,
                    6 * nDdotSixthRevPerDay3 * REV_PER_DAY3_TO_RAD_PER_S3,
                    elementSetNumber, revolutions, ephemerisType,
                    ObjectType.fromObjectName(name), recordSource);
        } catch (IllegalArgumentException ex) {
            throw new BadField(lineNo1, null, "element set rejected: " + ex.getMessage());
        }
    }

    private static void checkLine(String line, int lineNo) throws BadField {
        if (line.length() < LINE_LENGTH) {
            throw new BadField(lineNo, null, "line is " + line.length() + " columns long; a TLE line has "
                    + LINE_LENGTH);
        }
        if (line.length() > LINE_LENGTH) {
            throw new BadField(lineNo, null, "line has text after column " + LINE_LENGTH
                    + " (" + line.length() + " columns); a TLE line has " + LINE_LENGTH);
        }
        char found = line.charAt(LINE_LENGTH - 1);
        int expected = checksum(line);
        if (found < '0' || found > '9') {
            throw new BadField(lineNo, "checksum", "checksum in column 69 is '" + found
                    + "', not a digit (expected " + expected + ")");
        }
        if (found - '0' != expected) {
            throw new BadField(lineNo, "checksum", "checksum mismatch: expected " + expected
                    + " (computed over columns 1-68), found " + found);
        }
    }

    /** Modulo-10 sum over columns 1-68: digits count their value, '-' counts 1, everything else 0. */
    static int checksum(CharSequence line) {
        int sum = 0;
        int end = Math.min(line.length(), LINE_LENGTH - 1);
        for (int k = 0; k < end; k++) {
            char c = line.charAt(k);
            if (c >= '0' && c <= '9') {
                sum += c - '0';
            } else if (c == '-') {
                sum += 1;
            }
        }
        return sum % 10;
    }

    private static int catalogNumber(String line, int lineNo) throws BadField {
        try {
            return CatalogNumber.decode(line.substring(2, 7));
        } catch (IllegalArgumentException ex) {
            throw new BadField(lineNo, "catalog number", "columns 3-7: " + ex.getMessage());
        }
    }

    /** Columns 19-32: two-digit year (57-99 = 19xx, 00-56 = 20xx) then day of year with fraction. */
    private static Instant epoch(String field, int lineNo) throws BadField {
        String yearText = field.substring(0, 2);
        if (!isDigits(yearText)) {
            throw new BadField(lineNo, "epoch", "epoch year in columns 19-20 is '" + yearText + "', not two digits");
        }
        int yy = Integer.parseInt(yearText);
        int year = yy >= 57 ? 1900 + yy : 2000 + yy;
        String dayText = field.substring(2).strip();
        int dot = dayText.indexOf('.');
        String whole = dot < 0 ? dayText : dayText.substring(0, dot);
        String fraction = dot < 0 ? "" : dayText.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 3 || !isDigits(whole) || !isDigits(fraction)) {
            throw new BadField(lineNo, "epoch", "epoch day in columns 21-32 is '" + field.substring(2)
                    + "', expected ddd.dddddddd");
        }
        int day = Integer.parseInt(whole);
        int daysInYear = Year.isLeap(year) ? 366 : 365;
        if (day < 1 || day > daysInYear) {
            throw new BadField(lineNo, "epoch", "epoch day " + day + " is outside 1.." + daysInYear + " for " + year);
        }
        long nanos = dayFractionToNanos(fraction);
        return LocalDate.ofYearDay(year, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds((day - 1) * 86_400L)
                .plusNanos(nanos);
    }

    /** Exact: 1 day = 864 * 10^11 ns, so up to 11 fraction digits multiply without rounding. */
    static long dayFractionToNanos(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() <= 11) {
            long scale = 864L;
            for (int k = digits.length(); k < 11; k++) {
                scale *= 10;
            }
            return Long.parseLong(digits) * scale;
        }
        return new BigDecimal("0." + digits).multiply(BigDecimal.valueOf(NANOS_PER_DAY))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** A plain decimal field ("  51.6416", " .00002182", "-.00001234", "+.0001"); blank padding allowed. */
    private static double decimal(String field, int lineNo, String name, int column) throws BadField {
        String text = field.strip();
        if (!isPlainDecimal(text)) {
            throw new BadField(lineNo, name, name + " in columns " + column + "-" + (column + field.length() - 1)
                    + " is '" + field + "', not a decimal number");
        }
        return Double.parseDouble(text);
    }

    /** Optional sign, digits, optional '.' and digits, at least one digit; no exponent, no NaN or Infinity. */
    static boolean isPlainDecimal(String text) {
        int k = 0;
        int n = text.length();
        if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
            k++;
        }
        int digits = 0;
        boolean dot = false;
        for (; k < n; k++) {
            char c = text.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /**
     * The implied-decimal exponent form " 12345-3" = 0.12345e-3: optional sign, mantissa digits
     * read as a fraction, then the exponent's sign and one digit.
     */
    private static double impliedDecimal(String field, int lineNo, String name, int column) throws BadField {
        String text = field.strip();
        int n = text.length();
        boolean ok = n >= 3;
        int k = 0;
        boolean negative = false;
        if (ok && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            k = 1;
        }
        String mantissa = ok ? text.substring(k, n - 2) : "";
        char expSign = ok ? text.charAt(n - 2) : ' ';
        char expDigit = ok ? text.charAt(n - 1) : ' ';
        ok = ok && !mantissa.isEmpty() && isDigits(mantissa) && (expSign == '+' || expSign == '-')
                && expDigit >= '0' && expDigit <= '9';
        if (!ok) {
            throw new BadField(lineNo, name, name + " in columns " + column + "-" + (column + field.length() - 1)
                    + " is '" + field + "', expected the implied-decimal form ' 12345-3' (= 0.12345e-3)");
        }
        String normal = (negative ? "-0." : "0.") + mantissa + "e" + expSign + expDigit;
        return Double.parseDouble(normal);
    }

    /** Columns 27-33 of line 2: seven digits with an implied leading decimal point. */
    private static double eccentricity(String field, int lineNo) throws BadField {
        String text = field.strip();
        if (text.isEmpty() || !isDigits(text)) {
            throw new BadField(lineNo, "eccentricity", "eccentricity in columns 27-33 is '" + field
                    + "', expected digits with an implied leading decimal point");
        }
        return Double.parseDouble("0." + field.replace(' ', '0'));
    }

    private static int blankOrDigits(String field, int lineNo, String name, int column) throws BadField {
        String text = field.strip();
        if (text.isEmpty()) {
            return 0;
        }
        if (!isDigits(text)) {
            throw new BadField(lineNo, name, name + " in columns " + column + "-" + (column + field.length() - 1)
                    + " is '" + field + "', not an unsigned integer");
        }
        return Integer.parseInt(text);
    }

    private static boolean isDigits(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A bad field of one record: becomes one error diagnostic, and the reader moves on. */
    private static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String field;

        BadField(int line, String field, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.field = field;
        }
    }
}
