package io.astroshield.sync.protocol;

/** Paging of a list answer: 1-based {@code page}, {@code limit} items per page, {@code total} matching items. */
public record PageMeta(int page, int limit, long total) {
}
