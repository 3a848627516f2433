package io.astroshield.persistence.workspace;

import java.time.Instant;
import java.util.Objects;

/** An analyst note on an event, object, CDM, run or spacecraft ({@code subjectKey} is its id as text). */
public record NoteRow(NoteSubject subjectKind, String subjectKey, String author, Instant createdAt, Instant updatedAt,
                      String body) {
    public NoteRow {
        Objects.requireNonNull(subjectKind, "subjectKind");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(body, "body");
    }
}
