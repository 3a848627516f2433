package io.astroshield.persistence.workspace;

import java.time.Instant;
import java.util.Objects;

/** A saved multi-monitor layout: the docking tree as JSON, written and read by the app. */
public record LayoutRow(String name, int monitorCount, String layoutJson, Instant updatedAt) {
    public LayoutRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layoutJson, "layoutJson");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (monitorCount < 1) {
            throw new IllegalArgumentException("monitorCount: " + monitorCount);
        }
    }
}
