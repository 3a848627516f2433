package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CCSDS Orbit Mean-elements Messages (CCSDS 502.0-B-3, versions 1.0 to 3.0) carrying SGP4
 * or SGP4-XP mean elements with their TLE parameters, in KVN (one or more messages
 * concatenated, each opening with CCSDS_OMM_VERS) or XML (a single {@code <omm>} or an
 * {@code <ndm>} holding several). Each bad message yields one error diagnostic (line, keyword,
 * reason) and the others are still returned; unknown keywords are kept out with a warning.
 *
 * <p>Units: MEAN_MOTION rev/day becomes rad/s, angles in degrees become radians, EPOCH in the
 * message's TIME_SYSTEM becomes a UTC instant; see {@link MeanElements} for the derivatives.
 */
public final class OmmReader {

    /** Every keyword CCSDS 502.0-B-3 defines for an OMM (header, metadata, data, covariance). */
    static final Set<String> KEYWORDS = Set.of(
            "CCSDS_OMM_VERS", "COMMENT", "CLASSIFICATION", "CREATION_DATE", "ORIGINATOR", "MESSAGE_ID",
            "OBJECT_NAME", "OBJECT_ID", "CENTER_NAME", "REF_FRAME", "REF_FRAME_EPOCH", "TIME_SYSTEM",
            "MEAN_ELEMENT_THEORY",
            "EPOCH", "SEMI_MAJOR_AXIS", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE",
            "ARG_OF_PERICENTER", "MEAN_ANOMALY", "GM",
            "MASS", "SOLAR_RAD_AREA", "SOLAR_RAD_COEFF", "DRAG_AREA", "DRAG_COEFF",
            "EPHEMERIS_TYPE", "CLASSIFICATION_TYPE", "NORAD_CAT_ID", "ELEMENT_SET_NO", "REV_AT_EPOCH",
            "BSTAR", "BTERM", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT", "AGOM",
            "COV_REF_FRAME", "CX_X", "CY_X", "CY_Y", "CZ_X", "CZ_Y", "CZ_Z",
            "CX_DOT_X", "CX_DOT_Y", "CX_DOT_Z", "CX_DOT_X_DOT",
            "CY_DOT_X", "CY_DOT_Y", "CY_DOT_Z", "CY_DOT_X_DOT", "CY_DOT_Y_DOT",
            "CZ_DOT_X", "CZ_DOT_Y", "CZ_DOT_Z", "CZ_DOT_X_DOT", "CZ_DOT_Y_DOT", "CZ_DOT_Z_DOT");

    /** Keywords whose values are free text, where a trailing "[...]" is part of the value, not a unit. */
    private static final Set<String> TEXT_KEYWORDS = Set.of("OBJECT_NAME", "OBJECT_ID", "ORIGINATOR", "MESSAGE_ID",
            "CLASSIFICATION");

    private static final Set<String> VERSIONS = Set.of("1.0", "2.0", "3.0");

    private OmmReader() {
    }

    /** Reads an OMM file (KVN or XML, detected from content) with the built-in reference data. */
    public static ReadResult<ElementSet> read(Path file) {
        return read(file, ReferenceData.builtIn());
    }

    /** Reads an OMM file; {@code reference} converts epochs given in time systems other than UTC. */
    public static ReadResult<ElementSet> read(Path file, ReferenceData reference) {
        return Inputs.readFile(file, (source, text) -> read(source, text, reference));
    }

    /** Reads OMM text (KVN or XML, detected from content) with the built-in reference data. */
    public static ReadResult<ElementSet> read(String sourceName, String text) {
        return read(sourceName, text, ReferenceData.builtIn());
    }

    /**
     * Reads OMM text, KVN or XML (detected from the first non-blank character: '<' means XML).
     *
     * @param sourceName file name or label for diagnostics and {@link ElementSet#source()}
     */
    public static ReadResult<ElementSet> read(String sourceName, String text, ReferenceData reference) {
        return Inputs.parseText(sourceName, text, (source, t) -> isXml(t) ? parseXml(source, t, reference)
                : parseKvn(source, t, reference));
    }

    static boolean isXml(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '<';
        }
        return false;
    }

    // ---------------------------------------------------------------- KVN

    private static ReadResult<ElementSet> parseKvn(String source, String text, ReferenceData reference) {
        List<ElementSet> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String[] lines = Inputs.lines(text);
        Message message = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || isComment(line)) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (key.equals("CCSDS_OMM_VERS")) {
                if (message != null) {
                    message.finish(source, reference, records, diagnostics);
                }
                message = new Message(lineNo);
                String version = eq < 0 ? "" : line.substring(eq + 1).strip();
                if (!VERSIONS.contains(version)) {
                    message.fail(new BadRecord(lineNo, key, "CCSDS_OMM_VERS '" + Values.abbreviate(version)
                            + "' is not 1.0, 2.0 or 3.0"));
                }
                continue;
            }
            if (message == null) {
                message = new Message(lineNo);
                message.fail(new BadRecord(lineNo, null, "OMM does not start with CCSDS_OMM_VERS"));
            }
            if (eq < 0) {
                message.fail(new BadRecord(lineNo, null, "line '" + Values.abbreviate(line)
                        + "' is not KEYWORD = value"));
                continue;
            }
            String value = line.substring(eq + 1).strip();
            String unit = null;
            if (!TEXT_KEYWORDS.contains(key) && value.endsWith("]")) {
                int open = value.lastIndexOf('[');
                if (open >= 0) {
                    unit = value.substring(open + 1, value.length() - 1).strip();
                    value = value.substring(0, open).strip();
                }
            }
            message.put(source, new FieldValue(key, value, unit, lineNo), diagnostics);
        }
        if (message != null) {
            message.finish(source, reference, records, diagnostics);
        }
        return ReadResult.of(records, diagnostics);
    }

    private static boolean isComment(String line) {
        return line.startsWith("COMMENT") && (line.length() == 7 || Character.isWhitespace(line.charAt(7)));
    }

    // ---------------------------------------------------------------- XML

    private static ReadResult<ElementSet> parseXml(String source, String text, ReferenceData reference) {
        List<ElementSet> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Message[] current = new Message[1];
        int[] messages = new int[1];
        try {
            XmlLeaves.walk(text, Set.of("omm", "opm", "oem", "ocm", "cdm", "tdm", "apm", "aem"), new XmlLeaves.Handler() {
                @Override
                public void startMessage(String name, String version, int line) {
                    if (!name.equals("omm")) {
                        diagnostics.add(Diagnostic.warning(source, line, null, "<" + name
                                + "> is not an OMM; skipped"));
                        current[0] = null;
                        return;
                    }
                    messages[0]++;
                    current[0] = new Message(line);
                    if (version != null && !VERSIONS.contains(version.strip())) {
                        current[0].fail(new BadRecord(line, "version", "OMM version '" + Values.abbreviate(version)
                                + "' is not 1.0, 2.0 or 3.0"));
                    }
                }

                @Override
                public void leaf(String parent, FieldValue value) {
                    if (current[0] != null && !value.key().equals("COMMENT")) {
                        current[0].put(source, value, diagnostics);
                    }
                }

                @Override
                public void startGroup(String name, int line) {
                    // OMM groups (header, metadata, meanElements, tleParameters, ...) carry no values of their own
                }

                @Override
                public void endGroup(String name, int line) {
                    // as above
                }

                @Override
                public void endMessage(int line) {
                    if (current[0] != null) {
                        current[0].finish(source, reference, records, diagnostics);
                        current[0] = null;
                    }
                }
            });
        } catch (BadRecord bad) {
            if (current[0] != null) {
                current[0].fail(bad);
                current[0].finish(source, reference, records, diagnostics);
            } else {
                diagnostics.add(bad.toDiagnostic(source));
            }
            return ReadResult.of(records, diagnostics);
        }
        if (messages[0] == 0) {
            diagnostics.add(Diagnostic.error(source, 0, null, "no <omm> element found in the XML document"));
        }
        return ReadResult.of(records, diagnostics);
    }

    // ---------------------------------------------------------------- one message

    /** The keywords of one OMM as they are read, and the first fault found in it. */
    private static final class Message {
        final int startLine;
        final Map<String, FieldValue> fields = new LinkedHashMap<>();
        final List<Diagnostic> warnings = new ArrayList<>();
        BadRecord fault;

        Message(int startLine) {
            this.startLine = startLine;
        }

        void fail(BadRecord bad) {
            if (fault == null) {
                fault = bad;
            }
        }

        void put(String source, FieldValue value, List<Diagnostic> diagnostics) {
            String key = value.key();
            if (!KEYWORDS.contains(key) && !key.startsWith("USER_DEFINED_")) {
                warnings.add(Diagnostic.warning(source, value.line(), Values.abbreviate(key),
                        "unknown OMM keyword ignored"));
                return;
            }
            FieldValue earlier = fields.putIfAbsent(key, value);
            if (earlier != null) {
                fail(new BadRecord(value.line(), key, key + " appears twice in one OMM (first at line "
                        + earlier.line() + ")"));
            }
        }

        void finish(String source, ReferenceData reference, List<ElementSet> records, List<Diagnostic> diagnostics) {
            diagnostics.addAll(warnings);
            if (fault != null) {
                diagnostics.add(fault.toDiagnostic(source));
                return;
            }
            try {
                List<Diagnostic> buildWarnings = new ArrayList<>();
                records.add(MeanElements.build(fields, true, source, startLine, source + ":" + startLine, reference,
                        buildWarnings));
                diagnostics.addAll(buildWarnings);
            } catch (BadRecord bad) {
                diagnostics.add(bad.toDiagnostic(source));
            }
        }
    }
}
