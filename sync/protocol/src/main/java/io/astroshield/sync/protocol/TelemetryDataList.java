package io.astroshield.sync.protocol;

import java.util.List;

/** The published {@code TelemetryDataList}. */
public record TelemetryDataList(List<TelemetryData> data, PageMeta meta) {
    public TelemetryDataList {
        data = List.copyOf(data);
    }
}
