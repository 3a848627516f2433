package io.astroshield.sync.server;

import java.util.List;

/** One page of rows and how many rows matched in all. */
public record Page<T>(List<T> rows, long total) {
    public Page {
        rows = List.copyOf(rows);
    }
}
