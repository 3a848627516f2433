package io.astroshield.domain.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CelesTrak/Space-Track general perturbations (GP) data: JSON (an array of objects keyed by
 * OMM keywords: OBJECT_NAME, OBJECT_ID, EPOCH, MEAN_MOTION, ECCENTRICITY, INCLINATION,
 * RA_OF_ASC_NODE, ARG_OF_PERICENTER, MEAN_ANOMALY, EPHEMERIS_TYPE, CLASSIFICATION_TYPE,
 * NORAD_CAT_ID, ELEMENT_SET_NO, REV_AT_EPOCH, BSTAR, MEAN_MOTION_DOT, MEAN_MOTION_DDOT, optional
 * OBJECT_TYPE; numbers may be JSON numbers or strings) and CSV (a header row of those names in
 * any order). Keywords it does not use are ignored, since Space-Track adds many.
 *
 * <p>Each bad row or object yields one error diagnostic: CSV names the line, JSON the array index,
 * the field, and the line where the object or field starts. Units as in {@link OmmReader}.
 */
public final class GpReader {

    /** Columns without which a CSV row cannot become an element set. */
    static final List<String> REQUIRED_COLUMNS = List.of("EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION",
            "RA_OF_ASC_NODE", "ARG_OF_PERICENTER", "MEAN_ANOMALY", "NORAD_CAT_ID", "BSTAR", "MEAN_MOTION_DOT",
            "MEAN_MOTION_DDOT");

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private GpReader() {
    }

    /** Reads a GP file, JSON or CSV (detected from content). */
    public static ReadResult<ElementSet> read(Path file) {
        return read(file, ReferenceData.builtIn());
    }

    /** Reads a GP file; {@code reference} converts epochs when a TIME_SYSTEM other than UTC is given. */
    public static ReadResult<ElementSet> read(Path file, ReferenceData reference) {
        return Inputs.readFile(file, (source, text) -> read(source, text, reference));
    }

    /** Reads GP text: JSON when the first non-blank character is '[' or '{', CSV otherwise. */
    public static ReadResult<ElementSet> read(String sourceName, String text) {
        return read(sourceName, text, ReferenceData.builtIn());
    }

    /** Reads GP text: JSON when the first non-blank character is '[' or '{', CSV otherwise. */
    public static ReadResult<ElementSet> read(String sourceName, String text, ReferenceData reference) {
        char first = firstChar(text);
        return first == '[' || first == '{' ? readJson(sourceName, text, reference) : readCsv(sourceName, text, reference);
    }

    /** Reads GP JSON: an array of objects (or a single object). */
    public static ReadResult<ElementSet> readJson(String sourceName, String text) {
        return readJson(sourceName, text, ReferenceData.builtIn());
    }

    /** Reads GP JSON: an array of objects (or a single object). */
    public static ReadResult<ElementSet> readJson(String sourceName, String text, ReferenceData reference) {
        return Inputs.parseText(sourceName, text, (source, t) -> parseJson(source, t, reference));
    }

    /** Reads GP CSV: a header row naming the columns, then one element set per row. */
    public static ReadResult<ElementSet> readCsv(String sourceName, String text) {
        return readCsv(sourceName, text, ReferenceData.builtIn());
    }

    /** Reads GP CSV: a header row naming the columns, then one element set per row. */
    public static ReadResult<ElementSet> readCsv(String sourceName, String text, ReferenceData reference) {
        return Inputs.parseText(sourceName, text, (source, t) -> parseCsv(source, t, reference));
    }

    static char firstChar(String text) {
        if (text == null) {
            return 0;
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c != '\uFEFF' && !Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- JSON

    private static ReadResult<ElementSet> parseJson(String source, String text, ReferenceData reference) {
        List<ElementSet> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int index = -1;
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (!array && token != JsonToken.START_OBJECT) {
                diagnostics.add(Diagnostic.error(source, line(parser.currentTokenLocation()), null,
                        "GP JSON must be an array of objects"));
                return ReadResult.of(records, diagnostics);
            }
            while (true) {
                if (array) {
                    token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        break;
                    }
                    if (token == null) {
                        diagnostics.add(Diagnostic.error(source, line(parser.currentLocation()), null,
                                "GP JSON array is not closed"));
                        break;
                    }
                }
                index++;
                int objectLine = line(parser.currentTokenLocation());
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    diagnostics.add(Diagnostic.error(source, objectLine, null,
                            "element [" + index + "] is not an object"));
                    continue;
                }
                readObject(parser, source, index, objectLine, reference, records, diagnostics);
                if (!array) {
                    break;
                }
            }
            if (parser.nextToken() != null) {
                diagnostics.add(Diagnostic.error(source, line(parser.currentTokenLocation()), null,
                        "text after the end of the GP JSON document ignored"));
            }
        } catch (JsonProcessingException ex) {
            String at = index >= 0 ? "in or after element [" + index + "]: " : "";
            diagnostics.add(Diagnostic.error(source, line(ex.getLocation()), null,
                    "not valid JSON " + at + Values.abbreviate(ex.getOriginalMessage())));
        } catch (IOException ex) {
            diagnostics.add(Diagnostic.error(source, 0, null, "cannot read JSON: " + Values.abbreviate(ex.getMessage())));
        }
        return ReadResult.of(records, diagnostics);
    }

    private static void readObject(JsonParser parser, String source, int index, int objectLine, ReferenceData reference,
                                   List<ElementSet> records, List<Diagnostic> diagnostics) throws IOException {
        Map<String, FieldValue> fields = new HashMap<>();
        BadRecord fault = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int fieldLine = line(parser.currentTokenLocation());
            token = parser.nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
                if (fault == null) {
                    fault = new BadRecord(fieldLine, key, "element [" + index + "]: " + key + " is not a single value");
                }
                continue;
            }
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            FieldValue value = new FieldValue(key, parser.getText(), null, fieldLine);
            FieldValue earlier = fields.putIfAbsent(key, value);
            if (earlier != null && fault == null) {
                fault = new BadRecord(fieldLine, key, "element [" + index + "]: " + key + " appears twice");
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "object not closed");
        }
        if (fault != null) {
            diagnostics.add(fault.toDiagnostic(source));
            return;
        }
        try {
            records.add(MeanElements.build(fields, false, source, objectLine, source + ":" + objectLine, reference,
                    diagnostics));
        } catch (BadRecord bad) {
            diagnostics.add(Diagnostic.error(source, bad.line(), bad.field(), "element [" + index + "]: " + bad.getMessage()));
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    // ---------------------------------------------------------------- CSV

    private static ReadResult<ElementSet> parseCsv(String source, String text, ReferenceData reference) {
        List<ElementSet> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String[] lines = Inputs.lines(text);
        int k = 0;
        while (k < lines.length && lines[k].isBlank()) {
            k++;
        }
        if (k == lines.length) {
            return ReadResult.of(records, diagnostics);
        }
        int headerLine = k + 1;
        List<String> header;
        try {
            header = splitCsv(lines[k], headerLine);
        } catch (BadRecord bad) {
            diagnostics.add(bad.toDiagnostic(source));
            return ReadResult.of(records, diagnostics);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (columns.putIfAbsent(name, c) != null) {
                diagnostics.add(Diagnostic.error(source, headerLine, Values.abbreviate(name),
                        "column " + Values.abbreviate(name) + " appears twice in the header"));
                return ReadResult.of(records, diagnostics);
            }
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            diagnostics.add(Diagnostic.error(source, headerLine, null,
                    "GP CSV header lacks the column(s) " + String.join(", ", missing)));
            return ReadResult.of(records, diagnostics);
        }
        for (int i = k + 1; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                List<String> cells = splitCsv(lines[i], lineNo);
                if (cells.size() != header.size()) {
                    throw new BadRecord(lineNo, null, "row has " + cells.size() + " cells, the header " + header.size());
                }
                Map<String, FieldValue> fields = new HashMap<>();
                for (Map.Entry<String, Integer> column : columns.entrySet()) {
                    String cell = cells.get(column.getValue()).strip();
                    if (!cell.isEmpty()) {
                        fields.put(column.getKey(), new FieldValue(column.getKey(), cell, null, lineNo));
                    }
                }
                records.add(MeanElements.build(fields, false, source, lineNo, source + ":" + lineNo, reference,
                        diagnostics));
            } catch (BadRecord bad) {
                diagnostics.add(bad.toDiagnostic(source));
            }
        }
        return ReadResult.of(records, diagnostics);
    }

    /** RFC 4180 cells of one line: commas separate, double quotes enclose, "" inside quotes is a quote. */
    static List<String> splitCsv(String line, int lineNo) throws BadRecord {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quoted) {
                if (c == '"') {
                    if (k + 1 < line.length() && line.charAt(k + 1) == '"') {
                        cell.append('"');
                        k++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw new BadRecord(lineNo, null, "text after a closing quote in cell " + (cells.size() + 1));
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new BadRecord(lineNo, null, "quoted cell " + (cells.size() + 1) + " is not closed on its line");
        }
        cells.add(cell.toString());
        return cells;
    }
}
