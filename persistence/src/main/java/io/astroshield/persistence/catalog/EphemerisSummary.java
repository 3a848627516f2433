package io.astroshield.persistence.catalog;

import java.time.Instant;

/** A stored ephemeris without its points, for lists. */
public record EphemerisSummary(long id, int noradId, String objectName, String frameName, Instant start, Instant stop,
                               int pointCount, String source, Instant importedAt) {
}
