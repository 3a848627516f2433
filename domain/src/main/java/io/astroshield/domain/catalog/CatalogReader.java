package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One entry point for element-set catalogs: detects the format from the content (not the file
 * name) and hands the text to {@link TleReader}, {@link OmmReader} or {@link GpReader}, so
 * {@code --catalog FILE...} accepts any of them. Text in none of these formats gives one error
 * diagnostic at line 0 naming the formats expected.
 */
public final class CatalogReader {

    /** The catalog formats this reader recognises. */
    public enum Format {
        /** NORAD two-line element sets, with or without title lines (2LE, 3LE). */
        TLE,
        /** CCSDS OMM in keyword = value notation. */
        OMM_KVN,
        /** CCSDS OMM in XML, alone or inside an NDM. */
        OMM_XML,
        /** CelesTrak/Space-Track GP JSON. */
        GP_JSON,
        /** CelesTrak GP CSV with a header row. */
        GP_CSV
    }

    static final String EXPECTED = "expected TLE/3LE, CCSDS OMM (KVN or XML), CelesTrak GP JSON or GP CSV";

    private CatalogReader() {
    }

    /** Reads a catalog file in any supported format with the built-in reference data. */
    public static ReadResult<ElementSet> read(Path file) {
        return Inputs.readFile(file, CatalogReader::read);
    }

    /** Reads a catalog file in any supported format. */
    public static ReadResult<ElementSet> read(Path file, ReferenceData reference) {
        return Inputs.readFile(file, (source, text) -> read(source, text, reference));
    }

    /** Reads catalog text in any supported format with the built-in reference data. */
    public static ReadResult<ElementSet> read(String sourceName, String text) {
        return read(sourceName, text, null);
    }

    /**
     * Reads catalog text in any supported format.
     *
     * @param reference time scales for OMM/GP epochs outside UTC; null for the built-in data
     *                  (only built when a format needs it, so plain TLE files start fast)
     */
    public static ReadResult<ElementSet> read(String sourceName, String text, ReferenceData reference) {
        String source = sourceName == null ? "<input>" : sourceName;
        Optional<Format> format = detect(text);
        if (format.isEmpty()) {
            return ReadResult.of(List.of(), List.of(Diagnostic.error(source, 0, null,
                    "not a recognised catalog format: " + EXPECTED)));
        }
        if (format.get() == Format.TLE) {
            return TleReader.read(source, text);
        }
        ReferenceData data = reference != null ? reference : ReferenceData.builtIn();
        return switch (format.get()) {
            case OMM_KVN, OMM_XML -> OmmReader.read(source, text, data);
            case GP_JSON -> GpReader.readJson(source, text, data);
            default -> GpReader.readCsv(source, text, data);
        };
    }

    /** The format the text is written in, judged from its first meaningful characters and lines. */
    public static Optional<Format> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        char first = GpReader.firstChar(text);
        if (first == '<') {
            return text.contains("<omm") ? Optional.of(Format.OMM_XML) : Optional.empty();
        }
        if (first == '[' || first == '{') {
            return Optional.of(Format.GP_JSON);
        }
        // walk line by line without splitting the whole text: a TLE catalog is recognised in its first lines
        String firstLine = null;
        String previous = null;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end);
            if (firstLine == null) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("COMMENT")) {
                    firstLine = s;
                    if (s.startsWith("CCSDS_OMM_VERS")) {
                        return Optional.of(Format.OMM_KVN);
                    }
                    if (s.contains(",") && s.replace("\"", "").toUpperCase(java.util.Locale.ROOT).contains("NORAD_CAT_ID")) {
                        return Optional.of(Format.GP_CSV);
                    }
                }
            }
            if (!line.isEmpty()) {
                if (previous != null && previous.startsWith("1 ") && line.startsWith("2 ")) {
                    return Optional.of(Format.TLE);
                }
                previous = line;
            }
            start = end + 1;
        }
        return Optional.empty();
    }
}
