package io.astroshield.persistence;

import java.time.Duration;

/**
 * How long to keep data that grows without bound ({@code db purge}). A {@code null} duration keeps
 * that kind forever. Whatever the policy says, a purge never removes an object's newest element
 * set, an unacknowledged alarm (nor the event it belongs to), any audit record, or an outbox row
 * that has not reached the server.
 *
 * @param elementSets   element sets whose epoch is older than this
 * @param telemetry     telemetry samples older than this
 * @param closedEvents  closed conjunction events whose latest TCA is older than this, with their updates
 * @param syncedOutbox  outbox rows the server answered (applied, duplicate, rejected) longer ago than this
 */
public record RetentionPolicy(Duration elementSets, Duration telemetry, Duration closedEvents, Duration syncedOutbox) {

    public RetentionPolicy {
        requireNonNegative("elementSets", elementSets);
        requireNonNegative("telemetry", telemetry);
        requireNonNegative("closedEvents", closedEvents);
        requireNonNegative("syncedOutbox", syncedOutbox);
    }

    /** Keeps everything. */
    public static RetentionPolicy keepEverything() {
        return new RetentionPolicy(null, null, null, null);
    }

    /** The same age limit for every kind. */
    public static RetentionPolicy olderThan(Duration age) {
        return new RetentionPolicy(age, age, age, age);
    }

    private static void requireNonNegative(String name, Duration d) {
        if (d != null && d.isNegative()) {
            throw new IllegalArgumentException(name + ": " + d);
        }
    }
}
