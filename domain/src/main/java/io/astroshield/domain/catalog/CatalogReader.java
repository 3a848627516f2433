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
        return read(file, ReferenceData.builtIn());
    }

    /** Reads a catalog file in any supported format. */
    public static ReadResult<ElementSet> read(Path file, ReferenceData reference) {
        return Inputs.readFile(file, (source, text) -> read(source, text, reference));
    }

    /** Reads catalog text in any supported format with the built-in reference data. */
    public static ReadResult<ElementSet> read(String sourceName, String text) {
        return read(sourceName, text, ReferenceData.builtIn());
    }

    /** Reads catalog text in any supported format. */
    public static ReadResult<ElementSet> read(String sourceName, String text, ReferenceData reference) {
        String source = sourceName == null ? "<input>" : sourceName;
        Optional<Format> format = detect(text);
        if (format.isEmpty()) {
            return ReadResult.of(List.of(), List.of(Diagnostic.error(source, 0, null,
                    "not a recognised catalog format: " + EXPECTED)));
        }
        return switch (format.get()) {
            case TLE -> TleReader.read(source, text);
            case OMM_KVN, OMM_XML -> OmmReader.read(source, text, reference);
            case GP_JSON -> GpReader.readJson(source, text, reference);
            case GP_CSV -> GpReader.readCsv(source, text, reference);
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
        String[] lines = Inputs.lines(text);
        String firstLine = null;
        for (String line : lines) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("COMMENT")) {
                firstLine = s;
                break;
            }
        }
        if (firstLine == null) {
            return Optional.empty();
        }
        if (firstLine.startsWith("CCSDS_OMM_VERS")) {
            return Optional.of(Format.OMM_KVN);
        }
        if (firstLine.contains(",") && firstLine.replace("\"", "").toUpperCase(java.util.Locale.ROOT).contains("NORAD_CAT_ID")) {
            return Optional.of(Format.GP_CSV);
        }
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("1 ") && lines[i + 1].startsWith("2 ")) {
                return Optional.of(Format.TLE);
            }
        }
        return Optional.empty();
    }
}
