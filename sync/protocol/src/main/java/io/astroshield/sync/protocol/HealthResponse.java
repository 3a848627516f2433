package io.astroshield.sync.protocol;

import java.time.Instant;

/** {@code GET /health}: {@code status} is {@code healthy} when the database answers. */
public record HealthResponse(String status, String version, Instant timestamp) {
}
