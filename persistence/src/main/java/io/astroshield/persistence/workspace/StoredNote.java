package io.astroshield.persistence.workspace;

/** A note with its id and version. */
public record StoredNote(long id, int version, NoteRow note) {
}
