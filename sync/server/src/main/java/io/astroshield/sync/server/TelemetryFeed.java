package io.astroshield.sync.server;

import io.astroshield.sync.protocol.OrbitalParameters;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.SpacecraftCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --simulate-telemetry}: writes the {@link TelemetrySimulator}'s samples of every active spacecraft at the
 * simulator's cadence, through the same write path as any reference data (stored, in the change log), plus an
 * event whenever a limited metric leaves or re-enters its nominal range. Creates one demo spacecraft when the
 * store has none.
 */
final class TelemetryFeed {
    /** NORAD number of the demo spacecraft (the 99xxx range is unused by the public catalogue's payloads). */
    static final int DEMO_NORAD = 99001;

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryFeed.class);

    private final DataSource db;
    private final ReferenceDataWrites writes;
    private final SpacecraftRepository spacecraft;
    private final EventLog events;
    private final TelemetrySimulator simulator;
    private final Clock clock;

    TelemetryFeed(DataSource db, ReferenceDataWrites writes, SpacecraftRepository spacecraft, EventLog events,
                  TelemetrySimulator simulator, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.spacecraft = spacecraft;
        this.events = events;
        this.simulator = simulator;
        this.clock = clock;
    }

    /** Writes a tick at every multiple of the cadence from now on. */
    void start(ScheduledExecutorService scheduler) {
        long period = simulator.interval().toNanos();
        Instant now = clock.instant();
        long untilNext = Duration.between(now, simulator.timeOf(simulator.tickAt(now) + 1)).toNanos();
        scheduler.scheduleAtFixedRate(this::writeCurrentTick, untilNext, period, TimeUnit.NANOSECONDS);
        LOG.info("simulating telemetry every {}", simulator.interval());
    }

    /** Creates the demo spacecraft when the store holds no spacecraft at all; returns whether it did. */
    boolean ensureDemoSpacecraft() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(db, "creating the demo spacecraft", c -> {
            if (!spacecraft.all(c).isEmpty()) {
                return false;
            }
            // 520 km sun-synchronous: a 95 min period (the simulator's orbit)
            writes.createSpacecraft(c, new SpacecraftCreate("ASTROSHIELD DEMO-1", DEMO_NORAD, "active", "LEO", null,
                    new OrbitalParameters(6898.0, 0.0012, 97.45, 120.0, 90.0, 0.0, now), null), now);
            LOG.info("created the demo spacecraft (NORAD {}) for the telemetry simulator", DEMO_NORAD);
            return true;
        });
    }

    /**
     * Writes the samples of {@code tick} for every active spacecraft in one transaction; a tick written before
     * changes nothing. Returns how many samples were stored.
     */
    int writeTick(long tick) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(db, "writing simulated telemetry", c -> {
            int stored = 0;
            for (Spacecraft sc : spacecraft.all(c)) {
                if ("active".equals(sc.status())) {
                    stored += write(c, sc, tick, now);
                }
            }
            return stored;
        });
    }

    private void writeCurrentTick() {
        try {
            writeTick(simulator.tickAt(clock.instant()));
        } catch (RuntimeException e) {
            // a failed tick must not end the schedule; the next one tries again
            LOG.warn("simulated telemetry tick failed", e);
        }
    }

    private int write(Connection c, Spacecraft sc, long tick, Instant now) throws SQLException {
        List<TelemetrySimulator.Sample> samples = simulator.samples(sc.noradId(), tick);
        List<TelemetrySimulator.Sample> before = simulator.samples(sc.noradId(), tick - 1);
        int stored = 0;
        for (int i = 0; i < samples.size(); i++) {
            TelemetrySimulator.Sample s = samples.get(i);
            if (writes.recordTelemetry(c, sc.id(), s.subsystem(), s.at(), s.metrics(), now).isEmpty()) {
                continue;
            }
            stored++;
            Map<String, Double> out = TelemetrySimulator.outOfLimits(s);
            Map<String, Double> wasOut = TelemetrySimulator.outOfLimits(before.get(i));
            for (Map.Entry<String, Double> e : out.entrySet()) {
                if (!wasOut.containsKey(e.getKey())) {
                    events.record(c, EventLog.TELEMETRY_LIMIT_EXCEEDED, sc.noradId(), s.at(),
                            describe(sc, e.getKey(), e.getValue(), "outside"));
                }
            }
            for (Map.Entry<String, Double> e : wasOut.entrySet()) {
                if (!out.containsKey(e.getKey())) {
                    events.record(c, EventLog.TELEMETRY_BACK_IN_LIMITS, sc.noradId(), s.at(),
                            describe(sc, e.getKey(), s.metrics().get(e.getKey()), "back inside"));
                }
            }
        }
        return stored;
    }

    private static String describe(Spacecraft sc, String metric, double value, String where) {
        TelemetrySimulator.Limit limit = TelemetrySimulator.LIMITS.get(metric);
        String unit = TelemetrySimulator.UNITS.get(metric).split(" ")[0];
        return String.format(Locale.ROOT, "%s: %s %s %s %s its nominal range %s to %s %s", sc.name(), metric,
                fmt(value), unit, where, fmt(limit.min()), fmt(limit.max()), unit);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }
}
