package io.astroshield.sync.protocol;

import java.util.List;

/**
 * {@code GET /sync/v1/changes?cursor=N}: the changes after {@code N} in sequence order; ask again with
 * {@code next_cursor} while {@code has_more}.
 */
public record ChangesPage(List<Change> changes, long nextCursor, boolean hasMore) {
    public ChangesPage {
        changes = List.copyOf(changes);
    }
}
