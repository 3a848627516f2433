package io.astroshield.persistence.workspace;

/** What an analyst note is attached to. */
public enum NoteSubject {
    EVENT, OBJECT, CDM, RUN, SPACECRAFT
}
