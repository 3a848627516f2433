package io.astroshield.sync.protocol;

/** Payload of the sync op {@code conjunction.note}: append {@code text} to conjunction {@code conjunction_id}. */
public record ConjunctionNoteCreate(Long conjunctionId, String text) {
}
