package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** What every reader does at its edges: read a file, and keep a reader bug from escaping as an exception. */
final class Inputs {

    /** Prefix of the diagnostic that stands for a reader bug; the fuzz test asserts it never appears. */
    static final String INTERNAL_ERROR = "internal reader error";

    private Inputs() {
    }

    /** Reads a whole file as UTF-8 (malformed bytes become U+FFFD and then fail field checks). */
    static String readText(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static String sourceName(Path file) {
        return file == null ? "<null>" : file.toString();
    }

    static <T> ReadResult<T> unreadable(Path file, Exception ex) {
        String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return ReadResult.of(List.of(), List.of(Diagnostic.error(sourceName(file), 0, null, "cannot read file: " + why)));
    }

    /** Reads a file and hands its text to {@code parse}; an unreadable file is one error at line 0. */
    static <T> ReadResult<T> readFile(Path file, java.util.function.BiFunction<String, String, ReadResult<T>> parse) {
        String text;
        try {
            text = readText(file);
        } catch (IOException | RuntimeException ex) {
            return unreadable(file, ex);
        }
        return parse.apply(sourceName(file), text);
    }

    /**
     * The common entry of every reader's text method: names a nameless source, reports absent
     * text as one error, and runs {@code parse(source, text)} {@link #guarded guarded}.
     */
    static <T> ReadResult<T> parseText(String sourceName, String text,
                                       java.util.function.BiFunction<String, String, ReadResult<T>> parse) {
        String source = sourceName == null ? "<input>" : sourceName;
        if (text == null) {
            return ReadResult.of(List.of(), List.of(Diagnostic.error(source, 0, null, "no text to read")));
        }
        return guarded(source, () -> parse.apply(source, text));
    }

    /**
     * Runs a parse and turns any exception that escapes it (a bug in the reader, never expected)
     * into one error diagnostic, so callers never see an unchecked exception for bad content.
     */
    static <T> ReadResult<T> guarded(String source, Supplier<ReadResult<T>> parse) {
        try {
            return parse.get();
        } catch (RuntimeException | StackOverflowError ex) {
            return ReadResult.of(List.of(), List.of(Diagnostic.error(source == null ? "<null>" : source, 0, null,
                    INTERNAL_ERROR + " (" + ex + "); the file could not be read")));
        }
    }

    /** Splits text into lines on LF, CRLF or CR; a leading byte-order mark is dropped. */
    static String[] lines(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(text.length() / 40 + 1);
        int n = text.length();
        for (int k = start; k < n; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, k));
                if (c == '\r' && k + 1 < n && text.charAt(k + 1) == '\n') {
                    k++;
                }
                start = k + 1;
            }
        }
        lines.add(text.substring(start));
        return lines.toArray(new String[0]);
    }

    /** The line without trailing blanks, tabs or other control characters. */
    static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) <= ' ') {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }
}
