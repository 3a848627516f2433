package io.astroshield.sync.protocol;

import java.util.List;

/** The published {@code SpacecraftList}. */
public record SpacecraftList(List<Spacecraft> data, PageMeta meta) {
    public SpacecraftList {
        data = List.copyOf(data);
    }
}
