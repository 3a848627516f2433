package io.astroshield.sync.protocol;

import java.time.Instant;
import java.util.List;

/**
 * What the operations team decided about a conjunction ({@link #VALUES}); {@code version} counts the changes, the
 * first setting being version 1.
 */
public record ConjunctionDisposition(long conjunctionId, String disposition, long version, String updatedBy,
                                     Instant updatedAt) {
    /** The dispositions a conjunction can have. */
    public static final List<String> VALUES = List.of(
            "OPEN", "MONITOR", "MITIGATE", "NO_ACTION", "CLOSED");
}
