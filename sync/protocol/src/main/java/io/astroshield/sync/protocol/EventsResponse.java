package io.astroshield.sync.protocol;

import java.time.Instant;
import java.util.List;

/** The published {@code EventsResponse}: recent events, newest first, their count and the time of the answer. */
public record EventsResponse(List<Event> events, int count, Instant timestamp) {
    public EventsResponse {
        events = List.copyOf(events);
    }
}
