package io.astroshield.sync.protocol;

import java.time.Instant;

/**
 * One item of the published {@code EventsResponse}: {@code id} a UUID, {@code type} what happened
 * ({@code spacecraft_registered}, {@code conjunction_detected}, {@code telemetry_limit_exceeded},
 * {@code telemetry_back_in_limits}), {@code satellite_id} the NORAD catalogue number as text, {@code details} a
 * sentence for people.
 */
public record Event(String id, String type, String satelliteId, Instant timestamp, String details) {
}
