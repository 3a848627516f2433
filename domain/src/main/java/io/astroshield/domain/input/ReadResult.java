package io.astroshield.domain.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reader returns: the records it could read and a diagnostic for everything it
 * skipped or repaired. Readers never throw for bad content; a missing or unreadable file is
 * reported as one error diagnostic with line 0.
 */
public record ReadResult<T>(List<T> records, List<Diagnostic> diagnostics) {

    public ReadResult {
        records = List.copyOf(records);
        diagnostics = List.copyOf(diagnostics);
    }

    public static <T> ReadResult<T> of(List<T> records, List<Diagnostic> diagnostics) {
        return new ReadResult<>(records, diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** Concatenates several results, e.g. one per input file, keeping their order. */
    public static <T> ReadResult<T> concat(List<ReadResult<T>> parts) {
        List<T> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ReadResult<T> part : parts) {
            Objects.requireNonNull(part, "part");
            records.addAll(part.records());
            diagnostics.addAll(part.diagnostics());
        }
        return new ReadResult<>(records, diagnostics);
    }
}
