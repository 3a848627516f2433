package io.astroshield.persistence.alarms;

import io.astroshield.domain.alarms.Actor;
import io.astroshield.domain.alarms.AlarmChangeSet;
import io.astroshield.domain.alarms.AlarmConfiguration;
import io.astroshield.domain.alarms.AlarmDefinition;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmStore;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.ConjunctionTrendPoint;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.StoredAlarms;
import io.astroshield.domain.alarms.TelemetryLimitSet;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One console's alarm set-up for the H2 store tests: people in each role, a battery parameter, the conjunction alarm. */
final class AlarmStoreFixtures {

    /** Not on a whole second, so the store must keep nanoseconds. */
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00.123456789Z");
    static final String DEVICE = "console-7";
    static final Actor VIEWER = new Actor("vera", Role.VIEWER, DEVICE);
    static final Actor OPERATOR = new Actor("Zoë Ångström", Role.OPERATOR, DEVICE);
    static final Actor SUPERVISOR = new Actor("sam", Role.SUPERVISOR, DEVICE);

    /** Bus voltage in volts: red below 24 or above 34, yellow below 26 or above 33 (illustrative limits). */
    static final String BATT = "BATT_V";
    static final TelemetryLimitSet NOMINAL = new TelemetryLimitSet("NOMINAL",
            Map.of(BATT, new ParameterLimits(24, 26, 33, 34)));
    /** A second set with absent limits (NaN), which the store keeps as NULL. */
    static final TelemetryLimitSet SAFE_MODE = new TelemetryLimitSet("SAFE_MODE",
            Map.of(BATT, new ParameterLimits(22, Double.NaN, Double.NaN, 35)));

    static final int ISS = 25544;

    private AlarmStoreFixtures() {
    }

    static AlarmConfiguration configuration() {
        return AlarmConfiguration.builder(DEVICE)
                .define(AlarmDefinition.telemetry("tm.batt", BATT, 0.5, Duration.ofSeconds(10)))
                .define(AlarmDefinition.conjunction("conjunction"))
                .telemetryLimitSet(NOMINAL)
                .telemetryLimitSet(SAFE_MODE)
                .build();
    }

    /** A clock the test moves by hand. */
    static final class ManualClock implements InstantSource {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /**
     * Passes every change set to the H2 store and keeps what the engine handed over once the
     * commit returned: the engine's own account, to compare the store with after a restart.
     */
    static final class Recording implements AlarmStore {
        final AlarmStore delegate;
        final List<AuditEvent> audit = new ArrayList<>();
        final Map<UUID, AlarmOccurrence> lastSnapshot = new LinkedHashMap<>();
        final Map<String, List<ConjunctionTrendPoint>> trend = new LinkedHashMap<>();

        Recording(AlarmStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void commit(AlarmChangeSet changes) {
            delegate.commit(changes);
            audit.addAll(changes.audit());
            changes.occurrences().forEach(o -> lastSnapshot.put(o.id(), o));
            changes.trend().forEach(p -> trend.computeIfAbsent(p.eventId(), k -> new ArrayList<>()).add(p));
        }

        @Override
        public StoredAlarms load() {
            return delegate.load();
        }

        @Override
        public List<AuditEvent> audit(long afterSequence, int limit) {
            return delegate.audit(afterSequence, limit);
        }

        @Override
        public List<ConjunctionTrendPoint> trend(String eventId) {
            return delegate.trend(eventId);
        }
    }

    static AlarmOccurrence liveBattery(List<AlarmOccurrence> open) {
        return open.stream().filter(o -> o.key().subject().equals(BATT) && o.key().origin() == DataOrigin.LIVE)
                .findFirst().orElseThrow();
    }
}
