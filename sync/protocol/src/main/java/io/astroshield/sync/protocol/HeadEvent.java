package io.astroshield.sync.protocol;

/**
 * Data of a {@code head} event on {@code GET /sync/v1/stream}: the change log now reaches {@code seq}; a client
 * whose cursor is below it pulls {@code /sync/v1/changes}.
 */
public record HeadEvent(long seq) {
}
