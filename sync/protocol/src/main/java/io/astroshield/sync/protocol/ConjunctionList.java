package io.astroshield.sync.protocol;

import java.util.List;

/** The published {@code ConjunctionList}. */
public record ConjunctionList(List<Conjunction> data, PageMeta meta) {
    public ConjunctionList {
        data = List.copyOf(data);
    }
}
