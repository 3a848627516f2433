package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CCSDS Orbit Ephemeris Messages (CCSDS 502.0-B-3, versions 1.0 to 3.0), KVN or XML,
 * into one {@link Ephemeris} per data block (segment). Covariance sections are skipped;
 * accelerations, when given, are ignored. Each bad block yields one error diagnostic (line,
 * keyword, reason) and the other blocks are still returned.
 *
 * <p>Units: positions in km become metres and velocities in km/s become m/s; epochs in the
 * block's TIME_SYSTEM become UTC instants through {@link ReferenceData}. Frames are not
 * converted: {@link Ephemeris#frameName()} keeps REF_FRAME as written.
 */
public final class OemReader {

    /** Interpolation degree used when a block does not give INTERPOLATION_DEGREE. */
    public static final int DEFAULT_INTERPOLATION_DEGREE = 5;

    private static final Set<String> VERSIONS = Set.of("1.0", "2.0", "3.0");
    private static final Set<String> HEADER_KEYWORDS = Set.of("CCSDS_OEM_VERS", "CREATION_DATE", "ORIGINATOR",
            "MESSAGE_ID", "CLASSIFICATION");
    private static final Set<String> METADATA_KEYWORDS = Set.of("OBJECT_NAME", "OBJECT_ID", "CENTER_NAME", "REF_FRAME",
            "REF_FRAME_EPOCH", "TIME_SYSTEM", "START_TIME", "USEABLE_START_TIME", "USEABLE_STOP_TIME", "STOP_TIME",
            "INTERPOLATION", "INTERPOLATION_DEGREE");
    private static final List<String> STATE_KEYS = List.of("X", "Y", "Z", "X_DOT", "Y_DOT", "Z_DOT");

    private OemReader() {
    }

    /** Reads an OEM file (KVN or XML, detected from content) with the built-in reference data. */
    public static ReadResult<Ephemeris> read(Path file) {
        return read(file, ReferenceData.builtIn());
    }

    /** Reads an OEM file; {@code reference} supplies the time scales for TIME_SYSTEM. */
    public static ReadResult<Ephemeris> read(Path file, ReferenceData reference) {
        return Inputs.readFile(file, (source, text) -> read(source, text, reference));
    }

    /** Reads OEM text (KVN or XML) with the built-in reference data. */
    public static ReadResult<Ephemeris> read(String sourceName, String text) {
        return read(sourceName, text, ReferenceData.builtIn());
    }

    /**
     * Reads OEM text, KVN or XML (detected from the first non-blank character: '<' means XML).
     *
     * @param sourceName file name or label for diagnostics and {@link Ephemeris#source()}
     */
    public static ReadResult<Ephemeris> read(String sourceName, String text, ReferenceData reference) {
        return Inputs.parseText(sourceName, text, (source, t) -> OmmReader.isXml(t)
                ? parseXml(source, t, reference) : parseKvn(source, t, reference));
    }

    // ---------------------------------------------------------------- KVN

    private enum Section { NONE, HEADER, METADATA, DATA, COVARIANCE }

    private static ReadResult<Ephemeris> parseKvn(String source, String text, ReferenceData reference) {
        List<Ephemeris> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String[] lines = Inputs.lines(text);
        Section section = Section.NONE;
        Block block = null;
        int covarianceStart = 0;
        boolean sawVersion = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || isComment(line)) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (key.equals("CCSDS_OEM_VERS")) {
                block = finish(block, source, records, diagnostics);
                sawVersion = true;
                section = Section.HEADER;
                if (!VERSIONS.contains(value)) {
                    diagnostics.add(Diagnostic.error(source, lineNo, key, "CCSDS_OEM_VERS '" + Values.abbreviate(value)
                            + "' is not 1.0, 2.0 or 3.0; the message is skipped"));
                    section = Section.NONE;
                }
                continue;
            }
            if (line.equals("META_START")) {
                block = finish(block, source, records, diagnostics);
                block = new Block(lineNo);
                if (!sawVersion) {
                    block.fail(new BadRecord(lineNo, null, "OEM does not start with CCSDS_OEM_VERS"));
                    sawVersion = true;
                }
                section = Section.METADATA;
                continue;
            }
            switch (section) {
                case NONE -> {
                    if (!sawVersion) {
                        diagnostics.add(Diagnostic.error(source, lineNo, null, "OEM does not start with CCSDS_OEM_VERS"));
                        sawVersion = true;
                    }
                    // lines of a skipped message are not looked at
                }
                case HEADER -> {
                    if (eq < 0 || !HEADER_KEYWORDS.contains(key)) {
                        diagnostics.add(Diagnostic.warning(source, lineNo, null, "'" + Values.abbreviate(line)
                                + "' ignored: not an OEM header line"));
                    }
                }
                case METADATA -> {
                    if (line.equals("META_STOP")) {
                        block.endMetadata(lineNo, reference);
                        section = Section.DATA;
                    } else if (eq < 0) {
                        block.fail(new BadRecord(lineNo, null, "metadata line '" + Values.abbreviate(line)
                                + "' is not KEYWORD = value"));
                    } else {
                        block.putMetadata(new FieldValue(key, value, null, lineNo), source, diagnostics);
                    }
                }
                case DATA -> {
                    if (line.equals("COVARIANCE_START")) {
                        section = Section.COVARIANCE;
                        covarianceStart = lineNo;
                    } else if (line.equals("META_STOP") || line.equals("COVARIANCE_STOP")) {
                        block.fail(new BadRecord(lineNo, null, line + " without a matching start"));
                    } else {
                        block.addKvnPoint(line, lineNo, reference);
                    }
                }
                case COVARIANCE -> {
                    if (line.equals("COVARIANCE_STOP")) {
                        section = Section.DATA;
                    }
                }
                default -> throw new IllegalStateException(section.name());
            }
        }
        if (section == Section.METADATA && block != null) {
            block.fail(new BadRecord(block.startLine, null, "META_START without META_STOP"));
        } else if (section == Section.COVARIANCE) {
            diagnostics.add(Diagnostic.warning(source, covarianceStart, null, "COVARIANCE_START without COVARIANCE_STOP"));
        }
        finish(block, source, records, diagnostics);
        if (!sawVersion && records.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.error(source, 0, null, "no OEM found (no CCSDS_OEM_VERS line)"));
        }
        return ReadResult.of(records, diagnostics);
    }

    private static boolean isComment(String line) {
        return line.startsWith("COMMENT") && (line.length() == 7 || Character.isWhitespace(line.charAt(7)));
    }

    private static Block finish(Block block, String source, List<Ephemeris> records, List<Diagnostic> diagnostics) {
        if (block != null) {
            block.finish(source, records, diagnostics);
        }
        return null;
    }

    // ---------------------------------------------------------------- XML

    private static ReadResult<Ephemeris> parseXml(String source, String text, ReferenceData reference) {
        List<Ephemeris> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        XmlOem handler = new XmlOem(source, reference, records, diagnostics);
        try {
            XmlLeaves.walk(text, Set.of("oem", "omm", "opm", "ocm", "cdm", "tdm", "apm", "aem"), handler);
        } catch (BadRecord bad) {
            if (handler.block != null) {
                handler.block.fail(bad);
                handler.block.finish(source, records, diagnostics);
            } else {
                diagnostics.add(bad.toDiagnostic(source));
            }
            return ReadResult.of(records, diagnostics);
        }
        if (handler.messages == 0) {
            diagnostics.add(Diagnostic.error(source, 0, null, "no <oem> element found in the XML document"));
        }
        return ReadResult.of(records, diagnostics);
    }

    /** Turns the leaves of {@code <oem>} elements into blocks: segment = block, stateVector = point. */
    private static final class XmlOem implements XmlLeaves.Handler {
        private final String source;
        private final ReferenceData reference;
        private final List<Ephemeris> records;
        private final List<Diagnostic> diagnostics;
        private boolean inOem;
        private int messages;
        private Block block;
        private Map<String, FieldValue> state;
        private int stateLine;
        private boolean metadataDone;

        XmlOem(String source, ReferenceData reference, List<Ephemeris> records, List<Diagnostic> diagnostics) {
            this.source = source;
            this.reference = reference;
            this.records = records;
            this.diagnostics = diagnostics;
        }

        @Override
        public void startMessage(String name, String version, int line) {
            inOem = name.equals("oem");
            if (!inOem) {
                diagnostics.add(Diagnostic.warning(source, line, null, "<" + name + "> is not an OEM; skipped"));
                return;
            }
            messages++;
            if (version != null && !VERSIONS.contains(version.strip())) {
                diagnostics.add(Diagnostic.error(source, line, "version", "OEM version '" + Values.abbreviate(version)
                        + "' is not 1.0, 2.0 or 3.0; the message is skipped"));
                inOem = false;
            }
        }

        @Override
        public void startGroup(String name, int line) {
            if (!inOem) {
                return;
            }
            switch (name) {
                case "segment" -> {
                    finishBlock();
                    block = new Block(line);
                    metadataDone = false;
                }
                case "data" -> {
                    if (block != null && !metadataDone) {
                        block.endMetadata(line, reference);
                        metadataDone = true;
                    }
                }
                case "stateVector" -> {
                    state = new HashMap<>();
                    stateLine = line;
                }
                default -> {
                    // header, body, metadata, covarianceMatrix: grouping only
                }
            }
        }

        @Override
        public void leaf(String parent, FieldValue value) {
            if (!inOem || block == null || value.key().equals("COMMENT")) {
                return;
            }
            switch (parent) {
                case "metadata" -> block.putMetadata(value, source, diagnostics);
                case "stateVector" -> {
                    if (state != null && state.putIfAbsent(value.key(), value) != null) {
                        block.fail(new BadRecord(value.line(), value.key(), value.key() + " appears twice in a stateVector"));
                    }
                }
                default -> {
                    // covariance entries and header values are not needed
                }
            }
        }

        @Override
        public void endGroup(String name, int line) {
            if (!inOem || block == null) {
                return;
            }
            if (name.equals("stateVector") && state != null) {
                block.addXmlPoint(state, stateLine, reference);
                state = null;
            } else if (name.equals("segment")) {
                if (!metadataDone) {
                    block.fail(new BadRecord(block.startLine, null, "segment without a data section"));
                }
                finishBlock();
            }
        }

        @Override
        public void endMessage(int line) {
            finishBlock();
            inOem = false;
        }

        private void finishBlock() {
            if (block != null) {
                block.finish(source, records, diagnostics);
                block = null;
            }
        }
    }

    // ---------------------------------------------------------------- one data block

    /** Metadata and points of one OEM data block, and the first fault found in it. */
    private static final class Block {
        final int startLine;
        final Map<String, FieldValue> metadata = new LinkedHashMap<>();
        final List<EphemerisPoint> points = new ArrayList<>();
        String timeSystem;
        Instant startTime;
        Instant stopTime;
        int outsideLine;
        BadRecord fault;

        Block(int startLine) {
            this.startLine = startLine;
        }

        void fail(BadRecord bad) {
            if (fault == null) {
                fault = bad;
            }
        }

        void putMetadata(FieldValue value, String source, List<Diagnostic> diagnostics) {
            if (!METADATA_KEYWORDS.contains(value.key())) {
                diagnostics.add(Diagnostic.warning(source, value.line(), Values.abbreviate(value.key()),
                        "unknown OEM metadata keyword ignored"));
                return;
            }
            FieldValue earlier = metadata.putIfAbsent(value.key(), value);
            if (earlier != null) {
                fail(new BadRecord(value.line(), value.key(), value.key() + " appears twice in one block (first at line "
                        + earlier.line() + ")"));
            }
        }

        void endMetadata(int line, ReferenceData reference) {
            for (String key : List.of("CENTER_NAME", "REF_FRAME", "TIME_SYSTEM")) {
                FieldValue f = metadata.get(key);
                if (f == null || f.value().isBlank()) {
                    fail(new BadRecord(startLine, key, key + " is missing"));
                    return;
                }
            }
            FieldValue system = metadata.get("TIME_SYSTEM");
            try {
                timeSystem = system.value().strip().toUpperCase(Locale.ROOT);
                CcsdsTime.requireSupported(timeSystem, reference);
            } catch (IllegalArgumentException ex) {
                timeSystem = null;
                fail(new BadRecord(system.line(), "TIME_SYSTEM", ex.getMessage()));
                return;
            }
            startTime = optionalTime("START_TIME", reference);
            stopTime = optionalTime("STOP_TIME", reference);
            FieldValue degree = metadata.get("INTERPOLATION_DEGREE");
            if (degree != null) {
                try {
                    if (Values.integer(degree) < 1) {
                        fail(new BadRecord(degree.line(), degree.key(), "INTERPOLATION_DEGREE must be at least 1"));
                    }
                } catch (BadRecord bad) {
                    fail(bad);
                }
            }
        }

        private Instant optionalTime(String key, ReferenceData reference) {
            FieldValue f = metadata.get(key);
            if (f == null) {
                return null;
            }
            try {
                return CcsdsTime.parse(f.value(), timeSystem, reference);
            } catch (IllegalArgumentException ex) {
                fail(new BadRecord(f.line(), key, key + " " + ex.getMessage()));
                return null;
            }
        }

        void addKvnPoint(String line, int lineNo, ReferenceData reference) {
            if (fault != null) {
                return;
            }
            String[] tokens = line.split("\\s+");
            if (tokens.length != 7 && tokens.length != 10) {
                fail(new BadRecord(lineNo, null, "ephemeris line has " + tokens.length
                        + " values; expected epoch, x, y, z, vx, vy, vz and optionally 3 accelerations"));
                return;
            }
            double[] state = new double[6];
            for (int k = 0; k < 6; k++) {
                try {
                    state[k] = Values.decimal(new FieldValue(STATE_KEYS.get(k), tokens[k + 1], null, lineNo));
                } catch (BadRecord bad) {
                    fail(bad);
                    return;
                }
            }
            for (int k = 7; k < tokens.length; k++) {
                try {
                    Values.decimal(new FieldValue("acceleration", tokens[k], null, lineNo));
                } catch (BadRecord bad) {
                    fail(bad);
                    return;
                }
            }
            addPoint(tokens[0], lineNo, state, reference);
        }

        void addXmlPoint(Map<String, FieldValue> fields, int line, ReferenceData reference) {
            if (fault != null) {
                return;
            }
            FieldValue epoch = fields.get("EPOCH");
            if (epoch == null) {
                fail(new BadRecord(line, "EPOCH", "stateVector without EPOCH"));
                return;
            }
            double[] state = new double[6];
            for (int k = 0; k < 6; k++) {
                String key = STATE_KEYS.get(k);
                FieldValue f = fields.get(key);
                if (f == null) {
                    fail(new BadRecord(line, key, "stateVector without " + key));
                    return;
                }
                try {
                    Values.requireUnit(f, k < 3 ? "km" : "km/s");
                    state[k] = Values.decimal(f);
                } catch (BadRecord bad) {
                    fail(bad);
                    return;
                }
            }
            addPoint(epoch.value(), epoch.line(), state, reference);
        }

        private void addPoint(String epochText, int lineNo, double[] stateKm, ReferenceData reference) {
            if (timeSystem == null) {
                fail(new BadRecord(lineNo, null, "ephemeris data before complete metadata (META_STOP)"));
                return;
            }
            Instant t;
            try {
                t = CcsdsTime.parse(epochText, timeSystem, reference);
            } catch (IllegalArgumentException ex) {
                fail(new BadRecord(lineNo, "EPOCH", "EPOCH " + ex.getMessage()));
                return;
            }
            if (!points.isEmpty() && !t.isAfter(points.get(points.size() - 1).time())) {
                fail(new BadRecord(lineNo, "EPOCH", "epoch " + t + " is not after the previous one; OEM times must increase"));
                return;
            }
            if (outsideLine == 0 && ((startTime != null && t.isBefore(startTime)) || (stopTime != null && t.isAfter(stopTime)))) {
                outsideLine = lineNo;
            }
            try {
                points.add(new EphemerisPoint(t, stateKm[0] * 1e3, stateKm[1] * 1e3, stateKm[2] * 1e3,
                        stateKm[3] * 1e3, stateKm[4] * 1e3, stateKm[5] * 1e3));
            } catch (IllegalArgumentException ex) {
                fail(new BadRecord(lineNo, null, ex.getMessage()));
            }
        }

        void finish(String source, List<Ephemeris> records, List<Diagnostic> diagnostics) {
            if (fault == null && timeSystem == null) {
                fail(new BadRecord(startLine, null, "block without complete metadata"));
            }
            if (fault == null && points.size() < 2) {
                fail(new BadRecord(startLine, null, "block has " + points.size()
                        + " ephemeris line(s); at least 2 are needed to interpolate"));
            }
            if (fault != null) {
                diagnostics.add(fault.toDiagnostic(source));
                return;
            }
            if (outsideLine > 0) {
                diagnostics.add(Diagnostic.warning(source, outsideLine, "EPOCH",
                        "ephemeris epoch outside START_TIME..STOP_TIME of its block"));
            }
            int degree = DEFAULT_INTERPOLATION_DEGREE;
            FieldValue degreeField = metadata.get("INTERPOLATION_DEGREE");
            try {
                if (degreeField != null) {
                    degree = Values.integer(degreeField);
                }
                records.add(new Ephemeris(noradId(), text("OBJECT_NAME"), text("OBJECT_ID"), text("CENTER_NAME"),
                        text("REF_FRAME"), degree, points, source + ":" + startLine));
            } catch (BadRecord bad) {
                diagnostics.add(bad.toDiagnostic(source));
            } catch (IllegalArgumentException ex) {
                diagnostics.add(Diagnostic.error(source, startLine, null, "ephemeris rejected: " + ex.getMessage()));
            }
        }

        private String text(String key) {
            FieldValue f = metadata.get(key);
            return f == null ? null : f.value().strip();
        }

        /** A catalog number when OBJECT_ID is one (digits or Alpha-5), else -1. */
        private int noradId() {
            String id = text("OBJECT_ID");
            if (id == null) {
                return -1;
            }
            try {
                return CatalogNumber.decode(id);
            } catch (IllegalArgumentException notANumber) {
                return -1;
            }
        }
    }
}
