package io.astroshield.domain.cdm;

import io.astroshield.domain.cdm.CdmKeywords.Kind;
import io.astroshield.domain.cdm.CdmKeywords.Spec;
import io.astroshield.domain.cdm.CdmKeywords.VelocityGroup;
import io.astroshield.domain.input.Diagnostic;
import org.orekit.errors.OrekitException;
import org.orekit.utils.units.Unit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lenient pass run before Orekit sees a CDM: it repairs the defects real CDMs carry and
 * records each repair as a warning naming line, keyword and change, and it reports what cannot
 * be repaired as an error naming the field and the reason. A defect in an optional field that
 * cannot be repaired drops the field (with a warning); in a mandatory field it is an error.
 */
final class CdmRepairs {

    /** Earth equatorial radius, m (WGS-84). */
    private static final double EARTH_RADIUS_M = 6_378_137.0;
    /** Earth GM, m³/s² (WGS-84 / EGM-96). */
    private static final double EARTH_MU = 3.986004418e14;
    /** Earth rotation rate, rad/s (IERS). */
    private static final double EARTH_OMEGA = 7.292115e-5;
    /** Relative speeds above twice Earth escape speed at the surface (2 x 11.2 km/s) are not Earth-orbit encounters. */
    private static final double MAX_RELATIVE_SPEED_MPS = 22_400.0;

    private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");
    private static final Pattern FORTRAN_NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)[dD][+-]?+\\d++");
    private static final Pattern INTEGER = Pattern.compile("[+-]?+\\d{1,9}+");
    private static final Pattern NAN = Pattern.compile("[+-]?+nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFINITY = Pattern.compile("[+-]?+inf(?:inity)?+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALENDAR_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d*+)?+Z?");
    private static final Pattern ORDINAL_DATE = Pattern.compile("(\\d{4})-(\\d{3})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d*+)?+Z?");
    /** What Orekit's CDM parser accepts for GRAVITY_MODEL, after its normalisation ('_' read as blank). */
    private static final Pattern OREKIT_GRAVITY = Pattern.compile("\\p{Blank}*+[-A-Za-z0-9]++\\p{Blank}*+:\\p{Blank}*+[0-9]++D\\p{Blank}*+[0-9]++O\\p{Blank}*+");
    private static final Pattern DEGREE_ORDER = Pattern.compile("(\\d{1,4}+)\\s*+[dD]\\s*+[,x]?\\s*+(\\d{1,4}+)\\s*+[oO]|(\\d{1,4}+)\\s*+[xX×]\\s*+(\\d{1,4}+)");
    private static final Pattern HBR_COMMENT = Pattern.compile(
            "HBR\\s*+(?:\\[\\s*+m\\s*+\\]\\s*+)?+[=:]?\\s*+([-+]?+[0-9.]++(?:[eE][-+]?+\\d++)?+|[-+]?+nan)\\s*+(?:\\[\\s*+m\\s*+\\]|m)?+\\s*+",
            Pattern.CASE_INSENSITIVE);

    private final CdmDocument doc;
    private final String source;
    private final List<Diagnostic> diagnostics;
    /** Velocity entries whose unit is a length, waiting for the magnitude check. */
    private final List<CdmEntry> lengthUnitVelocities = new ArrayList<>();

    CdmRepairs(CdmDocument doc, String source, List<Diagnostic> diagnostics) {
        this.doc = doc;
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** Runs every rule; the entries of the document carry the repairs afterwards. */
    void run() {
        for (CdmDocument.StrayLine stray : doc.strayLines) {
            warn(stray.line(), null, "not a KEYWORD = value line; dropped: '" + abbreviate(stray.text().strip()) + "'");
        }
        for (CdmEntry e : doc.entries) {
            if (e.isComment() || e.dropped) {
                continue;
            }
            if (!e.key.equals(e.key.toUpperCase(Locale.ROOT))) {
                String upper = e.key.toUpperCase(Locale.ROOT);
                if (CdmKeywords.isKnown(upper)) {
                    warn(e, "keyword written in lower case; read as " + upper);
                    e.key = upper;
                }
            }
            if (!CdmKeywords.isKnown(e.key)) {
                error(e, "unknown keyword (not in CCSDS 508.0-B-1 or the CDM 2.0 keywords Orekit reads)");
                continue;
            }
            Spec spec = CdmKeywords.spec(e.key);
            switch (spec.kind()) {
                case REAL, INTEGER -> checkNumber(e, spec);
                case DATE -> checkDate(e);
                case GRAVITY_MODEL -> checkGravityModel(e);
                case TEXT -> {
                    if (e.value.isEmpty()) {
                        noValue(e);
                    } else if ("INTERNATIONAL_DESIGNATOR".equals(e.key) && NAN.matcher(e.value).matches()) {
                        // CARA's SingleCovTestCase1-3 and 1-11 write NaN for an unknown designator
                        warn(e, "'" + e.value + "' is not a designator; rewritten as UNKNOWN");
                        e.value = "UNKNOWN";
                    }
                }
                default -> throw new IllegalStateException(spec.kind().name());
            }
        }
        resolveVelocityUnits();
        checkDuplicates();
        checkPresence();
    }

    // ---------------------------------------------------------------- numbers and units

    private void checkNumber(CdmEntry e, Spec spec) {
        String v = e.value;
        if (v.isEmpty()) {
            noValue(e);
            return;
        }
        if (NAN.matcher(v).matches()) {
            reject(e, "value is NaN");
            return;
        }
        if (INFINITY.matcher(v).matches()) {
            reject(e, "value is infinite");
            return;
        }
        if (FORTRAN_NUMBER.matcher(v).matches()) {
            String fixed = v.replace('d', 'E').replace('D', 'E');
            warn(e, "Fortran exponent in '" + v + "' rewritten as '" + fixed + "'");
            e.value = fixed;
            v = fixed;
        }
        if (!NUMBER.matcher(v).matches()) {
            reject(e, "'" + abbreviate(v) + "' is not a number");
            return;
        }
        double x = Double.parseDouble(v);
        if (!Double.isFinite(x)) {
            reject(e, "'" + abbreviate(v) + "' is out of the range of a double");
            return;
        }
        if (spec.kind() == Kind.INTEGER && !INTEGER.matcher(v).matches()) {
            if (x == Math.rint(x) && Math.abs(x) < 1e9) {
                String fixed = Long.toString((long) x);
                warn(e, "integer written as '" + v + "'; rewritten as '" + fixed + "'");
                e.value = fixed;
            } else {
                reject(e, "'" + abbreviate(v) + "' is not an integer");
                return;
            }
        }
        if (e.dropped) {
            return;
        }
        checkUnit(e, spec);
    }

    private void checkUnit(CdmEntry e, Spec spec) {
        String canonical = spec.unit();
        if (e.unitColumn > 0 && doc.format == CdmDocument.Format.KVN) {
            char before = doc.text.charAt(e.start + e.unitColumn - 1);
            if (before != ' ' && before != '\t') {
                warn(e, "no blank before the unit; one inserted");
                e.forceRewrite = true;
            }
        }
        if (e.unit == null) {
            return;
        }
        String given = e.unit;
        if (e.unitTruncated) {
            if (canonical == null) {
                reject(e, "unit " + e.originalUnitText() + " is not closed and this keyword has no unit");
                return;
            }
            e.unitTruncated = false;
            if (given.isEmpty() || (!compatible(given, canonical) && canonical.startsWith(given)
                    && !(spec.velocity() != VelocityGroup.NONE && isLength(given)))) {
                e.unit = canonical;
                warn(e, "truncated unit " + e.originalUnitText() + " completed to [" + canonical + "]");
                return;
            }
            warn(e, "unit bracket " + e.originalUnitText() + " not closed; read as [" + given + "]");
        }
        if (canonical == null || given.equals(canonical)) {
            return;
        }
        if (given.isEmpty()) {
            e.unit = canonical;
            warn(e, "empty unit [] replaced by the CCSDS unit [" + canonical + "]");
            return;
        }
        if (compatible(given, canonical)) {
            warn(e, "unit [" + given + "] is not the CCSDS unit [" + canonical + "]; the value is converted");
            return;
        }
        if (spec.velocity() != VelocityGroup.NONE && isLength(given)) {
            lengthUnitVelocities.add(e);
            return;
        }
        if (canonical.startsWith(given)) {
            e.unit = canonical;
            warn(e, "truncated unit [" + given + "] completed to [" + canonical + "]");
            return;
        }
        reject(e, "unit [" + given + "] is not compatible with the CCSDS unit [" + canonical + "]");
    }

    private static Unit unit(String text) {
        try {
            return Unit.parse(text);
        } catch (OrekitException | IllegalArgumentException ex) {
            // not a unit Orekit can read
            return null;
        }
    }

    private static boolean compatible(String given, String canonical) {
        Unit g = unit(given);
        Unit c = unit(canonical);
        return g != null && c != null && g.sameDimension(c);
    }

    private static boolean isLength(String text) {
        Unit u = unit(text);
        return u != null && u.sameDimension(Unit.METRE);
    }

    /** Value of an entry in SI, or NaN when its value or unit cannot be read. */
    private static double si(CdmEntry e, String unitText) {
        if (e == null || e.dropped || !NUMBER.matcher(e.value).matches()) {
            return Double.NaN;
        }
        double x = Double.parseDouble(e.value);
        String u = unitText != null ? unitText : CdmKeywords.spec(e.key).unit();
        if (u == null) {
            return x;
        }
        Unit parsed = unit(u);
        return parsed == null ? Double.NaN : parsed.toSI(x);
    }

    // ---------------------------------------------------------------- velocity written with a length unit

    /**
     * Velocities written with a length unit ({@code [m]} for RELATIVE_VELOCITY_R, {@code [m]} or
     * {@code [km]} for X_DOT): the unit meant is either the length per second or the CCSDS unit.
     * The one that gives a physically sensible magnitude is chosen; if none does, the field is
     * rejected.
     */
    private void resolveVelocityUnits() {
        if (lengthUnitVelocities.isEmpty()) {
            return;
        }
        Map<String, List<CdmEntry>> groups = new LinkedHashMap<>();
        for (CdmEntry e : lengthUnitVelocities) {
            VelocityGroup g = CdmKeywords.spec(e.key).velocity();
            groups.computeIfAbsent(g + "/" + e.section, k -> new ArrayList<>()).add(e);
        }
        // the relative speed first: the relative velocity is checked against it
        groups.entrySet().stream().filter(g -> g.getKey().startsWith(VelocityGroup.RELATIVE_SPEED.name()))
                .forEach(g -> resolveRelativeSpeed(g.getValue()));
        groups.entrySet().stream().filter(g -> g.getKey().startsWith(VelocityGroup.RELATIVE.name() + "/"))
                .forEach(g -> resolveRelativeVelocity(g.getValue()));
        groups.entrySet().stream().filter(g -> g.getKey().startsWith(VelocityGroup.STATE.name()))
                .forEach(g -> resolveStateVelocity(g.getValue()));
    }

    private static List<String> candidates(CdmEntry e) {
        String perSecond = e.unit + "/s";
        String other = "km".equals(e.unit) ? "m/s" : "km/s";
        return List.of(perSecond, other);
    }

    private void resolveRelativeSpeed(List<CdmEntry> group) {
        CdmEntry e = group.get(0);
        double reference = relativeVelocityNorm(null);
        for (String candidate : candidates(e)) {
            double v = si(e, candidate);
            boolean plausible = Double.isNaN(reference)
                    ? v >= 0 && v <= MAX_RELATIVE_SPEED_MPS
                    : agrees(v, reference);
            if (plausible) {
                e.unit = candidate;
                warn(e, "length unit " + e.originalUnitText() + " written for a speed; read as [" + candidate + "] ("
                        + (Double.isNaN(reference) ? String.format(Locale.ROOT, "%.6g m/s is a plausible relative speed", v)
                        : String.format(Locale.ROOT, "%.6g m/s agrees with |RELATIVE_VELOCITY| = %.6g m/s", v, reference)) + ")");
                return;
            }
        }
        reject(e, "length unit " + e.originalUnitText() + " written for a speed, and neither m/s nor km/s gives a plausible value");
    }

    private void resolveRelativeVelocity(List<CdmEntry> group) {
        CdmEntry speed = find(0, "RELATIVE_SPEED");
        double reference = speed == null || lengthUnitVelocities.contains(speed) && speed.unit.indexOf('/') < 0
                ? Double.NaN : si(speed, speed.unit);
        for (String candidate : candidates(group.get(0))) {
            Map<CdmEntry, String> trial = new HashMap<>();
            for (CdmEntry e : group) {
                trial.put(e, candidate);
            }
            double norm = relativeVelocityNorm(trial);
            boolean plausible = Double.isNaN(reference)
                    ? norm >= 0 && norm <= MAX_RELATIVE_SPEED_MPS
                    : agrees(norm, reference);
            if (plausible) {
                for (CdmEntry e : group) {
                    e.unit = candidate;
                    warn(e, "length unit " + e.originalUnitText() + " written for a velocity; read as [" + candidate + "] ("
                            + (Double.isNaN(reference) ? String.format(Locale.ROOT, "|v| = %.6g m/s is a plausible relative speed", norm)
                            : String.format(Locale.ROOT, "|v| = %.6g m/s agrees with RELATIVE_SPEED = %.6g m/s", norm, reference)) + ")");
                }
                return;
            }
        }
        for (CdmEntry e : group) {
            reject(e, "length unit " + e.originalUnitText() + " written for a velocity, and neither m/s nor km/s gives "
                    + (Double.isNaN(reference) ? "a plausible relative speed" : "the RELATIVE_SPEED"));
        }
    }

    /** |RELATIVE_VELOCITY| in m/s with the units of {@code trial} for the entries it holds; NaN when incomplete. */
    private double relativeVelocityNorm(Map<CdmEntry, String> trial) {
        double sum = 0;
        for (String c : List.of("R", "T", "N")) {
            CdmEntry e = find(0, "RELATIVE_VELOCITY_" + c);
            if (e == null) {
                return Double.NaN;
            }
            String u = trial != null && trial.containsKey(e) ? trial.get(e) : e.unit;
            if (trial == null && lengthUnitVelocities.contains(e)) {
                return Double.NaN;
            }
            double v = si(e, u);
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** Agreement of two speeds: within 1 % or 1 mm/s (CDM values are rounded). */
    private static boolean agrees(double a, double b) {
        return Math.abs(a - b) <= Math.max(0.01 * Math.abs(b), 1e-3);
    }

    private void resolveStateVelocity(List<CdmEntry> group) {
        int section = group.get(0).section;
        double[] r = new double[3];
        double[] v = new double[3];
        String[] axes = {"X", "Y", "Z"};
        CdmEntry[] velocity = new CdmEntry[3];
        for (int i = 0; i < 3; i++) {
            r[i] = si(find(section, axes[i]), null);
            velocity[i] = find(section, axes[i] + "_DOT");
        }
        CdmEntry frame = find(section, "REF_FRAME");
        boolean earthFixed = frame != null && frame.value.toUpperCase(Locale.ROOT).startsWith("ITRF");
        CdmEntry center = find(section, "ORBIT_CENTER");
        boolean earthCentred = center == null || "EARTH".equalsIgnoreCase(center.value);
        double radius = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        for (String candidate : candidates(group.get(0))) {
            for (int i = 0; i < 3; i++) {
                v[i] = si(velocity[i], velocity[i] != null && group.contains(velocity[i]) ? candidate
                        : velocity[i] == null ? null : velocity[i].unit);
            }
            if (earthFixed) {
                // inertial velocity = Earth-fixed velocity + omega x r (omega along Z)
                v[0] -= EARTH_OMEGA * r[1];
                v[1] += EARTH_OMEGA * r[0];
            }
            double speed = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            double[] range = earthCentred ? orbitalSpeedRange(radius) : new double[] {0, 1e5};
            if (speed >= range[0] && speed <= range[1]) {
                for (CdmEntry e : group) {
                    e.unit = candidate;
                    warn(e, String.format(Locale.ROOT, "length unit %s written for a velocity; read as [%s] "
                                    + "(inertial speed %.4g m/s is an orbital speed at r = %.0f km: %.4g..%.4g m/s)",
                            e.originalUnitText(), candidate, speed, radius / 1000, range[0], range[1]));
                }
                return;
            }
        }
        for (CdmEntry e : group) {
            reject(e, "length unit " + e.originalUnitText()
                    + " written for a velocity, and neither m/s nor km/s gives an orbital speed");
        }
    }

    /**
     * Inertial speeds an Earth orbit can have at radius r (m): from the apogee speed of an
     * orbit whose perigee grazes the Earth (less 10 %) to the escape speed (plus 10 %).
     * Without a usable radius: 1 m/s to 20 km/s.
     */
    static double[] orbitalSpeedRange(double radiusM) {
        if (!(radiusM >= 0.98 * EARTH_RADIUS_M) || !Double.isFinite(radiusM)) {
            return new double[] {1.0, 20_000.0};
        }
        double vMin = Math.sqrt(2 * EARTH_MU * EARTH_RADIUS_M / (radiusM * (radiusM + EARTH_RADIUS_M)));
        double vEscape = Math.sqrt(2 * EARTH_MU / radiusM);
        return new double[] {0.9 * vMin, 1.1 * vEscape};
    }

    // ---------------------------------------------------------------- dates and gravity model

    private void checkDate(CdmEntry e) {
        if (e.value.isEmpty()) {
            noValue(e);
            return;
        }
        Matcher cal = CALENDAR_DATE.matcher(e.value);
        Matcher ord = ORDINAL_DATE.matcher(e.value);
        try {
            if (cal.matches()) {
                LocalDate.of(Integer.parseInt(cal.group(1)), Integer.parseInt(cal.group(2)), Integer.parseInt(cal.group(3)));
                checkTime(Integer.parseInt(cal.group(4)), Integer.parseInt(cal.group(5)), Integer.parseInt(cal.group(6)));
            } else if (ord.matches()) {
                LocalDate.ofYearDay(Integer.parseInt(ord.group(1)), Integer.parseInt(ord.group(2)));
                checkTime(Integer.parseInt(ord.group(3)), Integer.parseInt(ord.group(4)), Integer.parseInt(ord.group(5)));
            }
        } catch (DateTimeException ex) {
            reject(e, "non-existent date '" + abbreviate(e.value) + "' (" + ex.getMessage() + ")");
        }
    }

    private static void checkTime(int hour, int minute, int second) {
        if (hour > 23 || minute > 59 || second > 60) {
            throw new DateTimeException("time of day out of range");
        }
    }

    private void checkGravityModel(CdmEntry e) {
        String normalised = e.value.replace('_', ' ');
        if (OREKIT_GRAVITY.matcher(normalised).matches()) {
            return;
        }
        Matcher m = DEGREE_ORDER.matcher(e.value);
        if (m.find()) {
            String degree = m.group(1) != null ? m.group(1) : m.group(3);
            String order = m.group(2) != null ? m.group(2) : m.group(4);
            int colon = e.value.indexOf(':');
            String name = (colon >= 0 ? e.value.substring(0, colon) : e.value.substring(0, m.start()))
                    .replaceAll("[^A-Za-z0-9-]++", "-").replaceAll("^-++|-++$", "");
            if (name.isEmpty()) {
                name = "UNKNOWN";
            }
            String fixed = name + ": " + Integer.parseInt(degree) + "D " + Integer.parseInt(order) + "O";
            warn(e, "free-text GRAVITY_MODEL '" + abbreviate(e.value) + "' rewritten as '" + fixed
                    + "' (the form NAME: nD mO)");
            e.value = fixed;
        } else {
            reject(e, "free-text GRAVITY_MODEL '" + abbreviate(e.value) + "' has no degree and order (NAME: nD mO)");
        }
    }

    // ---------------------------------------------------------------- structure

    private void checkDuplicates() {
        Map<String, CdmEntry> seen = new HashMap<>();
        for (CdmEntry e : doc.entries) {
            if (e.dropped || e.isComment() || !CdmKeywords.CORE.contains(e.key)) {
                continue;
            }
            CdmEntry first = seen.putIfAbsent(e.section + "/" + e.key, e);
            if (first == null) {
                continue;
            }
            if (first.value.equals(e.value) && java.util.Objects.equals(first.unit, e.unit)) {
                e.dropped = true;
                warn(e, "repeats line " + first.line + " with the same value; dropped");
            } else {
                error(e, "given twice with different values (line " + first.line + ": '" + abbreviate(first.value)
                        + "', line " + e.line + ": '" + abbreviate(e.value) + "')");
            }
        }
    }

    private void checkPresence() {
        Predicate<String> inMessage = key -> find(0, key) != null;
        if (doc.format == CdmDocument.Format.KVN && !inMessage.test("CCSDS_CDM_VERS")) {
            missing(0, "CCSDS_CDM_VERS", "the header");
        }
        for (String key : CdmKeywords.MANDATORY_MESSAGE) {
            if (!inMessage.test(key)) {
                missing(0, key, key.equals("TCA") || key.equals("MISS_DISTANCE") ? "the relative metadata" : "the header");
            }
        }
        if (doc.objectSections != 2) {
            diagnostics.add(Diagnostic.error(source, 0, "OBJECT", "expected two object sections (OBJECT = OBJECT1 and "
                    + "OBJECT = OBJECT2), found " + doc.objectSections));
            return;
        }
        for (int section = 1; section <= 2; section++) {
            String label = objectLabel(section);
            for (String key : CdmKeywords.MANDATORY_OBJECT) {
                if (find(section, key) == null) {
                    missing(section, key, label);
                }
            }
            if (find(section, "ALT_COV_TYPE") != null) {
                continue;
            }
            List<String> absent = new ArrayList<>();
            for (String key : RtnCovariance.KEYWORDS) {
                if (find(section, key) == null) {
                    absent.add(key);
                }
            }
            if (absent.size() == RtnCovariance.KEYWORDS.size()) {
                diagnostics.add(Diagnostic.error(source, 0, "CR_R..CNDOT_NDOT",
                        label + ": the RTN covariance block is missing (mandatory)"));
            } else {
                for (String key : absent) {
                    missing(section, key, label + " RTN covariance");
                }
            }
        }
    }

    private void missing(int section, String key, String where) {
        boolean rejected = doc.entries.stream().anyMatch(e -> e.dropped && e.section == section && e.key.equals(key));
        if (!rejected) {
            diagnostics.add(Diagnostic.error(source, 0, key, "mandatory keyword missing from " + where));
        }
    }

    private String objectLabel(int section) {
        CdmEntry object = find(section, "OBJECT");
        return object != null && !object.value.isEmpty() ? object.value : "object section " + section;
    }

    /** The live entry with this key in this section, or null. */
    CdmEntry find(int section, String key) {
        for (CdmEntry e : doc.entries) {
            if (!e.dropped && e.section == section && e.key.equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** Hard-body radius from a {@code COMMENT HBR = r} in this section, in metres, or NaN. */
    double commentHardBodyRadius(int section) {
        for (CdmEntry e : doc.entries) {
            if (e.section != section || !e.isComment()) {
                continue;
            }
            String c = e.value.strip();
            if (!c.regionMatches(true, 0, "HBR", 0, 3)) {
                continue;
            }
            Matcher m = HBR_COMMENT.matcher(c);
            double r = m.matches() && NUMBER.matcher(m.group(1)).matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
            if (r >= 0 && Double.isFinite(r)) {
                return r;
            }
            warn(e, "HBR comment '" + abbreviate(c) + "' is not 'HBR = r' with r >= 0 in metres; ignored");
        }
        return Double.NaN;
    }

    // ---------------------------------------------------------------- diagnostics

    /**
     * An empty value: an error in a mandatory field; in an optional one Orekit reads it as
     * absent (CDM XML writes {@code <KEY/>} or {@code nil="true"} for that), so nothing to repair.
     */
    private void noValue(CdmEntry e) {
        if (isMandatoryHere(e)) {
            error(e, "no value (mandatory)");
        }
    }

    private boolean isMandatoryHere(CdmEntry e) {
        return CdmKeywords.isMandatory(e.key)
                && !(RtnCovariance.KEYWORDS.contains(e.key) && find(e.section, "ALT_COV_TYPE") != null);
    }

    /** A defect that cannot be repaired: drop an optional field, or an error for a mandatory one. */
    void reject(CdmEntry e, String reason) {
        if (isMandatoryHere(e)) {
            error(e, reason + " (mandatory)");
        } else {
            e.dropped = true;
            warn(e, reason + "; optional field dropped");
        }
    }

    void warn(CdmEntry e, String reason) {
        diagnostics.add(Diagnostic.warning(source, e.line, e.key, reason));
    }

    private void warn(int line, String field, String reason) {
        diagnostics.add(Diagnostic.warning(source, line, field, reason));
    }

    void error(CdmEntry e, String reason) {
        diagnostics.add(Diagnostic.error(source, e.line, e.key, reason));
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
