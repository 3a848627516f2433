package io.astroshield.sync.protocol;

import java.time.Instant;

/** A note appended to a conjunction (append-only: a note never changes once written). */
public record ConjunctionNote(long id, long conjunctionId, String author, String text, Instant createdAt) {
}
