package io.astroshield.domain.input;

import java.util.Objects;

/**
 * One finding about an input: where it is (source, line, field) and why it matters.
 * {@link Level#ERROR} means the record was skipped; {@link Level#WARNING} means it was
 * kept, possibly after a repair that the reason describes.
 *
 * @param source file name or other label of the input, never null
 * @param line   1-based line number, or 0 when the input has no lines (binary, JSON tree)
 * @param field  the field or keyword concerned, or null when the whole record is concerned
 * @param reason a short sentence a person can act on
 */
public record Diagnostic(Level level, String source, int line, String field, String reason) {

    public enum Level { WARNING, ERROR }

    public Diagnostic {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line: " + line);
        }
    }

    public static Diagnostic error(String source, int line, String field, String reason) {
        return new Diagnostic(Level.ERROR, source, line, field, reason);
    }

    public static Diagnostic warning(String source, int line, String field, String reason) {
        return new Diagnostic(Level.WARNING, source, line, field, reason);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code FILE:LINE: reason} as the CLI prints it on stderr (DESIGN.md, entry points). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (level == Level.WARNING) {
            sb.append("warning: ");
        }
        if (field != null) {
            sb.append(field).append(": ");
        }
        return sb.append(reason).toString();
    }
}
