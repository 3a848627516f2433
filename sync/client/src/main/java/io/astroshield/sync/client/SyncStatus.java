package io.astroshield.sync.client;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the status bar shows about sync, as one immutable value.
 *
 * @param connected      the last call to the server got an answer
 * @param live           the live stream is open: changes on the server arrive within about a second
 * @param user           the signed-in user, null before the first sign-in
 * @param role           the user's role as the server's token says, null if unknown
 * @param lastSync       when a full sync (upload and download) last completed, null if never
 * @param pending        ops not yet answered by the server
 * @param parked         ops that kept failing and wait for someone to look at them
 * @param rejected       ops the server refused (final; their reasons are kept in the outbox)
 * @param cursor         the change-log position the local copy is at
 * @param newestChangeAt per scope (entity kind), when the server made the newest change held locally
 * @param lastError      the last failure in words, null after a success
 */
public record SyncStatus(boolean connected, boolean live, String user, String role, Instant lastSync, long pending, long parked,
                         long rejected, long cursor, Map<String, Instant> newestChangeAt, String lastError) {
    public SyncStatus {
        newestChangeAt = Map.copyOf(newestChangeAt);
    }

    /** Per scope, how old the newest change held locally is at {@code now}. */
    public Map<String, Duration> dataAge(Instant now) {
        Map<String, Duration> ages = new LinkedHashMap<>();
        newestChangeAt.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ages.put(e.getKey(), Duration.between(e.getValue(), now)));
        return ages;
    }

    /** Time since the last full sync at {@code now}, null if never. */
    public Duration sinceLastSync(Instant now) {
        return lastSync == null ? null : Duration.between(lastSync, now);
    }
}
