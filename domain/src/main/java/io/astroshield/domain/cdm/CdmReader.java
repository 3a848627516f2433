package io.astroshield.domain.cdm;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.data.DataSource;
import org.orekit.errors.OrekitException;
import org.orekit.errors.OrekitMessages;
import org.orekit.files.ccsds.ndm.ParsedUnitsBehavior;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.ndm.cdm.CdmData;
import org.orekit.files.ccsds.ndm.cdm.CdmMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmSegment;
import org.orekit.files.ccsds.ndm.cdm.RTNCovariance;
import org.orekit.files.ccsds.utils.lexical.ParseToken;
import org.orekit.time.AbsoluteDate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Reads CCSDS CDMs (KVN or XML, one message per file) through Orekit's CDM parser, after a
 * lenient pass that repairs the defects real CDMs carry: velocity units written as {@code [m]},
 * truncated units, {@code NaN} in optional fields, free-text GRAVITY_MODEL, Fortran exponents,
 * lower-case keywords, ... Each repair is a warning naming line, keyword and change; what cannot
 * be repaired is an error naming the field and reason, and then no record is returned.
 * <p>
 * Never throws for bad content. One instance may be shared between threads: it keeps no
 * state between calls (each read builds its own Orekit parser, which is not thread-safe).
 */
public final class CdmReader {

    /** Largest file read (CDMs are a few tens of kB). */
    public static final long MAX_BYTES = 4L << 20;
    /** Longest KVN line read; longer ones are rejected (and Orekit's line regex is slow on them). */
    public static final int MAX_KVN_LINE_CHARS = 4096;
    /** At most this many diagnostics per file (a binary file would otherwise give one per line). */
    public static final int MAX_DIAGNOSTICS = 200;
    /** At most this many optional fields dropped after Orekit refused them, before giving up. */
    private static final int MAX_OREKIT_RETRIES = 32;

    private static final Pattern UNKNOWN_DESIGNATOR = Pattern.compile("(?i)unknown|n/a|none|");
    private static final Pattern DOCTYPE = Pattern.compile("<!\\s*+(?i:doctype|entity)");

    private final ReferenceData referenceData;
    private final CdmDataContext dataContext;

    public CdmReader(ReferenceData referenceData) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        this.dataContext = new CdmDataContext(referenceData);
    }

    /** Reads one CDM file; the file name is the diagnostics' source. */
    public ReadResult<ConjunctionDataMessage> read(Path file) {
        return repair(file).result();
    }

    /** Reads one CDM from text; {@code sourceName} labels the diagnostics. */
    public ReadResult<ConjunctionDataMessage> read(String sourceName, String text) {
        return repair(sourceName, text).result();
    }

    /** Reads one CDM file and also returns the repaired text (for {@code cdm repair}). */
    public RepairedCdm repair(Path file) {
        String source = file.toString();
        List<Diagnostic> diagnostics = new ArrayList<>();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                diagnostics.add(Diagnostic.error(source, 0, null, "file is larger than " + MAX_BYTES + " bytes; not a CDM"));
                return new RepairedCdm(null, ReadResult.of(List.of(), diagnostics));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException ex) {
            diagnostics.add(Diagnostic.error(source, 0, null, "cannot read file: " + ex.getMessage()));
            return new RepairedCdm(null, ReadResult.of(List.of(), diagnostics));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            diagnostics.add(Diagnostic.warning(source, 0, null, "not valid UTF-8; read as ISO-8859-1"));
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return process(source, text, diagnostics);
    }

    /** Reads one CDM from text and also returns the repaired text. */
    public RepairedCdm repair(String sourceName, String text) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(text, "text");
        return process(sourceName, text, new ArrayList<>());
    }

    private RepairedCdm process(String source, String text, List<Diagnostic> diagnostics) {
        RepairedCdm outcome;
        try {
            outcome = readText(source, text, diagnostics);
        } catch (RuntimeException | StackOverflowError ex) {
            // a defect of this reader, not of the input: still a diagnostic, never an exception for the caller
            diagnostics.add(Diagnostic.error(source, 0, null, "internal error reading CDM: " + ex));
            outcome = new RepairedCdm(null, ReadResult.of(List.of(), List.of()));
        }
        return new RepairedCdm(outcome.repairedText(), ReadResult.of(outcome.result().records(), capped(source, diagnostics)));
    }

    private static List<Diagnostic> capped(String source, List<Diagnostic> diagnostics) {
        if (diagnostics.size() <= MAX_DIAGNOSTICS) {
            return diagnostics;
        }
        List<Diagnostic> kept = new ArrayList<>(diagnostics.subList(0, MAX_DIAGNOSTICS));
        boolean errorsLeftOut = diagnostics.subList(MAX_DIAGNOSTICS, diagnostics.size()).stream().anyMatch(Diagnostic::isError);
        String reason = (diagnostics.size() - MAX_DIAGNOSTICS) + " more diagnostics not shown";
        kept.add(errorsLeftOut ? Diagnostic.error(source, 0, null, reason) : Diagnostic.warning(source, 0, null, reason));
        return kept;
    }

    private RepairedCdm readText(String source, String input, List<Diagnostic> diagnostics) {
        String text = input;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
            diagnostics.add(Diagnostic.warning(source, 1, null, "byte-order mark removed"));
        }
        if (text.indexOf('\0') >= 0) {
            diagnostics.add(Diagnostic.error(source, 0, null, "contains NUL characters; not a text CDM"));
            return failed(null);
        }
        if (text.isBlank()) {
            diagnostics.add(Diagnostic.error(source, 0, null, "empty input; not a CDM"));
            return failed(null);
        }
        CdmDocument doc = CdmDocument.parse(text);
        if (doc.format == CdmDocument.Format.XML && DOCTYPE.matcher(text).find()) {
            diagnostics.add(Diagnostic.error(source, doc.lineOf(indexOf(text, DOCTYPE)), null,
                    "XML document type declarations and entities are not accepted in a CDM"));
            return failed(null);
        }
        if (doc.format == CdmDocument.Format.KVN && !checkLineLengths(source, text, diagnostics)) {
            return failed(null);
        }
        CdmRepairs repairs = new CdmRepairs(doc, source, diagnostics);
        repairs.run();
        if (hasErrors(diagnostics)) {
            return failed(doc.render(false));
        }
        Cdm cdm = parseWithOrekit(source, doc, repairs, diagnostics);
        String repaired = doc.render(false);
        if (cdm == null) {
            return failed(repaired);
        }
        ConjunctionDataMessage record = new CdmMapper(source, repairs, diagnostics).map(cdm, input);
        if (record == null || hasErrors(diagnostics)) {
            return failed(repaired);
        }
        return new RepairedCdm(repaired, ReadResult.of(List.of(record), List.of()));
    }

    private static RepairedCdm failed(String repairedText) {
        return new RepairedCdm(repairedText, ReadResult.of(List.of(), List.of()));
    }

    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    private static int indexOf(String text, Pattern pattern) {
        java.util.regex.Matcher m = pattern.matcher(text);
        return m.find() ? m.start() : 0;
    }

    private static boolean checkLineLengths(String source, String text, List<Diagnostic> diagnostics) {
        int line = 1;
        int length = 0;
        boolean ok = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                length = 0;
            } else if (++length == MAX_KVN_LINE_CHARS + 1) {
                diagnostics.add(Diagnostic.error(source, line, null, "line longer than " + MAX_KVN_LINE_CHARS + " characters"));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Orekit's parse of the repaired text. When Orekit refuses the value of an optional field
     * the field is dropped (a warning) and the parse repeated; anything else is an error at the
     * line and keyword Orekit was reading.
     */
    private Cdm parseWithOrekit(String source, CdmDocument doc, CdmRepairs repairs, List<Diagnostic> diagnostics) {
        for (int attempt = 0; attempt <= MAX_OREKIT_RETRIES; attempt++) {
            String text = doc.render(true);
            AtomicReference<ParseToken> last = new AtomicReference<>();
            try {
                return new ParserBuilder(dataContext)
                        .withParsedUnitsBehavior(ParsedUnitsBehavior.CONVERT_COMPATIBLE)
                        .withFilter(token -> {
                            last.set(token);
                            return List.of(token);
                        })
                        .buildCdmParser()
                        .parseMessage(new DataSource(source, () -> new StringReader(text)));
            } catch (OrekitException ex) {
                if (!handleOrekitError(source, doc, repairs, diagnostics, ex, last.get())) {
                    return null;
                }
            } catch (NullPointerException | IllegalStateException | ClassCastException ex) {
                // Orekit's parser state machine breaks this way on keywords in unexpected places
                diagnostics.add(located(source, last.get(), "unexpected at this place: keywords out of the CCSDS "
                        + "508.0-B-1 order or a section incomplete (Orekit: " + ex.getClass().getSimpleName() + ")"));
                return null;
            } catch (RuntimeException | StackOverflowError ex) {
                // Orekit failed on this input without an error of its own: report where it was reading
                diagnostics.add(located(source, last.get(), "cannot be read (" + ex.getClass().getSimpleName()
                        + (ex.getMessage() == null ? "" : ": " + CdmRepairs.abbreviate(ex.getMessage())) + ")"));
                return null;
            }
        }
        diagnostics.add(Diagnostic.error(source, 0, null, "too many fields Orekit cannot read"));
        return null;
    }

    /** @return true when the error was repaired (an optional field dropped) and the parse should be repeated */
    private static boolean handleOrekitError(String source, CdmDocument doc, CdmRepairs repairs,
                                             List<Diagnostic> diagnostics, OrekitException ex, ParseToken last) {
        Object[] parts = ex.getParts();
        if (ex.getSpecifier() == OrekitMessages.UNABLE_TO_PARSE_ELEMENT_IN_FILE && parts.length >= 2
                && parts[1] instanceof Integer line) {
            String key = String.valueOf(parts[0]);
            for (CdmEntry e : doc.entries) {
                if (!e.dropped && e.line == line && e.key.equals(key)) {
                    String reason = "Orekit cannot read '" + CdmRepairs.abbreviate(e.value) + "'"
                            + (e.unit == null ? "" : " [" + e.unit + "]");
                    repairs.reject(e, reason);
                    return e.dropped;
                }
            }
            diagnostics.add(Diagnostic.error(source, line, key, "cannot be read"));
            return false;
        }
        if (ex.getSpecifier() == OrekitMessages.UNINITIALIZED_VALUE_FOR_KEY && parts.length >= 1) {
            String key = String.valueOf(parts[0]);
            CdmEntry present = doc.entries.stream().filter(e -> !e.dropped && e.key.equals(key)).findFirst().orElse(null);
            diagnostics.add(present == null
                    ? Diagnostic.error(source, 0, key, "mandatory keyword missing")
                    : Diagnostic.error(source, present.line, key, "present but not read where the standard places it: "
                            + "keywords out of the CCSDS 508.0-B-1 order (line " + (last == null ? 0 : last.getLineNumber())
                            + " ended the section)"));
            return false;
        }
        diagnostics.add(located(source, last, CdmRepairs.abbreviate(String.valueOf(ex.getMessage()))));
        return false;
    }

    private static Diagnostic located(String source, ParseToken token, String reason) {
        if (token == null) {
            return Diagnostic.error(source, 0, null, reason);
        }
        return Diagnostic.error(source, Math.max(0, token.getLineNumber()), token.getName(), reason);
    }

    /** From Orekit's parsed CDM (numbers, dates, enums) and the repair pass' entries (text as written) to our record. */
    private final class CdmMapper {

        private final String source;
        private final CdmRepairs repairs;
        private final List<Diagnostic> diagnostics;

        CdmMapper(String source, CdmRepairs repairs, List<Diagnostic> diagnostics) {
            this.source = source;
            this.repairs = repairs;
            this.diagnostics = diagnostics;
        }

        ConjunctionDataMessage map(Cdm cdm, String rawText) {
            List<CdmSegment> segments = cdm.getSegments();
            if (segments.size() != 2) {
                diagnostics.add(Diagnostic.error(source, 0, "OBJECT", "expected two objects, Orekit read " + segments.size()));
                return null;
            }
            int first = sectionOf("OBJECT1");
            int second = sectionOf("OBJECT2");
            if (first < 0 || second < 0) {
                diagnostics.add(Diagnostic.error(source, 0, "OBJECT", "the two objects must be OBJECT1 and OBJECT2"));
                return null;
            }
            CdmRelativeMetadata rm = cdm.getRelativeMetadata();
            CdmObject object1 = object(segments.get(first - 1), first);
            CdmObject object2 = object(segments.get(second - 1), second);
            if (object1 == null || object2 == null) {
                return null;
            }
            double hbr = repairs.commentHardBodyRadius(0);
            try {
                return new ConjunctionDataMessage(
                        text(0, "MESSAGE_ID"),
                        text(0, "ORIGINATOR"),
                        instant(cdm.getHeader().getCreationDate()),
                        instant(rm.getTca()),
                        rm.getMissDistance(),
                        optional(0, "RELATIVE_SPEED", rm.getRelativeSpeed(), v -> v >= 0),
                        rtn("RELATIVE_POSITION_", rm.getRelativePosition()),
                        rtn("RELATIVE_VELOCITY_", rm.getRelativeVelocity()),
                        optional(0, "COLLISION_PROBABILITY", rm.getCollisionProbability(), v -> v >= 0 && v <= 1),
                        optionalText(0, "COLLISION_PROBABILITY_METHOD"),
                        Double.isNaN(hbr) ? OptionalDouble.empty() : OptionalDouble.of(hbr),
                        object1,
                        object2,
                        rawText);
            } catch (IllegalArgumentException | NullPointerException ex) {
                diagnostics.add(Diagnostic.error(source, 0, null, "not a valid CDM: " + ex.getMessage()));
                return null;
            }
        }

        private int sectionOf(String objectName) {
            int found = -1;
            for (int section = 1; section <= 2; section++) {
                CdmEntry e = repairs.find(section, "OBJECT");
                if (e != null && e.value.equalsIgnoreCase(objectName)) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = section;
                }
            }
            return found;
        }

        private CdmObject object(CdmSegment segment, int section) {
            CdmMetadata md = segment.getMetadata();
            CdmData data = segment.getData();
            String label = text(section, "OBJECT");
            if (md.getOrbitCenter() != null && !"EARTH".equalsIgnoreCase(md.getOrbitCenter().getName())) {
                diagnostics.add(error(section, "ORBIT_CENTER", label + ": only Earth-centred objects are handled, not "
                        + md.getOrbitCenter().getName()));
                return null;
            }
            String frameName = md.getRefFrame() == null ? text(section, "REF_FRAME") : md.getRefFrame().getName();
            CdmReferenceFrame frame = CdmReferenceFrame.fromCcsdsName(frameName).orElse(null);
            if (frame == null) {
                diagnostics.add(error(section, "REF_FRAME", label + ": frame " + frameName
                        + " is not handled (EME2000, GCRF, ITRF, TEME)"));
                return null;
            }
            Vector3D p = data.getStateVectorBlock().getPositionVector();
            Vector3D v = data.getStateVectorBlock().getVelocityVector();
            CartesianState state = new CartesianState(p.getX(), p.getY(), p.getZ(), v.getX(), v.getY(), v.getZ());
            checkOrbitalSpeed(section, label, frame, state);
            RtnCovariance covariance = covariance(section, label, data.getRTNCovarianceBlock());
            double hbr = data.getAdditionalParametersBlock() == null ? Double.NaN : data.getAdditionalParametersBlock().getHbr();
            if (!(hbr >= 0)) {
                hbr = repairs.commentHardBodyRadius(section);
            }
            String designator = text(section, "INTERNATIONAL_DESIGNATOR");
            if (designator != null && UNKNOWN_DESIGNATOR.matcher(designator).matches()) {
                designator = null;
            }
            return new CdmObject(
                    text(section, "OBJECT_DESIGNATOR"),
                    text(section, "CATALOG_NAME"),
                    text(section, "OBJECT_NAME"),
                    designator,
                    switch (md.getManeuverable()) {
                        case YES -> Maneuverability.YES;
                        case NO -> Maneuverability.NO;
                        case N_A -> Maneuverability.NOT_APPLICABLE;
                    },
                    frame,
                    switch (md.getCovarianceMethod()) {
                        case CALCULATED -> CovarianceMethod.CALCULATED;
                        case DEFAULT -> CovarianceMethod.DEFAULT;
                    },
                    state,
                    covariance,
                    Double.isNaN(hbr) ? OptionalDouble.empty() : OptionalDouble.of(hbr));
        }

        private RtnCovariance covariance(int section, String label, RTNCovariance block) {
            if (block == null) {
                return null;
            }
            double[] terms = {
                block.getCrr(),
                block.getCtr(), block.getCtt(),
                block.getCnr(), block.getCnt(), block.getCnn(),
                block.getCrdotr(), block.getCrdott(), block.getCrdotn(), block.getCrdotrdot(),
                block.getCtdotr(), block.getCtdott(), block.getCtdotn(), block.getCtdotrdot(), block.getCtdottdot(),
                block.getCndotr(), block.getCndott(), block.getCndotn(), block.getCndotrdot(), block.getCndottdot(),
                block.getCndotndot()};
            for (double t : terms) {
                if (!Double.isFinite(t)) {
                    // CDM 2.0 with an alternate covariance only: no RTN covariance
                    return null;
                }
            }
            RtnCovariance c = RtnCovariance.ofLowerTriangle(terms);
            if (c.hasNegativeVariance()) {
                diagnostics.add(Diagnostic.warning(source, line(section, "CR_R"), "CR_R..CNDOT_NDOT",
                        label + ": covariance has a negative variance"));
            }
            return c;
        }

        /** A warning when an inertial state's speed is not an Earth-orbit speed at its radius (unit mix-ups). */
        private void checkOrbitalSpeed(int section, String label, CdmReferenceFrame frame, CartesianState s) {
            double vx = s.vxMps();
            double vy = s.vyMps();
            if (frame == CdmReferenceFrame.ITRF) {
                vx -= 7.292115e-5 * s.yM();
                vy += 7.292115e-5 * s.xM();
            }
            double speed = Math.sqrt(vx * vx + vy * vy + s.vzMps() * s.vzMps());
            double[] range = CdmRepairs.orbitalSpeedRange(s.radiusM());
            if (speed < range[0] || speed > range[1]) {
                diagnostics.add(Diagnostic.warning(source, line(section, "X_DOT"), "X_DOT",
                        String.format(Locale.ROOT, "%s: inertial speed %.4g m/s at r = %.0f km is not an Earth-orbit "
                                + "speed (%.4g..%.4g m/s); check the units", label, speed, s.radiusM() / 1000, range[0], range[1])));
            }
        }

        private OptionalDouble optional(int section, String key, double value, java.util.function.DoublePredicate valid) {
            if (Double.isNaN(value)) {
                return OptionalDouble.empty();
            }
            if (!valid.test(value) || !Double.isFinite(value)) {
                diagnostics.add(Diagnostic.warning(source, line(section, key), key, value + " is out of range; ignored"));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(value);
        }

        private RtnVector rtn(String prefix, Vector3D v) {
            int present = 0;
            for (String c : List.of("R", "T", "N")) {
                if (repairs.find(0, prefix + c) != null) {
                    present++;
                }
            }
            if (present == 0) {
                return null;
            }
            if (present < 3 || v == null || !Double.isFinite(v.getNorm())) {
                diagnostics.add(Diagnostic.warning(source, 0, prefix + "R/T/N",
                        "only " + present + " of the 3 components given; ignored"));
                return null;
            }
            return new RtnVector(v.getX(), v.getY(), v.getZ());
        }

        private String text(int section, String key) {
            CdmEntry e = repairs.find(section, key);
            return e == null ? null : e.value;
        }

        private String optionalText(int section, String key) {
            String t = text(section, key);
            return t == null || t.isEmpty() ? null : t;
        }

        private int line(int section, String key) {
            CdmEntry e = repairs.find(section, key);
            return e == null ? 0 : e.line;
        }

        private Diagnostic error(int section, String key, String reason) {
            return Diagnostic.error(source, line(section, key), key, reason);
        }

        private Instant instant(AbsoluteDate date) {
            return referenceData.toInstant(date);
        }
    }
}
