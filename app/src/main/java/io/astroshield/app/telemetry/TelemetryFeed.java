package io.astroshield.app.telemetry;

import io.astroshield.app.fx.BackgroundPriority;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmSource;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Quality;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.TelemetryLimitSet;
import io.astroshield.domain.alarms.TelemetrySample;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.Tx;
import io.astroshield.persistence.telemetry.LimitRange;
import io.astroshield.persistence.telemetry.LimitSetRow;
import io.astroshield.persistence.telemetry.SampleQuality;
import io.astroshield.persistence.telemetry.SpacecraftRow;
import io.astroshield.persistence.telemetry.TelemetryPointRow;
import io.astroshield.persistence.telemetry.TelemetrySampleRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo spacecraft's telemetry feed (no JavaFX): once the demo spacecraft is in the store it samples
 * {@link DemoSpacecraft} every second at the workstation's clock, stores every sample, grades it in the alarm engine
 * (on the engine's thread), stamps the feed's watchdog and tells listeners, from its own thread. Samples are taken
 * at whole seconds, so a second is sampled once however the timer jitters, and the same second always has the same
 * value.
 *
 * <p>History: {@link #installDemo} writes the last {@link #BACKFILL} of samples with the spacecraft, so charts have
 * history at once; a feed that starts on a store whose last sample is older fills the gap up to {@link #BACKFILL}
 * (the simulated ground archive). Replay reads the store ({@link #history}), never recomputes.
 */
public final class TelemetryFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryFeed.class);

    /** History written when the demo opens, and the longest gap a restart fills. */
    public static final Duration BACKFILL = Duration.ofHours(2);
    /** Who the demo's limit sets are recorded as changed by. */
    static final String LIMITS_AUTHOR = "demo";

    /**
     * One parameter's newest sample as the alarm engine graded it.
     *
     * @param severity the open occurrence's severity while its condition is active, null within limits
     * @param state    the open occurrence's state, null when none is open
     * @param quality  the engine's data quality of the parameter (STALE when samples stopped or came late)
     * @param limits   the limits the engine graded the sample against (its active limit set), null when none
     */
    public record Reading(DemoSpacecraft.Parameter parameter, Instant sampledAt, double value, Severity severity,
                          AlarmState state, Quality quality, ParameterLimits limits) {
    }

    /** What one step of the feed delivered: every sample taken (oldest first) and the newest reading of each. */
    public record Tick(Instant at, List<TelemetrySample> samples, List<Reading> readings) {
        public Tick {
            samples = List.copyOf(samples);
            readings = List.copyOf(readings);
        }
    }

    private final Workstation ws;
    private final List<Consumer<Tick>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = BackgroundPriority.startedScheduler(r -> {
        Thread t = new Thread(r, "astroshield-telemetry");
        t.setDaemon(true);
        return t;
    });
    /** Feed state, guarded by {@code this}. */
    private boolean present;
    private Instant lastSampled;
    private boolean suspended;

    public TelemetryFeed(Workstation ws) {
        this.ws = ws;
    }

    /** Samples once a second from now on, on the feed's own thread. */
    public void start() {
        long delayMs = 1000 - ws.clock().instant().toEpochMilli() % 1000;
        timer.scheduleAtFixedRate(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("telemetry feed step failed", e);
            }
        }, delayMs, DemoSpacecraft.CADENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void addListener(Consumer<Tick> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Tick> listener) {
        listeners.remove(listener);
    }

    /**
     * Simulates a loss of signal: nothing is sampled, stored or delivered until {@link #resume()}; the samples of
     * the silent seconds are lost, as they would be without a recorder on board.
     */
    public synchronized void suspend() {
        suspended = true;
    }

    public synchronized void resume() {
        if (suspended) {
            suspended = false;
            if (lastSampled != null) {
                lastSampled = second(ws.clock().instant()).minus(DemoSpacecraft.CADENCE);
            }
        }
    }

    /**
     * One step: the seconds since the last sample up to now (at most {@link #BACKFILL} of them) are sampled, stored,
     * graded and delivered. Nothing happens while the demo spacecraft is not in the store or the feed is suspended.
     * The timer calls this once a second; tests call it with a clock they move.
     *
     * @return what was delivered, empty when nothing was
     */
    public synchronized Optional<Tick> tick() {
        if (suspended) {
            return Optional.empty();
        }
        Instant now = second(ws.clock().instant());
        if (!present) {
            present = ws.store().read(TelemetryFeed::hasDemoSpacecraft);
            if (!present) {
                return Optional.empty();
            }
            lastSampled = ws.store().read(tx -> newestSample(tx, now.minus(BACKFILL), now.plus(BACKFILL))).orElse(null);
        }
        Instant first = lastSampled == null || lastSampled.isBefore(now.minus(BACKFILL))
                ? now.minus(BACKFILL) : lastSampled.plus(DemoSpacecraft.CADENCE);
        if (first.isAfter(now)) {
            return Optional.empty();
        }
        List<TelemetrySampleRow> rows = sample(first, now.plus(DemoSpacecraft.CADENCE), ws.clock().instant());
        ws.store().write(tx -> {
            tx.telemetry().appendSamples(rows);
            return null;
        });
        lastSampled = now;
        List<TelemetrySample> samples = rows.stream().map(r -> new TelemetrySample(r.pointName(), r.sampleTime(),
                r.value(), DataOrigin.LIVE)).toList();
        // a long gap (restart) is history: only samples young enough to be graded go to the engine
        Instant gradedFrom = now.minus(DemoSpacecraft.CADENCE.multipliedBy(5));
        List<Reading> readings = ws.alarms(engine -> {
            for (TelemetrySample s : samples) {
                if (!s.sampledAt().isBefore(gradedFrom)) {
                    engine.telemetry().accept(s);
                }
            }
            try {
                engine.watchdog().delivered(DemoSpacecraft.FEED);
            } catch (IllegalArgumentException e) {
                // the engine learns of the demo feed when it is reloaded just after the demo install: a tick in
                // between has no watchdog to stamp
            }
            return readings(engine, samples);
        });
        Tick tick = new Tick(now, samples, readings);
        for (Consumer<Tick> l : listeners) {
            try {
                l.accept(tick);
            } catch (RuntimeException e) {
                LOG.warn("telemetry listener failed", e);
            }
        }
        ws.fire(Workstation.Change.TELEMETRY);
        return Optional.of(tick);
    }

    private static List<Reading> readings(AlarmEngine engine, List<TelemetrySample> samples) {
        Map<String, TelemetrySample> newest = new LinkedHashMap<>();
        samples.forEach(s -> newest.put(s.parameter(), s));
        Map<String, AlarmOccurrence> open = new LinkedHashMap<>();
        for (AlarmOccurrence o : engine.openOccurrences()) {
            if (o.source() == AlarmSource.TELEMETRY && o.key().origin() == DataOrigin.LIVE) {
                open.put(o.key().subject(), o);
            }
        }
        Map<String, ParameterLimits> limits = engine.telemetry().activeLimitSet().flatMap(engine.telemetry()::limitSet)
                .map(TelemetryLimitSet::limits).orElse(Map.of());
        List<Reading> readings = new ArrayList<>();
        for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
            TelemetrySample s = newest.get(p.name());
            if (s == null) {
                continue;
            }
            AlarmOccurrence o = open.get(p.name());
            readings.add(new Reading(p, s.sampledAt(), s.value(),
                    o != null && o.conditionActive() ? o.severity() : null, o == null ? null : o.state(),
                    engine.telemetry().quality(p.name(), DataOrigin.LIVE), limits.get(p.name())));
        }
        return readings;
    }

    // ------------------------------------------------------------------ the store

    /**
     * Puts the demo spacecraft in the store (spacecraft, its points, their limit sets) with the last
     * {@link #BACKFILL} of samples before {@code now}. A second call adds no limit set and rewrites the same values.
     * The alarm engine grades the spacecraft's telemetry once it is reloaded
     * ({@link Workstation#reloadAlarmConfiguration()}).
     */
    public static void installDemo(Store store, Instant now) {
        Instant end = second(now);
        List<TelemetrySampleRow> history = sample(end.minus(BACKFILL), end, now);
        store.write(tx -> {
            boolean fresh = !hasDemoSpacecraft(tx);
            tx.telemetry().saveSpacecraft(new SpacecraftRow(DemoSpacecraft.SPACECRAFT_ID, "Demo satellite 1", null,
                    "AstroShield demo", now));
            for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
                tx.telemetry().savePoint(new TelemetryPointRow(DemoSpacecraft.SPACECRAFT_ID, p.name(), p.unit(),
                        p.label()));
                if (fresh) {
                    tx.telemetry().addLimitSet(limitSetRow(p, end.minus(BACKFILL), now));
                }
            }
            tx.telemetry().appendSamples(history);
            return null;
        });
    }

    /** Samples of every parameter at each whole second in [from, to), in time order. */
    static List<TelemetrySampleRow> sample(Instant from, Instant to, Instant receivedAt) {
        List<TelemetrySampleRow> rows = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(DemoSpacecraft.CADENCE)) {
            for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
                rows.add(new TelemetrySampleRow(DemoSpacecraft.SPACECRAFT_ID, p.name(), t, DemoSpacecraft.value(p, t),
                        SampleQuality.GOOD, receivedAt));
            }
        }
        return rows;
    }

    /** Stored samples of one parameter with time in [from, to), oldest first: what replay shows. */
    public List<TelemetrySampleRow> history(DemoSpacecraft.Parameter p, Instant from, Instant to) {
        return ws.store().read(tx -> tx.telemetry().samples(DemoSpacecraft.SPACECRAFT_ID, p.name(), from, to));
    }

    /** The stored limits of {@code p} in force at {@code t}, if any. */
    public Optional<ParameterLimits> storedLimits(DemoSpacecraft.Parameter p, Instant t) {
        return ws.store().read(tx -> tx.telemetry().limitsAt(DemoSpacecraft.SPACECRAFT_ID, p.name(), t))
                .map(TelemetryFeed::limits);
    }

    /** Yellow is the store's WARNING band and red its CRITICAL band ({@link ParameterLimits#YELLOW}, RED). */
    static LimitSetRow limitSetRow(DemoSpacecraft.Parameter p, Instant validFrom, Instant changedAt) {
        ParameterLimits l = p.limits();
        return new LimitSetRow(DemoSpacecraft.SPACECRAFT_ID, p.name(), validFrom, LimitRange.NONE,
                new LimitRange(box(l.yellowLow()), box(l.yellowHigh())), LimitRange.NONE,
                new LimitRange(box(l.redLow()), box(l.redHigh())), LimitRange.NONE, LIMITS_AUTHOR, changedAt);
    }

    static ParameterLimits limits(LimitSetRow row) {
        return new ParameterLimits(unbox(row.critical().low()), unbox(row.warning().low()),
                unbox(row.warning().high()), unbox(row.critical().high()));
    }

    private static Double box(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double unbox(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static boolean hasDemoSpacecraft(Tx tx) {
        return tx.telemetry().spacecraft().stream().anyMatch(s -> s.spacecraftId().equals(DemoSpacecraft.SPACECRAFT_ID));
    }

    private static Optional<Instant> newestSample(Tx tx, Instant since, Instant until) {
        // every parameter is sampled at the same seconds: the first one's newest sample is the feed's
        List<TelemetrySampleRow> rows = tx.telemetry().samples(DemoSpacecraft.SPACECRAFT_ID,
                DemoSpacecraft.PARAMETERS.get(0).name(), since, until);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1).sampleTime());
    }

    private static Instant second(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
