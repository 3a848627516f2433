package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;

/** One record that cannot be used: becomes one error diagnostic, and the reader moves on to the next. */
final class BadRecord extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String field;

    BadRecord(int line, String field, String reason) {
        // no stack trace: this is an expected outcome on bad input, and fuzzed files make many
        super(reason, null, false, false);
        this.line = Math.max(0, line);
        this.field = field;
    }

    int line() {
        return line;
    }

    String field() {
        return field;
    }

    Diagnostic toDiagnostic(String source) {
        return Diagnostic.error(source, line, field, getMessage());
    }
}
